import { rankCandidatesInto, type SearchScope } from './find-partners.ts';
import type { MatchingPool, PartnerCapacity } from './pool.ts';
import type { MatchingSettings } from './settings.ts';

/**
 * How many schools with per-area data reciprocal matching finds a partner for, within their
 * radius or beyond it, and why the rest get none.
 */
export interface ReciprocalCoverage {
  /** Schools with data in at least one area. */
  withAreaData: number;
  /** Of those, schools offered at least one reciprocal partner. */
  covered: number;
  /** Of those covered, schools whose partners are all beyond their radius. */
  remote: number;
  /** Why the rest get none: neither clearly strong nor clearly weak in any area. */
  noStrengthOrWeakness: number;
  /** Strong somewhere but weak nowhere: nothing to receive. */
  noWeakness: number;
  /** Weak somewhere but strong nowhere: nothing to give. */
  noStrength: number;
  /** Both, but no school with room is strong where it is weak and weak where it is strong. */
  noComplement: number;
}

export function reciprocalCoverage(
  pool: MatchingPool,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
): ReciprocalCoverage {
  const c: ReciprocalCoverage = {
    withAreaData: 0,
    covered: 0,
    remote: 0,
    noStrengthOrWeakness: 0,
    noWeakness: 0,
    noStrength: 0,
    noComplement: 0,
  };
  const scope: SearchScope = { pool, query: { strategy: 'reciprocal' }, settings, capacity };
  for (const facts of pool.facts.values()) {
    if (facts.areas.measured === 0 || !facts.location) continue;
    c.withAreaData++;
    if (facts.strengths === 0 && facts.weaknesses === 0) c.noStrengthOrWeakness++;
    else if (facts.weaknesses === 0) c.noWeakness++;
    else if (facts.strengths === 0) c.noStrength++;
    else {
      // Whether there is any partner at all: the best one is all that needs ranking.
      const ranking = rankCandidatesInto(scope, facts.school.urn, 1, () => {});
      if (ranking.ok && ranking.shown > 0) {
        c.covered++;
        if (ranking.remote) c.remote++;
      } else c.noComplement++;
    }
  }
  return c;
}
