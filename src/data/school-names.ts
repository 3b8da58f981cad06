import type { Country } from '../domain/school.ts';
import type { Db } from './db.ts';

/** Names of the given schools from the registry (a URN the registry lacks is left out). */
export async function getSchoolNames(db: Db, urns: readonly number[]): Promise<Map<number, string>> {
  if (urns.length === 0) return new Map();
  const rows = await db.selectFrom('schools').select(['urn', 'name']).where('urn', 'in', urns).execute();
  return new Map(rows.map((r) => [r.urn, r.name]));
}

/** A school's name and country, or undefined when the registry lacks it. */
export async function getSchoolNameAndCountry(
  db: Db,
  urn: number,
): Promise<{ name: string; country: Country } | undefined> {
  const row = await db.selectFrom('schools').select(['name', 'country']).where('urn', '=', urn).executeTakeFirst();
  return row && { name: row.name, country: row.country };
}

/** The Welsh record a GIAS row of the same Welsh school is linked to, if it is one. */
export async function getSameAs(db: Db, urn: number): Promise<number | null> {
  const row = await db.selectFrom('schools').select('same_as').where('urn', '=', urn).executeTakeFirst();
  return row?.same_as ?? null;
}
