import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/** One school's yearly values, whether it is in the partnership, and its weight in the fit. */
export interface PanelSchool {
  urn: number;
  treated: boolean;
  weight: number;
  values: ReadonlyMap<number, number>;
}

/** What the partnership's effect is allowed to look like, year by year. */
export interface EffectColumns {
  count: number;
  /** For a partnership school in `year`, the value of each effect column. */
  at: (year: number) => number[];
}

/** A partnership school in the fit. */
export interface SchoolFit {
  urn: number;
  weight: number;
  /** The school's years in the model, ascending, and its values in them. */
  years: number[];
  values: number[];
  /**
   * How much each of the school's values moves each effect's estimate (effects × years; every
   * estimate is the sum over schools of influence × values). Each row sums to zero, so a school's
   * own level never moves an estimate.
   */
  influence: number[][];
  /** The school's share of each effect's estimation error: influence × the school's residuals. */
  contribution: number[];
}

/**
 * The comparison schools in the fit, packed into flat arrays (thousands of them nationally):
 * school i has values[offsets[i]] up to values[offsets[i + 1]], in the years at the same places
 * of yearIndexes (indexes into the fit's years, ascending), and its contribution to effect k at
 * contributions[i × effects + k].
 */
export interface PackedSchools {
  urns: number[];
  weights: Float64Array;
  offsets: Int32Array;
  yearIndexes: Int32Array;
  values: Float64Array;
  contributions: Float64Array;
}

export interface PanelFit {
  years: number[];
  effects: number[];
  /** Each year's effect common to every school, relative to the first year. */
  yearEffects: number[];
  treated: SchoolFit[];
  comparison: PackedSchools;
}

/**
 * Weighted least squares with school and year fixed effects and the given effect columns for the
 * partnership's schools, on a balanced or unbalanced panel. School effects are swept out by
 * taking each school's values from its own mean (Frisch–Waugh–Lovell), which leaves a small
 * system in the year and effect columns, solved by Cholesky decomposition; the design's rows are
 * never built, since each is a year dummy plus the effect columns. Schools with fewer than two
 * years tell nothing and are left out. Null when the data cannot separate the effects (for
 * example a year in which only partnership schools have results).
 */
export function fitTwoWayFixedEffects(
  schools: PanelSchool[],
  years: number[],
  effects: EffectColumns,
): PanelFit | null {
  const T = years.length;
  const K = effects.count;
  const first = T - 1;
  const p = first + K;
  // The effect columns' values for a partnership school, year by year (T × K).
  const effectTable = new Float64Array(T * K);
  years.forEach((y, i) => effects.at(y).forEach((v, k) => (effectTable[i * K + k] = v)));

  // Pack every school with two or more years, partnership schools first.
  const yearsOf = (s: PanelSchool) => years.reduce((n, y) => n + (s.values.has(y) ? 1 : 0), 0);
  const kept = [...schools.filter((s) => s.treated), ...schools.filter((s) => !s.treated)].filter(
    (s) => yearsOf(s) >= 2,
  );
  const G = kept.length;
  const offsets = new Int32Array(G + 1);
  const yearIndexes: number[] = [];
  const values: number[] = [];
  kept.forEach((s, g) => {
    years.forEach((y, i) => {
      const v = s.values.get(y);
      if (v !== undefined) {
        yearIndexes.push(i);
        values.push(v);
      }
    });
    offsets[g + 1] = values.length;
  });
  const treatedCount = kept.filter((s) => s.treated).length;
  const weights = Float64Array.from(kept, (s) => s.weight);

  // A school's mean row (which its fixed effect takes out) and mean value, into `mean`.
  const mean = new Float64Array(p);
  const meanOf = (g: number): number => {
    mean.fill(0);
    const [from, to] = [offsets[g]!, offsets[g + 1]!];
    const n = to - from;
    let meanValue = 0;
    for (let o = from; o < to; o++) {
      const i = yearIndexes[o]!;
      if (i > 0) mean[i - 1]! += 1 / n;
      if (g < treatedCount) for (let k = 0; k < K; k++) mean[first + k]! += effectTable[i * K + k]! / n;
      meanValue += values[o]! / n;
    }
    return meanValue;
  };
  // One row of the design times a vector, without building the row.
  const rowDot = (g: number, i: number, v: ArrayLike<number>) => {
    let s = i > 0 ? v[i - 1]! : 0;
    if (g < treatedCount) for (let k = 0; k < K; k++) s += effectTable[i * K + k]! * v[first + k]!;
    return s;
  };

  // X̃'WX̃ = Σ w (Σ x xᵀ − n x̄ x̄ᵀ) and X̃'Wỹ = Σ w (Σ x y − n x̄ ȳ), summed into the upper triangle.
  const normal = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  for (let g = 0; g < G; g++) {
    const w = weights[g]!;
    const meanValue = meanOf(g);
    const n = offsets[g + 1]! - offsets[g]!;
    for (let o = offsets[g]!; o < offsets[g + 1]!; o++) {
      const i = yearIndexes[o]!;
      const y = values[o]!;
      const c = i - 1;
      if (c >= 0) {
        normal[c * p + c]! += w;
        rhs[c]! += w * y;
      }
      if (g >= treatedCount) continue;
      for (let k = 0; k < K; k++) {
        const d = effectTable[i * K + k]!;
        if (d === 0) continue;
        if (c >= 0) normal[c * p + first + k]! += w * d;
        rhs[first + k]! += w * d * y;
        for (let l = k; l < K; l++) normal[(first + k) * p + first + l]! += w * d * effectTable[i * K + l]!;
      }
    }
    for (let a = 0; a < p; a++) {
      if (mean[a] === 0) continue;
      rhs[a]! -= w * n * mean[a]! * meanValue;
      for (let b = a; b < p; b++) normal[a * p + b]! -= w * n * mean[a]! * mean[b]!;
    }
  }
  // Only the upper triangle was summed: mirroring it keeps the matrix exactly symmetric.
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) normal[a * p + b] = normal[b * p + a]!;
  const cholesky = new CholeskyDecomposition(Matrix.from1DArray(p, p, normal));
  if (!cholesky.isPositiveDefinite()) return null;
  const inverse = cholesky.solve(Matrix.eye(p));
  const theta = inverse.mmul(Matrix.columnVector([...rhs])).getColumn(0);
  const effectRows = Array.from({ length: K }, (_, k) => inverse.getRow(first + k));

  // Each school's residuals, influence and contribution to each effect's error.
  const contributions = new Float64Array(G * K);
  const treated: SchoolFit[] = [];
  const residuals = new Float64Array(T);
  const rowMeans = new Float64Array(K);
  for (let g = 0; g < G; g++) {
    const [from, to] = [offsets[g]!, offsets[g + 1]!];
    const meanValue = meanOf(g);
    let centre = 0;
    for (let c = 0; c < p; c++) centre += mean[c]! * theta[c]!;
    for (let k = 0; k < K; k++) {
      let m = 0;
      for (let c = 0; c < p; c++) m += mean[c]! * effectRows[k]![c]!;
      rowMeans[k] = m;
    }
    for (let o = from; o < to; o++)
      residuals[o - from] = values[o]! - meanValue - (rowDot(g, yearIndexes[o]!, theta) - centre);
    const influence = g < treatedCount ? effectRows.map(() => new Array<number>(to - from)) : [];
    for (let k = 0; k < K; k++) {
      let sum = 0;
      for (let o = from; o < to; o++) {
        const a = weights[g]! * (rowDot(g, yearIndexes[o]!, effectRows[k]!) - rowMeans[k]!);
        sum += a * residuals[o - from]!;
        if (g < treatedCount) influence[k]![o - from] = a;
      }
      contributions[g * K + k] = sum;
    }
    if (g < treatedCount)
      treated.push({
        urn: kept[g]!.urn,
        weight: weights[g]!,
        years: Array.from(yearIndexes.slice(from, to), (i) => years[i]!),
        values: values.slice(from, to),
        influence,
        contribution: Array.from(contributions.subarray(g * K, (g + 1) * K)),
      });
  }
  const base = offsets[treatedCount]!;
  return {
    years,
    effects: theta.slice(first),
    yearEffects: years.map((_, i) => (i === 0 ? 0 : theta[i - 1]!)),
    treated,
    comparison: {
      urns: kept.slice(treatedCount).map((s) => s.urn),
      weights: weights.slice(treatedCount),
      offsets: offsets.slice(treatedCount).map((o) => o - base),
      yearIndexes: Int32Array.from(yearIndexes.slice(base)),
      values: Float64Array.from(values.slice(base)),
      contributions: contributions.slice(treatedCount * K),
    },
  };
}
