import type { SchoolGroup } from '../classification/types.ts';
import type { LatLon, Phase, School } from '../school.ts';
import { explainCandidate } from './explain.ts';
import { contextSimilarity } from './context.ts';
import type { MatchingPool, PartnerCapacity, PartnerFacts } from './pool.ts';
import { candidateGroups, strategyFit, weightedScore, type ScoreParts } from './score.ts';
import type { MatchingSettings, SupportStrategy } from './settings.ts';

export interface PartnerQuery {
  strategy: SupportStrategy;
  /** Overrides the radius for the school's phase. */
  radiusKm?: number;
  limit?: number;
  /** Only candidates of this establishment type or type group (as GIAS names them). */
  type?: string;
  /** Only candidates in this trust. */
  trust?: string;
  /** Leave out candidates that already have a partnership. */
  excludePartnered?: boolean;
}

export interface Candidate {
  urn: number;
  name: string;
  phase: Phase;
  group: SchoolGroup;
  distanceKm: number;
  /** 0–1; higher is a better match. */
  score: number;
  /** Beyond the radius: offered because nothing suitable is nearer. */
  remote: boolean;
  reasons: string[];
  parts: ScoreParts;
  location: LatLon;
}

export type PartnerSearch =
  | { ok: true; school: PartnerFacts; radiusKm: number; candidates: Candidate[] }
  | { ok: false; error: 'unknown-school' | 'no-location'; message: string };

export const DEFAULT_CANDIDATE_LIMIT = 10;

export interface RankedCandidate {
  facts: PartnerFacts;
  distanceKm: number;
  parts: ScoreParts;
  score: number;
  spare: number;
}

export type Ranking =
  | { ok: true; school: PartnerFacts; radiusKm: number; remote: boolean; ranked: RankedCandidate[] }
  | { ok: false; error: 'unknown-school' | 'no-location'; message: string };

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Every suitable candidate for a school, best first, without the words: candidates of a
 * compatible phase within the radius or, when there are none, the nearest beyond it (remote).
 * Deterministic: ties go to the nearer school, then the lower URN.
 */
export function rankCandidates<S extends School>(
  pool: MatchingPool<S>,
  urn: number,
  query: PartnerQuery,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
): Ranking {
  const school = pool.facts.get(urn);
  if (!school) return { ok: false, error: 'unknown-school', message: `No open school with URN ${urn}` };
  const point = school.school.location;
  if (!point) {
    return {
      ok: false,
      error: 'no-location',
      message: `${school.school.name} (URN ${urn}) has no location on record, so partners cannot be found by distance`,
    };
  }
  const radiusKm = query.radiusKm ?? settings.radiusKm[school.school.phase];
  const phases = new Set(settings.compatiblePhases[school.school.phase]);
  const type = query.type?.toLowerCase();

  const fits = new Map<number, number>();
  const eligible = (s: S): boolean => {
    if (s.urn === urn || !phases.has(s.phase)) return false;
    if (type && s.typeName?.toLowerCase() !== type && s.typeGroup?.toLowerCase() !== type) return false;
    if (query.trust && s.trust !== query.trust) return false;
    const partners = capacity.partnersOf(s.urn);
    if (query.excludePartnered && partners > 0) return false;
    if (capacity.capacityOf(s.urn) - partners <= 0) return false;
    const facts = pool.facts.get(s.urn);
    if (!facts) return false;
    const fit = strategyFit(query.strategy, school, facts);
    if (fit === null) return false;
    fits.set(s.urn, fit);
    return true;
  };

  const score = (s: S, distanceKm: number, distanceScore: number): RankedCandidate => {
    const facts = pool.facts.get(s.urn)!;
    const spare = capacity.capacityOf(s.urn) - capacity.partnersOf(s.urn);
    const parts: ScoreParts = {
      distance: distanceScore,
      context: contextSimilarity(school.context, facts.context),
      fit: fits.get(s.urn)!,
      capacity: Math.min(1, spare / Math.max(1, capacity.capacityOf(s.urn))),
    };
    return { facts, distanceKm, parts, score: weightedScore(parts, settings.weights), spare };
  };

  let remote = false;
  let scored = pool.index
    .within(point, radiusKm, eligible)
    .map((n) => score(n.item, n.distanceKm, radiusKm > 0 ? 1 - n.distanceKm / radiusKm : 1));
  if (scored.length === 0) {
    remote = true;
    // A wider ring than will be shown, so the score, not just the distance, picks among them.
    const ring = settings.remoteCandidates * 3;
    const nearest = [...phases]
      .flatMap((phase) =>
        candidateGroups(query.strategy, school.classification.group).flatMap((group) =>
          pool
            .partition(phase, group)
            .nearest(point, { limit: ring, minDistanceKm: radiusKm, filter: eligible }),
        ),
      )
      .sort((a, b) => a.distanceKm - b.distanceKm || a.item.urn - b.item.urn)
      .slice(0, ring);
    const closest = nearest[0]?.distanceKm ?? 0;
    scored = nearest.map((n) => score(n.item, n.distanceKm, n.distanceKm > 0 ? closest / n.distanceKm : 1));
  }
  scored.sort(
    (a, b) => b.score - a.score || a.distanceKm - b.distanceKm || a.facts.school.urn - b.facts.school.urn,
  );
  if (remote) scored = scored.slice(0, settings.remoteCandidates);
  return { ok: true, school, radiusKm, remote, ranked: scored };
}

/**
 * Who a school could work with: the best candidates for a strategy, each with its score and
 * its reasons in plain English.
 */
export function findPartners<S extends School>(
  pool: MatchingPool<S>,
  urn: number,
  query: PartnerQuery,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
): PartnerSearch {
  const ranking = rankCandidates(pool, urn, query, settings, capacity);
  if (!ranking.ok) return ranking;
  const { school, radiusKm, remote } = ranking;
  return {
    ok: true,
    school,
    radiusKm,
    candidates: ranking.ranked.slice(0, query.limit ?? DEFAULT_CANDIDATE_LIMIT).map((c) => {
      const spare = c.spare;
      return {
        urn: c.facts.school.urn,
        name: c.facts.school.name,
        phase: c.facts.school.phase,
        group: c.facts.classification.group,
        distanceKm: round(c.distanceKm, 1),
        score: round(c.score, 3),
        remote,
        reasons: explainCandidate(query.strategy, school, c.facts, {
          distanceKm: c.distanceKm,
          remote,
          radiusKm,
          spare,
        }),
        parts: c.parts,
        location: c.facts.school.location!,
      };
    }),
  };
}
