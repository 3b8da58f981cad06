import jstat from 'jstat';
import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  evaluateRegistryMeasure,
  progressToTarget,
  type ImpactSchool,
} from '../../../../src/domain/partnerships/impact/evaluate.ts';
import { comparisonWeights } from '../../../../src/domain/partnerships/impact/comparison.ts';
import { fitTwoWayFixedEffects } from '../../../../src/domain/partnerships/impact/fixed-effects.ts';
import { lineage, lineageSeries } from '../../../../src/domain/partnerships/impact/lineage.ts';
import { nextResultsYear, resultYears } from '../../../../src/domain/partnerships/impact/measures.ts';
import { sentences } from '../../../../src/domain/partnerships/impact/words.ts';
import { translatePhrase } from '../../../../src/i18n/index.ts';

const t975 = (df: number) => jstat.jStat.studentt.inv(0.975, df);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);

/** A school like every other here in context, so every comparison school weighs the same. */
const school = (urn: number, values: [number, number][]): ImpactSchool => ({
  urn,
  fsmPercent: 20,
  pupils: 200,
  phase: 'Primary',
  series: new Map(values),
});
/** Two summers: 2019 before a partnership starting that September, 2022 after. */
const twoYears = (urn: number, before: number, change: number) =>
  school(urn, [
    [2019, before],
    [2022, before + change],
  ]);
const evaluate = (members: ImpactSchool[], pool: ImpactSchool[], until = '2023-01-31') =>
  evaluateRegistryMeasure({
    measure: 'ks2.rwmExpectedPercent',
    startDate: '2019-09-01',
    until,
    members,
    pool,
  });

describe('the fixed-effects fit', () => {
  // An unbalanced, weighted panel: some years missing, two effect columns for the first 4 schools.
  const years = [2016, 2017, 2018, 2019, 2022, 2023];
  const schools = Array.from({ length: 30 }, (_, i) => ({
    urn: i,
    treated: i < 4,
    weight: 0.5 + ((i * 7) % 10) / 10,
    values: new Map(
      years.flatMap((y, t) =>
        (i * 3 + t) % 5 === 0
          ? []
          : [[y, 50 + i + ((i * t) % 7) + (i < 4 && y > 2019 ? 5 : 0)] as [number, number]],
      ),
    ),
  }));
  const effects = { count: 2, at: (y: number) => [y > 2019 ? 1 : 0, y === 2018 ? 1 : 0] };
  const fit = fitTwoWayFixedEffects(schools, years, effects)!;

  it('matches least squares with a dummy for every school and year', () => {
    const rows: number[][] = [];
    const ys: number[] = [];
    const ws: number[] = [];
    schools.forEach((s, g) =>
      s.values.forEach((v, y) => {
        const row = new Array<number>(schools.length + years.length + 1).fill(0);
        row[g] = 1;
        if (years.indexOf(y) > 0) row[schools.length + years.indexOf(y) - 1] = 1;
        if (s.treated) effects.at(y).forEach((e, k) => (row[schools.length + years.length - 1 + k] = e));
        rows.push(row);
        ys.push(v);
        ws.push(s.weight);
      }),
    );
    const x = new Matrix(rows);
    const xw = x.transpose().mmul(Matrix.diag(ws));
    const beta = solve(xw.mmul(x), xw.mmul(Matrix.columnVector(ys))).getColumn(0);
    fit.effects.forEach((e, k) => expect(e).toBeCloseTo(beta[schools.length + years.length - 1 + k]!, 9));
    fit.yearEffects.slice(1).forEach((l, i) => expect(l).toBeCloseTo(beta[schools.length + i]!, 9));
  });

  it('is linear in the partnership schools’ values, and a school’s level never moves it', () => {
    for (const t of fit.treated)
      for (const row of t.influence) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    const errors = [0, 1].map(
      (k) =>
        fit.treated.reduce((s, t) => s + t.contribution[k]!, 0) +
        fit.comparison.urns.reduce((s, _, j) => s + fit.comparison.contributions[j * 2 + k]!, 0),
    );
    // The residuals are orthogonal to the design: the contributions to each effect sum to zero.
    errors.forEach((e) => expect(e).toBeCloseTo(0, 9));
  });
});

describe('the estimate over two summers reduces to the textbook difference in differences', () => {
  const comparisonChanges = [1, 2, 3, 2, 2];
  const pool = comparisonChanges.map((c, i) => twoYears(200 + i, 40 + i, c));

  it('learns one school’s chance variation from similar schools: the pooled two-sample t-interval', () => {
    const impact = evaluate([twoYears(101, 50, 10)], pool);
    const r = impact.result!;
    expect(r.estimate).toBeCloseTo(10 - 2, 10);
    expect(r.uncertaintyFrom).toBe('similar-schools');
    // One school against five: SE² = s²(1 + 1/5), s² = 2/4 from the comparison; 4 degrees of freedom.
    const se = Math.sqrt(variance(comparisonChanges) * (1 + 1 / 5));
    expect(r.standardError).toBeCloseTo(se, 10);
    expect(r.degreesOfFreedom).toBeCloseTo(4, 10);
    expect(r.interval[0]).toBeCloseTo(8 - t975(4) * se, 8);
    expect(r.treatedChange).toBe(10);
    expect(r.comparisonChange).toBeCloseTo(2, 10);
  });

  it('learns ten or more schools’ chance variation from their own spread: Welch’s interval', () => {
    const memberChanges = [4, 9, 7, 12, 5, 8, 10, 6, 11, 3];
    const impact = evaluate(
      memberChanges.map((c, i) => twoYears(100 + i, 45 + i, c)),
      pool,
    );
    const r = impact.result!;
    expect(r.uncertaintyFrom).toBe('partner-schools');
    expect(r.estimate).toBeCloseTo(mean(memberChanges) - 2, 10);
    const [v1, v0] = [variance(memberChanges) / 10, variance(comparisonChanges) / 5];
    expect(r.standardError).toBeCloseTo(Math.sqrt(v1 + v0), 10);
    const welch = (v1 + v0) ** 2 / (v1 ** 2 / 9 + v0 ** 2 / 4);
    expect(r.degreesOfFreedom).toBeCloseTo(welch, 8);
  });

  it('gives no estimate against fewer than five comparison schools', () => {
    const impact = evaluate([twoYears(101, 50, 10)], pool.slice(0, 4));
    expect(impact.result).toBeNull();
    expect(impact.reading).toContain("Only 4 schools like the partnership's schools");
  });
});

describe('evaluating a published measure over every year', () => {
  // Comparison schools rise 2 points a year with their own wobble; the members rise 2 a year
  // until the partnership (baseline 2021), then 6 a year.
  const pool = [40, 42, 44, 46, 48, 50, 52].map((level, i) =>
    school(
      200 + i,
      [2017, 2018, 2019, 2022, 2023].map((year, t) => [
        year,
        level + 2 * t + ((i * (t + 1)) % 3) - 1 + (year > 2021 ? 0.5 * (i % 2) : 0),
      ]),
    ),
  );
  const member = (urn: number, level: number, after: number) =>
    school(urn, [
      [2017, level],
      [2018, level + 2],
      [2019, level + 4],
      [2022, level + 6 + after],
      [2023, level + 8 + 2 * after],
    ]);
  const impact = evaluateRegistryMeasure({
    measure: 'ks2.rwmExpectedPercent',
    startDate: '2021-09-01',
    until: '2024-01-15',
    members: [member(101, 41, 4), member(102, 46, 4)],
    pool,
  });

  it('uses every comparable summer, before and since, leaving out those without results', () => {
    expect(impact).toMatchObject({
      method: 'two-way-fixed-effects',
      baselineYear: 2021,
      outcomeYear: 2023,
      yearsBefore: [2017, 2018, 2019],
      yearsAfter: [2022, 2023],
      membersWithoutResults: [],
    });
  });

  it('finds an improvement beyond the comparison schools’ own, and says it is unlikely to be chance', () => {
    expect(impact.result!.estimate).toBeGreaterThan(4);
    expect(impact.result!.interval[0]).toBeGreaterThan(0);
    expect(impact.reading).toMatch(
      /^Comparing 2017 to 2019, before the partnership, with 2022 to 2023, since it started: the partnership's 2 schools rose by/,
    );
    expect(impact.reading).toContain('unlikely to be chance alone');
    expect(impact.reading).toContain('read this as a sign, not proof');
  });

  it('reads the same in Welsh, figures and all, for a page in Welsh', () => {
    const welsh = sentences(impact.readingWords, (p) => translatePhrase('cy', p));
    expect(welsh).toMatch(
      /^Gan gymharu 2017 i 2019, cyn y bartneriaeth, â 2022 i 2023, ers iddi ddechrau: cododd 2 ysgol y bartneriaeth \d+\.\d pwynt/,
    );
    expect(welsh).toContain('mae’n annhebygol mai siawns yn unig sy’n gyfrifol am y gwelliant');
    expect(welsh).toContain('darllenwch hyn fel arwydd, nid prawf');
    expect(sentences(impact.parallelTrends.noteWords, (p) => translatePhrase('cy', p))).toMatch(
      /^(Credadwy|Amheus|Does dim modd gwirio): /,
    );
  });

  it('shows the effect year by year against the last summer before the start', () => {
    expect(impact.eventStudy!.referenceYear).toBe(2019);
    expect(impact.eventStudy!.years.map((e) => e.year)).toEqual([2017, 2018, 2022, 2023]);
    const [e2022, e2023] = impact.eventStudy!.years.slice(2);
    expect(e2023!.estimate).toBeGreaterThan(e2022!.estimate);
  });

  it('describes the comparison: every eligible school, weighted by context', () => {
    expect(impact.comparison).toEqual({
      schools: 7,
      effectiveSchools: expect.closeTo(7, 8),
      matchedOn: ['fsmPercent', 'pupils', 'phase'],
    });
  });

  it('gives the two groups’ means in every year before the start', () => {
    expect(impact.preTrends.years).toEqual([2017, 2018, 2019]);
    expect(impact.preTrends.partnershipMean).toEqual([43.5, 45.5, 47.5]);
    expect(impact.preTrends.comparisonMean[0]).toBeCloseTo(mean(pool.map((s) => s.series.get(2017)!)), 10);
  });
});

describe('weighting the comparison', () => {
  const context = (urn: number, fsmPercent: number, pupils: number, phase = 'Primary') => ({
    urn,
    fsmPercent,
    pupils,
    phase,
  });
  const pool = [
    context(201, 40, 100),
    context(202, 10, 100),
    context(203, 40, 400),
    context(204, 40, 100, 'Middle deemed primary'),
    context(205, 25, 200),
    context(206, 20, 300),
  ];

  it('leans towards schools alike in free school meals, size and phase, keeping every school', () => {
    const weights = comparisonWeights([context(101, 40, 100)], pool);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(weights[0]).toBeGreaterThan(Math.max(...weights.slice(1)));
    expect(weights.every((w) => w > 0)).toBe(true);
  });

  it('gives each partnership school an equal share, whatever its context', () => {
    const weights = comparisonWeights([context(101, 40, 100), context(102, 10, 100)], pool);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(2, 12);
    expect(weights[1]).toBeGreaterThan(weights[4]!);
  });

  it('never picks schools by their results: a bad year before the start neither drops nor favours one', () => {
    const steady = (urn: number, dip = 0) =>
      school(urn, [
        [2017, 50],
        [2018, 51],
        [2019, 52 + dip],
        [2022, 54],
      ]);
    const impact = evaluate(
      [steady(101)],
      [steady(201, -15), steady(202), steady(203), steady(204), steady(205)],
    );
    expect(impact.comparison.effectiveSchools).toBeCloseTo(5, 10);
    [50, 51, 52 - 15 / 5].forEach((m, i) => expect(impact.preTrends.comparisonMean[i]).toBeCloseTo(m, 10));
  });
});

describe('checking that the groups moved in step before the start', () => {
  const years = [2016, 2017, 2018, 2019, 2022, 2023];
  const wobble = (i: number, t: number) => ((i * 7 + t * 3) % 5) / 2 - 1;
  const pool = Array.from({ length: 12 }, (_, i) =>
    school(
      200 + i,
      years.map((y, t) => [y, 50 + i + t + wobble(i, t)]),
    ),
  );
  const members = (slopeBefore: number, dip = 0) =>
    [0, 1, 2].map((i) =>
      school(
        100 + i,
        years.map((y, t) => [
          y,
          40 + i + (y <= 2019 ? slopeBefore * t : 3 * slopeBefore + t + 2) + (y === 2019 ? dip : 0),
        ]),
      ),
    );
  const judge = (m: ImpactSchool[]) => evaluate(m, pool, '2024-01-31');

  it('finds the comparison plausible when the gap held steady', () => {
    const impact = judge(members(1));
    expect(impact.parallelTrends.plausible).toBe(true);
    expect(impact.parallelTrends.note).toMatch(/^Plausible: before the partnership \(2016 to 2019\)/);
  });

  it('finds it doubtful when the partnership’s schools were already pulling ahead', () => {
    const impact = judge(members(4));
    expect(impact.parallelTrends.plausible).toBe(false);
    expect(impact.parallelTrends.note).toMatch(/^Doubtful: /);
    expect(impact.reading).toContain('the comparison is doubtful');
  });

  it('finds it doubtful when the partnership began after an unusually bad year', () => {
    expect(judge(members(1, -8)).parallelTrends.plausible).toBe(false);
  });

  it('does not call results that moved exactly in step doubtful on rounding noise', () => {
    const series = (urn: number, values: number[]) =>
      school(
        urn,
        values.map((v, i) => [2021 + i, v]),
      );
    const impact = evaluateRegistryMeasure({
      measure: 'ks2.rwmExpectedPercent',
      startDate: '2023-09-01',
      until: '2025-08-31',
      members: [series(101, [55, 56, 57, 65, 73]), series(102, [48, 49, 50, 58, 66])],
      pool: [0, 1, 2, 3, 4, 5].map((i) =>
        series(200 + i, [50 + i, 51 + i, 52 + i, 53 + i + (i % 2), 54 + i + (i % 3)]),
      ),
    });
    expect(impact.parallelTrends.plausible).toBe(true);
  });

  it('says it cannot be checked with one summer before the start', () => {
    const impact = evaluate(
      [twoYears(101, 50, 10)],
      pool.map((s) =>
        school(s.urn, [
          [2019, 50],
          [2022, 52 + (s.urn % 3)],
        ]),
      ),
    );
    expect(impact.parallelTrends.plausible).toBeNull();
    expect(impact.parallelTrends.note).toContain('only one year (2019)');
  });
});

describe('saying when results will come', () => {
  const pool = [1, 2, 3, 4, 5].map((i) => twoYears(200 + i, 40, i));
  const evaluateFrom = (
    startDate: string,
    until: string,
    latestResultsYear: number | null,
    members: ImpactSchool[],
  ) =>
    evaluateRegistryMeasure({
      measure: 'ks2.rwmExpectedPercent',
      startDate,
      until,
      members,
      pool,
      latestResultsYear,
    });

  it('names the next summer with results when it is too early', () => {
    const early = evaluateFrom('2025-09-01', '2026-03-01', 2025, [school(101, [[2025, 50]])]);
    expect(early.result).toBeNull();
    expect(early.reading).toContain('The first to compare will be for summer 2026');
  });

  it('promises no results to a partnership that ended before any: they will never count', () => {
    const ended = evaluateRegistryMeasure({
      measure: 'ks2.rwmExpectedPercent',
      startDate: '2017-09-01',
      until: '2018-03-31',
      ended: true,
      members: [school(101, [[2017, 50]])],
      pool,
      latestResultsYear: 2019,
    });
    expect(ended.reading).toContain('The partnership ended before any');
    expect(ended.reading).toContain('it ended before the tests of summer 2018');
    expect(ended.reading).not.toMatch(/will be for|will show/);
  });

  it('skips the summers of 2020 and 2021, which had no tests', () => {
    expect(nextResultsYear(2019)).toBe(2022);
    const covid = evaluateFrom('2019-09-01', '2021-03-01', 2019, [school(101, [[2019, 50]])]);
    expect(covid.reading).toContain('summer 2022');
  });

  it('does not promise long-past results on old data: it says the data stops before the start', () => {
    const historic = evaluateFrom('2017-09-01', '2026-03-01', 2017, [school(101, [[2017, 50]])]);
    expect(historic.reading).toContain('results S2S holds go up to 2017');
    expect(historic.reading).toContain('once newer performance tables are imported');
    expect(historic.reading).not.toContain('first to compare');
  });

  it('says when the partnership’s schools lack results before or since', () => {
    const none = evaluateFrom('2019-09-01', '2023-01-31', 2022, [school(101, [[2022, 50]])]);
    expect(none.membersWithoutResults).toEqual([101]);
    expect(none.reading).toContain("None of the partnership's schools has");
    expect(none.reading).toContain('before, the data holds none; since, results for 2022');
  });

  it('does not blame the data when it has later results but the partnership’s schools do not', () => {
    const missing = evaluateFrom('2019-09-01', '2023-01-31', 2022, [school(101, [[2019, 50]])]);
    expect(missing.reading).not.toContain('once newer performance tables are imported');
    expect(missing.reading).toContain('before, the data holds results for 2019; since, none');
  });
});

describe('school lineage across URN changes', () => {
  // 300 converted to academy 301 (GIAS records it both ways); 299 merged into 300 earlier.
  const links = [
    { urn: 301, linkUrn: 300, linkType: 'Predecessor' },
    { urn: 300, linkUrn: 301, linkType: 'Successor' },
    { urn: 299, linkUrn: 300, linkType: 'Successor - merged' },
    { urn: 500, linkUrn: 501, linkType: 'Sixth form centre link' },
  ];

  it('walks predecessors nearest first, then successors', () => {
    expect(lineage(301, links)).toEqual([301, 300, 299]);
    expect(lineage(300, links)).toEqual([300, 299, 301]);
    expect(lineage(500, links)).toEqual([500]);
  });

  it('takes each year from the nearest school that has it', () => {
    const values = new Map([
      [301, new Map([[2023, 70]])],
      [
        300,
        new Map([
          [2022, 60],
          [2023, 99],
        ]),
      ],
      [299, new Map([[2021, 50]])],
    ]);
    expect(lineageSeries(lineage(301, links), values)).toEqual(
      new Map([
        [2023, 70],
        [2022, 60],
        [2021, 50],
      ]),
    );
  });

  it('survives a cycle in the links', () => {
    expect(
      lineage(1, [
        { urn: 1, linkUrn: 2, linkType: 'Predecessor' },
        { urn: 2, linkUrn: 1, linkType: 'Predecessor' },
      ]),
    ).toEqual([1, 2]);
  });
});

describe('result years', () => {
  it('uses the last summer before the start as the baseline', () => {
    expect(resultYears('2019-09-01', '2022-07-31')).toEqual({ baselineYear: 2019, lastOutcomeYear: 2021 });
    expect(resultYears('2020-03-01', '2022-09-01')).toEqual({ baselineYear: 2019, lastOutcomeYear: 2022 });
  });
});

describe('progress towards a recorded target', () => {
  it('is the share of the way from baseline to target', () => {
    expect(progressToTarget(40, 60, 55)).toEqual({ latest: 55, shareOfWay: 0.75, reached: false });
    expect(progressToTarget(10, 4, 3)).toMatchObject({ reached: true });
    expect(progressToTarget(40, 60, null)).toEqual({ latest: null, shareOfWay: null, reached: false });
  });
});
