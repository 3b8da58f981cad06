import type { Db } from './db.ts';

/** Names of the given schools from the registry (a URN the registry lacks is left out). */
export async function getSchoolNames(db: Db, urns: readonly number[]): Promise<Map<number, string>> {
  if (urns.length === 0) return new Map();
  const rows = await db.selectFrom('schools').select(['urn', 'name']).where('urn', 'in', urns).execute();
  return new Map(rows.map((r) => [r.urn, r.name]));
}
