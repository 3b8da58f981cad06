import { explainCandidate } from '../matching/explain.ts';
import { rankCandidates, type RankedCandidate } from '../matching/find-partners.ts';
import type { MatchingPool, PartnerCapacity } from '../matching/pool.ts';
import type { MatchingSettings } from '../matching/settings.ts';
import { allocateOptimally } from './min-cost-flow.ts';
import type { AllocationProblem } from './problem.ts';

export interface Assignment {
  urn: number;
  name: string;
  supporterUrn: number;
  supporterName: string;
  distanceKm: number;
  score: number;
  remote: boolean;
  reasons: string[];
}

export type UnsupportedReason = 'no-location' | 'no-candidate' | 'capacity-taken';

export interface Unsupported {
  urn: number;
  name: string;
  reason: UnsupportedReason;
  /** Why, in plain English. */
  text: string;
}

export interface Allocation {
  assignments: Assignment[];
  unsupported: Unsupported[];
  summary: { inNeed: number; supported: number; unsupported: number; remote: number; supporters: number };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Pairs every school in need with a high-performing supporter at once: as many supported as
 * the supporters' spare capacity allows, then the best total match, beyond the radius for
 * schools with nothing nearer. Deterministic for the same pool, settings and capacities.
 */
export function allocateNationally(
  pool: MatchingPool,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
): Allocation {
  const inNeed = [...pool.facts.values()]
    .filter((f) => f.classification.group === 'in-need')
    .sort((a, b) => a.school.urn - b.school.urn);

  const unsupported: Unsupported[] = [];
  const ranked = new Map<
    number,
    { remote: boolean; radiusKm: number; byUrn: Map<number, RankedCandidate> }
  >();
  const problem: { seekers: AllocationProblem['seekers']; capacity: Map<number, number> } = {
    seekers: [],
    capacity: new Map(),
  };
  for (const facts of inNeed) {
    const { urn, name } = facts.school;
    const ranking = rankCandidates(pool, urn, { strategy: 'support' }, settings, capacity);
    if (!ranking.ok) {
      unsupported.push({
        urn,
        name,
        reason: 'no-location',
        text: 'No location on record, so no partner can be found by distance',
      });
      continue;
    }
    const options = ranking.ranked.slice(0, settings.allocationOptions);
    if (options.length === 0) {
      unsupported.push({
        urn,
        name,
        reason: 'no-candidate',
        text: 'No high-performing school of a compatible phase has spare capacity, at any distance',
      });
      continue;
    }
    ranked.set(urn, {
      remote: ranking.remote,
      radiusKm: ranking.radiusKm,
      byUrn: new Map(options.map((o) => [o.facts.school.urn, o])),
    });
    problem.seekers.push({
      seeker: urn,
      options: options.map((o) => ({ supporter: o.facts.school.urn, quality: o.score })),
    });
    for (const o of options) problem.capacity.set(o.facts.school.urn, o.spare);
  }

  const solution = allocateOptimally(problem);
  for (const urn of solution.unassigned) {
    const options = ranked.get(urn)!.byUrn.size;
    unsupported.push({
      urn,
      name: pool.facts.get(urn)!.school.name,
      reason: 'capacity-taken',
      text:
        options === 1
          ? 'Its only possible supporter is needed by a school with no other option or a better match'
          : `All ${options} possible supporters are needed by schools with no other option or a better match`,
    });
  }
  const assignments = solution.pairs.map(({ seeker, supporter }): Assignment => {
    const school = pool.facts.get(seeker)!;
    const { remote, radiusKm, byUrn } = ranked.get(seeker)!;
    const candidate = byUrn.get(supporter)!;
    return {
      urn: seeker,
      name: school.school.name,
      supporterUrn: supporter,
      supporterName: candidate.facts.school.name,
      distanceKm: round(candidate.distanceKm, 1),
      score: round(candidate.score, 3),
      remote,
      reasons: explainCandidate('support', school, candidate.facts, {
        distanceKm: candidate.distanceKm,
        remote,
        radiusKm,
        spare: candidate.spare,
      }),
    };
  });
  unsupported.sort((a, b) => a.urn - b.urn);
  return {
    assignments,
    unsupported,
    summary: {
      inNeed: inNeed.length,
      supported: assignments.length,
      unsupported: unsupported.length,
      remote: assignments.filter((a) => a.remote).length,
      supporters: new Set(assignments.map((a) => a.supporterUrn)).size,
    },
  };
}
