import { getSchoolNames } from '../../data/school-names.ts';
import type { AppContext } from '../context.ts';

type Ctx = Pick<AppContext, 'db'>;

/** A school's name, or undefined when no school has the URN. */
export async function schoolName(ctx: Ctx, urn: number): Promise<string | undefined> {
  return (await getSchoolNames(ctx.db, [urn])).get(urn);
}

/** The schools a person belongs to (or any list of URNs) with their names, in the order given. */
export async function withSchoolNames<T extends { urn: number }>(
  ctx: Ctx,
  schools: readonly T[],
): Promise<(T & { name: string })[]> {
  const names = await getSchoolNames(
    ctx.db,
    schools.map((s) => s.urn),
  );
  return schools.map((s) => ({ ...s, name: names.get(s.urn) ?? `School ${s.urn}` }));
}
