/** What a school is like, apart from its results: what the comparison is weighted on. */
export interface SchoolContext {
  urn: number;
  fsmPercent: number | null;
  pupils: number | null;
  phase: string | null;
}

/** The context the comparison is weighted on, as the API names it. */
export const MATCHED_ON = ['fsmPercent', 'pupils', 'phase'] as const;

/**
 * How far apart two schools may be, in standard deviations of the eligible schools, before a
 * comparison school's weight falls to 61% (one bandwidth) of an identical school's. Half a
 * standard deviation keeps schools alike in context while leaving hundreds of comparison schools
 * nationally, so one unusual school cannot swing the result.
 */
const BANDWIDTH = 0.5;
/** A school of another phase counts as one standard deviation away. */
const PHASE_DISTANCE = 1;

const spread = (xs: number[]) => {
  if (xs.length < 2) return 1;
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
  return sd > 0 ? sd : 1;
};
const present = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
// Size works on a log scale: 100 pupils against 200 is as far apart as 500 against 1,000.
const logPupils = (s: SchoolContext) => (s.pupils !== null && s.pupils > 0 ? Math.log(s.pupils) : null);

/**
 * A Gaussian kernel on context, scaled by the spread of the eligible schools: 1 for a school just
 * like the partnership school, falling smoothly with distance. A value either school lacks counts
 * as no difference. Results play no part: picking comparison schools by their results before the
 * start picks schools whose bad year bounces back (regression to the mean).
 */
export function contextSimilarity(pool: SchoolContext[]): (a: SchoolContext, b: SchoolContext) => number {
  const sdFsm = spread(present(pool.map((s) => s.fsmPercent)));
  const sdSize = spread(present(pool.map(logPupils)));
  const gap = (x: number | null, y: number | null, sd: number) =>
    x === null || y === null ? 0 : (x - y) / sd;
  return (a, b) => {
    const phase = a.phase !== null && b.phase !== null && a.phase !== b.phase ? PHASE_DISTANCE : 0;
    const d2 =
      gap(a.fsmPercent, b.fsmPercent, sdFsm) ** 2 + gap(logPupils(a), logPupils(b), sdSize) ** 2 + phase ** 2;
    return Math.exp(-d2 / (2 * BANDWIDTH ** 2));
  };
}

/**
 * Every eligible school's weight in the comparison: each partnership school shares out an equal
 * weight among the eligible schools by similarity, so the comparison is alike in context to the
 * partnership's schools taken together. Weights sum to the number of partnership schools.
 */
export function comparisonWeights(members: SchoolContext[], pool: SchoolContext[]): number[] {
  const similarity = contextSimilarity(pool);
  const weights = pool.map(() => 0);
  for (const m of members) {
    const k = pool.map((c) => similarity(m, c));
    const total = k.reduce((s, x) => s + x, 0);
    // A school unlike every eligible one (all weights underflow) takes them all equally.
    k.forEach((x, j) => (weights[j]! += total > 0 ? x / total : 1 / pool.length));
  }
  return weights;
}

/** Kish's effective number: how many equally weighted schools the weights are worth. */
export function effectiveNumber(weights: number[]): number {
  const sum = weights.reduce((s, w) => s + w, 0);
  const squares = weights.reduce((s, w) => s + w * w, 0);
  return squares > 0 ? (sum * sum) / squares : 0;
}
