import jstat from 'jstat';
import { inverse } from 'ml-matrix';
import { effectiveNumber } from './comparison.ts';
import type { PanelFit, SchoolFit } from './fixed-effects.ts';

/**
 * Where the estimate's uncertainty is learnt: from how the partnership's own schools differ from
 * one another (ten or more), or, for fewer, from the same calculation run on each similar school
 * that had no partnership.
 */
export type UncertaintyFrom = 'partner-schools' | 'similar-schools';

/**
 * Below this many partnership schools their own spread says too little about chance: with three,
 * a t-interval on two degrees of freedom is more than twice as wide as one learnt from hundreds
 * of similar schools, so a third school would widen the interval a second one narrowed.
 */
export const FEWEST_FOR_OWN_SPREAD = 10;
/** Fewer comparison schools than this (or placebo schools, for fewer than ten) is too few to say anything. */
export const FEWEST_COMPARISON_SCHOOLS = 5;

/**
 * The covariance of the effect estimates, clustered by school (each school's years may be
 * correlated, and schools may vary by chance by different amounts), in two parts so each gets its
 * own small-sample correction: the partnership's schools, and the comparison, with each part's
 * effective number of schools.
 */
export interface Covariance {
  from: UncertaintyFrom;
  treated: number[][];
  comparison: number[][];
  treatedSchools: number;
  comparisonSchools: number;
}

export interface Estimate {
  estimate: number;
  standardError: number;
  degreesOfFreedom: number;
  interval: [number, number];
}

/** The partnership's effect on a measure, over all the years after the start. */
export interface ImpactEstimate extends Estimate {
  treatedCount: number;
  comparisonCount: number;
  /** Mean change of the partnership's schools, from their years before the start to their years after. */
  treatedChange: number;
  /** The change they would have seen without the partnership, on the comparison's evidence. */
  comparisonChange: number;
  confidence: number;
  uncertaintyFrom: UncertaintyFrom;
}

const outer = (k: number) => Array.from({ length: k }, () => new Array<number>(k).fill(0));
const addOuter = (into: number[][], v: ArrayLike<number>, weight: number) => {
  for (let a = 0; a < v.length; a++)
    for (let b = 0; b < v.length; b++) into[a]![b]! += weight * v[a]! * v[b]!;
};
const scaled = (m: number[][], by: number) => m.map((row) => row.map((v) => v * by));

/**
 * CR1-style correction for a group of clusters: the residuals are fitted, so their spread
 * understates the errors' by about each cluster's share of the group (its leverage). For equal
 * weights this is G/(G−1); with unequal weights, the weighted analogue.
 */
function clusterCorrection(weights: ArrayLike<number>): number {
  let [sum, squares, cubes] = [0, 0, 0];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    sum += w;
    squares += w * w;
    cubes += w * w * w;
  }
  const leverage = squares > 0 ? cubes / (sum * squares) : 1;
  return leverage < 1 ? 1 / (1 - leverage) : Infinity;
}

/** Σ contribution contributionᵀ over clusters, with the correction. */
function clustered(contributions: ArrayLike<number>[], weights: ArrayLike<number>, k: number): number[][] {
  const sum = outer(k);
  for (const c of contributions) addOuter(sum, c, 1);
  return scaled(sum, clusterCorrection(weights));
}

const comparisonContributions = (fit: PanelFit) => {
  const k = fit.effects.length;
  return fit.comparison.urns.map((_, i) => fit.comparison.contributions.subarray(i * k, (i + 1) * k));
};

/**
 * A partnership school's chance variation learnt from similar schools: run its own calculation
 * (its years, its influence) on each comparison school that has results in all the same years,
 * weighted by how alike the two schools are. Comparison schools had no partnership, so these
 * placebo estimates show how far the result strays by chance alone.
 */
function borrowed(
  fit: PanelFit,
  treated: SchoolFit,
  similarity: (treatedUrn: number, comparisonUrn: number) => number,
): { covariance: number[][]; count: number; schools: number } {
  const k = treated.influence.length;
  const sum = outer(k);
  const weights: number[] = [];
  const wanted = treated.years.map((y) => fit.years.indexOf(y));
  const adjusted = new Float64Array(wanted.length);
  const placebo = new Array<number>(k).fill(0);
  const { urns, offsets, yearIndexes, values } = fit.comparison;
  urns.forEach((urn, j) => {
    // Both schools' years are in ascending order: walk them together.
    let t = 0;
    for (let o = offsets[j]!; o < offsets[j + 1]! && t < wanted.length; o++) {
      if (yearIndexes[o] !== wanted[t]) continue;
      adjusted[t] = values[o]! - fit.yearEffects[wanted[t]!]!;
      t++;
    }
    if (t < wanted.length) return;
    for (let a = 0; a < k; a++) {
      const row = treated.influence[a]!;
      let dot = 0;
      for (let u = 0; u < wanted.length; u++) dot += row[u]! * adjusted[u]!;
      placebo[a] = dot;
    }
    const w = similarity(treated.urn, urn);
    addOuter(sum, placebo, w);
    weights.push(w);
  });
  const total = weights.reduce((s, w) => s + w, 0);
  // The placebo estimates are taken from the comparison's own fitted year effects, so like
  // residuals they understate the spread a little: the same correction applies.
  return {
    covariance: total > 0 ? scaled(sum, clusterCorrection(weights) / total) : sum,
    count: weights.length,
    schools: effectiveNumber(weights),
  };
}

/** Null when there are too few schools to learn the uncertainty from. */
export function covariance(
  fit: PanelFit,
  similarity: (treatedUrn: number, comparisonUrn: number) => number,
): Covariance | null {
  const k = fit.effects.length;
  const { treated, comparison } = fit;
  if (treated.length === 0 || comparison.urns.length < FEWEST_COMPARISON_SCHOOLS) return null;
  const comparisonSchools = effectiveNumber([...comparison.weights]);
  const comparisonPart = clustered(comparisonContributions(fit), comparison.weights, k);
  if (treated.length >= FEWEST_FOR_OWN_SPREAD) {
    return {
      from: 'partner-schools',
      treated: clustered(
        treated.map((t) => t.contribution),
        treated.map((t) => t.weight),
        k,
      ),
      comparison: comparisonPart,
      treatedSchools: treated.length,
      comparisonSchools,
    };
  }
  const parts = treated.map((t) => borrowed(fit, t, similarity));
  if (parts.some((p) => p.count < FEWEST_COMPARISON_SCHOOLS)) return null;
  const treatedPart = outer(k);
  for (const p of parts) p.covariance.forEach((row, a) => row.forEach((v, b) => (treatedPart[a]![b]! += v)));
  return {
    from: 'similar-schools',
    treated: treatedPart,
    comparison: comparisonPart,
    treatedSchools: Math.min(...parts.map((p) => p.schools)),
    comparisonSchools,
  };
}

/**
 * Welch–Satterthwaite degrees of freedom for a sum of two independent variance parts learnt from
 * n1 and n0 schools: near n1 − 1 when the partnership's schools dominate the uncertainty.
 */
function satterthwaite(v1: number, n1: number, v0: number, n0: number): number {
  const part = (v: number, n: number) => (v > 0 ? (v * v) / Math.max(n - 1, 1) : 0);
  const denominator = part(v1, n1) + part(v0, n0);
  return denominator > 0 ? ((v1 + v0) * (v1 + v0)) / denominator : Math.max(n1 + n0 - 2, 1);
}

/**
 * The degrees of freedom of the k-th effect's variance. Learnt from similar schools, the whole
 * variance comes from the comparison schools, so it has as many as they do less one; learnt from
 * the partnership's schools, the two parts are independent and Welch–Satterthwaite combines them.
 */
function degreesOfFreedom(cov: Covariance, k: number): number {
  if (cov.from === 'similar-schools')
    return Math.max(Math.min(cov.treatedSchools, cov.comparisonSchools) - 1, 1);
  return satterthwaite(
    cov.treated[k]![k]!,
    cov.treatedSchools,
    cov.comparison[k]![k]!,
    cov.comparisonSchools,
  );
}

/** The k-th effect with its standard error and t-interval. */
export function effectEstimate(fit: PanelFit, cov: Covariance, k: number, confidence: number): Estimate {
  const standardError = Math.sqrt(cov.treated[k]![k]! + cov.comparison[k]![k]!);
  const df = degreesOfFreedom(cov, k);
  const margin = jstat.jStat.studentt.inv(1 - (1 - confidence) / 2, df) * standardError;
  const estimate = fit.effects[k]!;
  return { estimate, standardError, degreesOfFreedom: df, interval: [estimate - margin, estimate + margin] };
}

/**
 * Whether the given effects are all zero: a Wald test with the Hotelling-type small-sample
 * correction, F((d − q + 1)/(d q) W) on q and d − q + 1 degrees of freedom, d being the smallest
 * of the effects' own degrees of freedom. Null when there are too few schools to test.
 */
export function jointTest(fit: PanelFit, cov: Covariance, indices: number[]): { pValue: number } | null {
  const q = indices.length;
  const d = Math.min(...indices.map((k) => degreesOfFreedom(cov, k)));
  if (q === 0 || d - q + 1 < 1) return null;
  const v = indices.map((a) => indices.map((b) => cov.treated[a]![b]! + cov.comparison[a]![b]!));
  const beta = indices.map((k) => fit.effects[k]!);
  let wald: number;
  try {
    const vInverse = inverse(v);
    wald = beta.reduce((s, x, a) => s + x * beta.reduce((t, y, b) => t + vInverse.get(a, b) * y, 0), 0);
  } catch {
    return null;
  }
  if (!Number.isFinite(wald)) return null;
  const f = (wald * (d - q + 1)) / (d * q);
  return { pValue: 1 - jstat.jStat.centralF.cdf(f, q, d - q + 1) };
}
