import type { Country, Phase } from '../domain/school.ts';
import type { Db } from './db.ts';

export interface RegistryCoverage {
  /** Phases with at least one open school, so a filter offers none that finds nothing. */
  phases: Phase[];
  /** Countries with at least one open school, so a page claims no more than it holds. */
  countries: Country[];
  /** Whether the files imported record trusts and federations at all (a trimmed extract may not). */
  trusts: boolean;
}

/** What the registry's data covers. */
export async function registryCoverage(db: Db): Promise<RegistryCoverage> {
  const rows = await db
    .selectFrom('schools')
    .select(['phase', 'country'])
    .select((eb) => eb.fn.max(eb.case().when('trust', 'is not', null).then(1).else(0).end()).as('trusts'))
    .where('open', '=', true)
    .groupBy(['phase', 'country'])
    .execute();
  return {
    phases: [...new Set(rows.map((r) => r.phase))],
    countries: [...new Set(rows.map((r) => r.country))],
    trusts: rows.some((r) => Number(r.trusts) === 1),
  };
}
