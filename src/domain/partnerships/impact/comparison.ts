/** A school that could stand in for a partnership school had it not been in one. */
export interface ComparisonCandidate {
  urn: number;
  before: number;
  after: number;
  fsmPercent: number | null;
}

const spread = (xs: number[]) => {
  if (xs.length < 2) return 1;
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
  return sd > 0 ? sd : 1;
};

/**
 * For each partnership school, the `perSchool` candidates nearest to it in baseline result and
 * disadvantage (free school meals), each scaled by its spread across the candidates so neither
 * dominates. The union, in URN order, is the comparison group. Ties fall to the lower URN, so
 * the group is the same every time.
 */
export function similarSchools(
  treated: { urn: number; before: number; fsmPercent: number | null }[],
  candidates: ComparisonCandidate[],
  perSchool: number,
): ComparisonCandidate[] {
  const treatedUrns = new Set(treated.map((t) => t.urn));
  const pool = candidates.filter((c) => !treatedUrns.has(c.urn));
  const sdBefore = spread(pool.map((c) => c.before));
  const sdFsm = spread(pool.flatMap((c) => (c.fsmPercent === null ? [] : [c.fsmPercent])));
  const chosen = new Map<number, ComparisonCandidate>();
  for (const t of treated) {
    const distance = (c: ComparisonCandidate) => {
      const dBefore = (c.before - t.before) / sdBefore;
      const dFsm = t.fsmPercent === null || c.fsmPercent === null ? 0 : (c.fsmPercent - t.fsmPercent) / sdFsm;
      return dBefore ** 2 + dFsm ** 2;
    };
    const nearest = pool
      .map((c) => ({ c, d: distance(c) }))
      .sort((a, b) => a.d - b.d || a.c.urn - b.c.urn)
      .slice(0, perSchool);
    for (const { c } of nearest) chosen.set(c.urn, c);
  }
  return [...chosen.values()].sort((a, b) => a.urn - b.urn);
}
