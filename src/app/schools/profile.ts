import { getNationalAverages, getSchoolRecord } from '../../data/schools.ts';
import type { AppContext } from '../context.ts';
import { fail, ok } from '../result.ts';
import { classificationOf } from './groups.ts';

/**
 * One school with its inspections, performance, and its group under the active profile with the
 * reasons (null for a closed school): the answer of `GET /api/schools/{urn}`.
 */
export async function schoolRecord(ctx: Pick<AppContext, 'db' | 'snapshots'>, urn: number) {
  const record = await getSchoolRecord(ctx.db, urn);
  if (!record) return fail('not-found', `No school with URN ${urn}`);
  return ok({ ...record, classification: record.open ? await classificationOf(ctx.snapshots, urn) : null });
}

/** The school's record and, for each year of results, the national figures beside them. */
export async function schoolProfile(ctx: Pick<AppContext, 'db' | 'snapshots'>, urn: number) {
  const found = await schoolRecord(ctx, urn);
  if (!found.ok) return found;
  const nationalAverages = await Promise.all(
    found.value.performance.map((p) => getNationalAverages(ctx.db, p.year, p.keyStage)),
  );
  return ok({ ...found.value, nationalAverages });
}
