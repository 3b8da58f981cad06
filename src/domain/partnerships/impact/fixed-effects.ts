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

export interface SchoolFit {
  urn: number;
  treated: boolean;
  weight: number;
  /** The school's years in the model, ascending, and its values in them. */
  years: number[];
  values: number[];
  /**
   * For a partnership school, how much each of its values moves each effect's estimate (effects ×
   * years; every estimate is the sum over schools of influence × values). Each row sums to zero,
   * so a school's own level never moves an estimate. Empty for comparison schools, which need
   * only their contribution.
   */
  influence: number[][];
  /** The school's share of each effect's estimation error: influence × the school's residuals. */
  contribution: number[];
}

export interface PanelFit {
  years: number[];
  effects: number[];
  /** Each year's effect common to every school, relative to the first year. */
  yearEffects: Map<number, number>;
  schools: SchoolFit[];
}

/** A school's rows of the design: a year dummy (none for the first year) and the effect columns. */
interface Rows {
  school: PanelSchool;
  years: number[];
  values: number[];
  yearColumns: number[];
  effectRows: number[][];
  /** The mean row, which the school fixed effect takes out. */
  mean: Float64Array;
  meanValue: number;
}

/**
 * Weighted least squares with school and year fixed effects and the given effect columns for the
 * partnership's schools, on a balanced or unbalanced panel. School effects are swept out by
 * taking each school's values from its own mean (Frisch–Waugh–Lovell), which leaves a small
 * system in the year and effect columns, solved by Cholesky decomposition. Schools with fewer
 * than two years tell nothing and are left out. Null when the data cannot separate the effects
 * (for example a year in which only partnership schools have results).
 */
export function fitTwoWayFixedEffects(
  schools: PanelSchool[],
  years: number[],
  effects: EffectColumns,
): PanelFit | null {
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const first = years.length - 1;
  const p = first + effects.count;
  const noEffect = new Array<number>(effects.count).fill(0);
  const effectAt = new Map(years.map((y) => [y, effects.at(y)]));
  const normal = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  const kept: Rows[] = [];

  for (const school of schools) {
    const own: number[] = [];
    const values: number[] = [];
    for (const y of years) {
      const v = school.values.get(y);
      if (v !== undefined) {
        own.push(y);
        values.push(v);
      }
    }
    const n = own.length;
    if (n < 2) continue;
    const w = school.weight;
    const yearColumns = own.map((y) => yearIndex.get(y)! - 1);
    const effectRows = own.map((y) => (school.treated ? effectAt.get(y)! : noEffect));
    const mean = new Float64Array(p);
    let meanValue = 0;
    for (let t = 0; t < n; t++) {
      if (yearColumns[t]! >= 0) mean[yearColumns[t]!]! += 1 / n;
      const d = effectRows[t]!;
      for (let k = 0; k < d.length; k++) mean[first + k]! += d[k]! / n;
      meanValue += values[t]! / n;
    }
    // X̃'X̃ = Σ x xᵀ − n x̄ x̄ᵀ and X̃'ỹ = Σ x y − n x̄ ȳ, summed into the upper triangle only.
    for (let t = 0; t < n; t++) {
      const c = yearColumns[t]!;
      const d = effectRows[t]!;
      const y = values[t]!;
      if (c >= 0) {
        normal[c * p + c]! += w;
        rhs[c]! += w * y;
        for (let k = 0; k < d.length; k++) normal[c * p + first + k]! += w * d[k]!;
      }
      for (let k = 0; k < d.length; k++) {
        if (d[k] === 0) continue;
        rhs[first + k]! += w * d[k]! * y;
        for (let l = k; l < d.length; l++) normal[(first + k) * p + first + l]! += w * d[k]! * d[l]!;
      }
    }
    for (let a = 0; a < p; a++) {
      if (mean[a] === 0) continue;
      rhs[a]! -= w * n * mean[a]! * meanValue;
      for (let b = a; b < p; b++) normal[a * p + b]! -= w * n * mean[a]! * mean[b]!;
    }
    kept.push({ school, years: own, values, yearColumns, effectRows, mean, meanValue });
  }
  // Only the upper triangle was summed: mirroring it keeps the matrix exactly symmetric.
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) normal[a * p + b] = normal[b * p + a]!;
  const cholesky = new CholeskyDecomposition(Matrix.from1DArray(p, p, normal));
  if (!cholesky.isPositiveDefinite()) return null;
  const inverse = cholesky.solve(Matrix.eye(p));
  const theta = inverse.mmul(Matrix.columnVector([...rhs])).getColumn(0);
  const effectRows = Array.from({ length: effects.count }, (_, k) => inverse.getRow(first + k));

  // x·v for a school's row t, without building the row.
  const dot = (r: Rows, t: number, v: number[]) => {
    const c = r.yearColumns[t]!;
    const d = r.effectRows[t]!;
    let s = c >= 0 ? v[c]! : 0;
    for (let k = 0; k < d.length; k++) s += d[k]! * v[first + k]!;
    return s;
  };
  const meanDot = (r: Rows, v: number[]) => {
    let s = 0;
    for (let c = 0; c < p; c++) s += r.mean[c]! * v[c]!;
    return s;
  };
  const meanFit = (r: Rows) => meanDot(r, theta);

  const fitted = kept.map((r): SchoolFit => {
    const centre = meanFit(r);
    const residuals = r.values.map((y, t) => y - r.meanValue - (dot(r, t, theta) - centre));
    const contribution = new Array<number>(effects.count).fill(0);
    const influence = r.school.treated ? effectRows.map(() => new Array<number>(r.values.length)) : [];
    effectRows.forEach((row, k) => {
      const m = meanDot(r, row);
      for (let t = 0; t < r.values.length; t++) {
        const a = r.school.weight * (dot(r, t, row) - m);
        contribution[k]! += a * residuals[t]!;
        if (r.school.treated) influence[k]![t] = a;
      }
    });
    return {
      urn: r.school.urn,
      treated: r.school.treated,
      weight: r.school.weight,
      years: r.years,
      values: r.values,
      influence,
      contribution,
    };
  });
  return {
    years,
    effects: theta.slice(first),
    yearEffects: new Map(years.map((y, i) => [y, i === 0 ? 0 : theta[i - 1]!])),
    schools: fitted,
  };
}
