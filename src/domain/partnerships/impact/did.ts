import jstat from 'jstat';

/** One school's value of a measure before the partnership and after. */
export interface SchoolChange {
  urn: number;
  before: number;
  after: number;
}

export interface DifferenceInDifferences {
  treatedCount: number;
  comparisonCount: number;
  /** Mean change of the partnership's schools. */
  treatedChange: number;
  /** Mean change of the comparison schools over the same years. */
  comparisonChange: number;
  /** treatedChange − comparisonChange: the change beyond what similar schools saw anyway. */
  estimate: number;
  standardError: number;
  degreesOfFreedom: number;
  confidence: number;
  interval: [number, number];
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const squares = (xs: number[], m: number) => xs.reduce((s, x) => s + (x - m) ** 2, 0);

/**
 * Two-period difference in differences with a t-based interval. The variance of a school's
 * change is pooled across both groups, so a partnership of one or two schools still gets an
 * honest interval: how much a single school's change varies by chance is learnt from the
 * comparison schools. Deterministic: the same data always gives the same answer.
 */
export function differenceInDifferences(
  treated: SchoolChange[],
  comparison: SchoolChange[],
  confidence = 0.95,
): DifferenceInDifferences | null {
  const t = treated.map((s) => s.after - s.before);
  const c = comparison.map((s) => s.after - s.before);
  const degreesOfFreedom = t.length + c.length - 2;
  if (t.length === 0 || c.length === 0 || degreesOfFreedom < 1) return null;
  const treatedChange = mean(t);
  const comparisonChange = mean(c);
  const pooledVariance = (squares(t, treatedChange) + squares(c, comparisonChange)) / degreesOfFreedom;
  const standardError = Math.sqrt(pooledVariance * (1 / t.length + 1 / c.length));
  const estimate = treatedChange - comparisonChange;
  const margin = jstat.jStat.studentt.inv(1 - (1 - confidence) / 2, degreesOfFreedom) * standardError;
  return {
    treatedCount: t.length,
    comparisonCount: c.length,
    treatedChange,
    comparisonChange,
    estimate,
    standardError,
    degreesOfFreedom,
    confidence,
    interval: [estimate - margin, estimate + margin],
  };
}
