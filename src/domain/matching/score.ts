import { SCHOOL_AREAS, type SchoolGroup } from '../classification/types.ts';
import type { PartnerFacts } from './pool.ts';
import { STAGE, type ScoreColumns } from './stages.ts';
import type { MatchingSettings, SupportStrategy } from './settings.ts';

function bits(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Share of `weak` areas that `strong` covers (0 when there is nothing weak to cover). */
export function coverage(weak: number, strong: number): number {
  const wanted = bits(weak);
  return wanted === 0 ? 0 : bits(weak & strong) / wanted;
}

/**
 * The areas of `mask` where the giver is clearly ahead (by a margin or more), the two schools'
 * levels read from `receiver` at `r` and `giver` at `g`.
 */
function complementBits(
  mask: number,
  receiver: Float64Array,
  r: number,
  giver: Float64Array,
  g: number,
): number {
  let kept = mask;
  for (let m = mask; m !== 0; m &= m - 1) {
    const bit = m & -m;
    const i = 31 - Math.clz32(bit);
    if (!(giver[g + i]! - receiver[r + i]! >= 1)) kept &= ~bit;
  }
  return kept;
}

/**
 * The areas where `receiver` is weak and `giver` strong, keeping only those where the giver is
 * clearly ahead (by a margin or more): a school strong for itself in an area may still be behind
 * a school weak for itself in it.
 */
export function complementMask(receiver: PartnerFacts, giver: PartnerFacts): number {
  return complementBits(
    receiver.weaknesses & giver.strengths,
    receiver.areas.levels,
    0,
    giver.areas.levels,
    0,
  );
}

/** Share of the weak areas of the school at `r` in which the one at `g` is strong and clearly ahead. */
function helps(c: ScoreColumns, r: number, g: number): number {
  const weak = c.weaknesses[r]!;
  const areas = SCHOOL_AREAS.length;
  return coverage(weak, complementBits(weak & c.strengths[g]!, c.levels, r * areas, c.levels, g * areas));
}

/** The groups a candidate can be in for a school of `group` under a strategy. */
export function candidateGroups(strategy: SupportStrategy, group: SchoolGroup): SchoolGroup[] {
  if (strategy === 'support') return ['high-performing'];
  if (strategy === 'offer-support') return ['in-need'];
  if (strategy === 'reciprocal') return ['in-need', 'other', 'high-performing'];
  return (Object.keys(STAGE) as SchoolGroup[]).filter((g) => Math.abs(STAGE[g] - STAGE[group]) <= 1);
}

/** Share of the receiver's declared needs that the giver declares it can offer. */
export function declaredMatch(receiver: PartnerFacts, giver: PartnerFacts): number {
  return coverage(receiver.needs, giver.offers);
}

// An offer that meets a need counts as much as strengths that cover a quarter of the fit.
const DECLARED_WEIGHT = 0.25;

/**
 * How well the candidate at place `k` fits what the school at place `s` is looking for, 0–1, with
 * a declared offer that meets a declared need on top; null when it does not fit the strategy at all.
 */
export function strategyFit(strategy: SupportStrategy, c: ScoreColumns, s: number, k: number): number | null {
  const fit = evidenceFit(strategy, c, s, k);
  if (fit === null) return null;
  return Math.min(1, fit + DECLARED_WEIGHT * declaredShare(strategy, c, s, k));
}

/**
 * The largest share of a receiver's declared needs met under a strategy (as declaredFor, 0 for
 * none), without building the list: this runs for every candidate of every search.
 */
function declaredShare(strategy: SupportStrategy, c: ScoreColumns, s: number, k: number): number {
  const toSchool = strategy !== 'offer-support' && (c.needs[s]! & c.offers[k]!) !== 0;
  const toCandidate = strategy !== 'support' && (c.needs[k]! & c.offers[s]!) !== 0;
  return Math.max(
    0,
    toSchool ? coverage(c.needs[s]!, c.offers[k]!) : 0,
    toCandidate ? coverage(c.needs[k]!, c.offers[s]!) : 0,
  );
}

/**
 * The declared offers that meet declared needs under a strategy: the candidate's offers the
 * school's needs (support), the school's offers the candidate's needs (offer-support), or either
 * way (peer, reciprocal). Each with the areas and the share of the receiver's needs met.
 */
export function declaredFor(
  strategy: SupportStrategy,
  school: PartnerFacts,
  candidate: PartnerFacts,
): { receiver: 'school' | 'candidate'; met: number; share: number }[] {
  const ways: ('school' | 'candidate')[] =
    strategy === 'support'
      ? ['school']
      : strategy === 'offer-support'
        ? ['candidate']
        : ['school', 'candidate'];
  return ways.flatMap((receiver) => {
    const [r, g] = receiver === 'school' ? [school, candidate] : [candidate, school];
    const met = r.needs & g.offers;
    return met === 0 ? [] : [{ receiver, met, share: declaredMatch(r, g) }];
  });
}

/**
 * Whether the candidate at place `k` is of a group the strategy can use for the school at `s`:
 * the cheap part of strategyFit, which is null when this is false (and, where
 * groupAloneDecidesFit, only then).
 */
export function groupFits(strategy: SupportStrategy, c: ScoreColumns, s: number, k: number): boolean {
  switch (strategy) {
    case 'support':
      return c.stage[k] === STAGE['high-performing'];
    case 'peer':
      // Estyn: support works less well when "the distance between the schools is too great".
      return Math.abs(c.stage[s]! - c.stage[k]!) <= 1;
    case 'reciprocal':
      return true;
    case 'offer-support':
      return c.stage[k] === STAGE['in-need'];
  }
}

/**
 * Whether strategyFit is null exactly when groupFits is false: under every strategy but
 * reciprocal, whose fit also needs strengths to meet weaknesses both ways.
 */
export const groupAloneDecidesFit = (strategy: SupportStrategy): boolean => strategy !== 'reciprocal';

/** Whether strategyFit is not null, the fit worked out only where the group alone cannot tell. */
export function fitsStrategy(strategy: SupportStrategy, c: ScoreColumns, s: number, k: number): boolean {
  return (
    groupFits(strategy, c, s, k) &&
    (groupAloneDecidesFit(strategy) || evidenceFit(strategy, c, s, k) !== null)
  );
}

function evidenceFit(strategy: SupportStrategy, c: ScoreColumns, s: number, k: number): number | null {
  if (!groupFits(strategy, c, s, k)) return null;
  switch (strategy) {
    case 'support':
      return 0.6 + 0.4 * helps(c, s, k);
    case 'peer': {
      const mutual = (helps(c, s, k) + helps(c, k, s)) / 2;
      return (c.stage[s] === c.stage[k] ? 0.8 : 0.4) + 0.2 * mutual;
    }
    case 'reciprocal': {
      const given = helps(c, s, k);
      const received = helps(c, k, s);
      return given > 0 && received > 0 ? (given + received) / 2 : null;
    }
    case 'offer-support':
      return 0.6 + 0.4 * helps(c, k, s);
  }
}

export interface ScoreParts {
  distance: number;
  context: number | null;
  fit: number;
  capacity: number;
}

// An unknown context neither helps nor hurts.
const UNKNOWN_CONTEXT = 0.5;

export function weightedScore(parts: ScoreParts, weights: MatchingSettings['weights']): number {
  return scoreOf(parts.distance, parts.context, parts.fit, parts.capacity, weights);
}

/** weightedScore of the parts as numbers, for a search that builds nothing for most candidates. */
export function scoreOf(
  distance: number,
  context: number | null,
  fit: number,
  capacity: number,
  weights: MatchingSettings['weights'],
): number {
  return (
    weights.distance * distance +
    weights.context * (context ?? UNKNOWN_CONTEXT) +
    weights.fit * fit +
    weights.capacity * capacity
  );
}
