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
  years: number[];
  values: number[];
  /**
   * How much each of the school's values moves each effect's estimate (effects × years): the
   * estimate is the sum over schools of influence × values. Each row sums to zero, so a school's
   * own level never moves it.
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

interface Demeaned {
  school: PanelSchool;
  years: number[];
  values: number[];
  x: Float64Array[];
  y: Float64Array;
}

/**
 * Weighted least squares with school and year fixed effects and the given effect columns for the
 * partnership's schools, on a balanced or unbalanced panel. School effects are swept out by
 * taking each school's values from its own mean (Frisch–Waugh–Lovell), which leaves a small
 * system in the year and effect columns. Schools with fewer than two years tell nothing and are
 * left out. Null when the data cannot separate the effects (for example a year in which only
 * partnership schools have results).
 */
export function fitTwoWayFixedEffects(
  schools: PanelSchool[],
  years: number[],
  effects: EffectColumns,
): PanelFit | null {
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const p = years.length - 1 + effects.count;
  const normal = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  const kept: Demeaned[] = [];
  for (const school of schools) {
    const own = [...school.values].filter(([y]) => yearIndex.has(y)).sort((a, b) => a[0] - b[0]);
    if (own.length < 2) continue;
    const rows = own.map(([year]) => {
      const row = new Float64Array(p);
      const i = yearIndex.get(year)!;
      if (i > 0) row[i - 1] = 1;
      if (school.treated) effects.at(year).forEach((v, k) => (row[years.length - 1 + k] = v));
      return row;
    });
    const meanRow = new Float64Array(p);
    for (const row of rows) for (let c = 0; c < p; c++) meanRow[c]! += row[c]! / rows.length;
    const meanY = own.reduce((s, [, v]) => s + v, 0) / own.length;
    const x = rows.map((row) => row.map((v, c) => v - meanRow[c]!));
    const y = Float64Array.from(own, ([, v]) => v - meanY);
    for (let t = 0; t < x.length; t++) {
      const xt = x[t]!;
      for (let a = 0; a < p; a++) {
        const wa = school.weight * xt[a]!;
        if (wa === 0) continue;
        rhs[a]! += wa * y[t]!;
        for (let b = 0; b < p; b++) normal[a * p + b]! += wa * xt[b]!;
      }
    }
    kept.push({ school, years: own.map(([year]) => year), values: own.map(([, v]) => v), x, y });
  }
  const cholesky = new CholeskyDecomposition(
    Matrix.from1DArray(p, p, normal),
  );
  if (!cholesky.isPositiveDefinite()) return null;
  const inverse = cholesky.solve(Matrix.eye(p));
  const theta = inverse.mmul(Matrix.columnVector([...rhs])).getColumn(0);
  const effectRows = Array.from({ length: effects.count }, (_, k) => inverse.getRow(years.length - 1 + k));

  const fitted = kept.map(({ school, years: own, values, x, y }): SchoolFit => {
    const residuals = x.map((xt, t) => y[t]! - xt.reduce((s, v, c) => s + v * theta[c]!, 0));
    const influence = effectRows.map((row) => x.map((xt) => school.weight * xt.reduce((s, v, c) => s + v * row[c]!, 0)));
    return {
      urn: school.urn,
      treated: school.treated,
      weight: school.weight,
      years: own,
      values,
      influence,
      contribution: influence.map((a) => a.reduce((s, v, t) => s + v * residuals[t]!, 0)),
    };
  });
  return {
    years,
    effects: theta.slice(years.length - 1),
    yearEffects: new Map(years.map((y, i) => [y, i === 0 ? 0 : theta[i - 1]!])),
    schools: fitted,
  };
}
