import { describe, expect, it } from 'vitest';
import { similarSchools } from '../../../../src/domain/partnerships/impact/comparison.ts';
import { differenceInDifferences } from '../../../../src/domain/partnerships/impact/did.ts';
import {
  evaluateRegistryMeasure,
  progressToTarget,
  type ImpactSchool,
} from '../../../../src/domain/partnerships/impact/evaluate.ts';
import { lineage, lineageSeries } from '../../../../src/domain/partnerships/impact/lineage.ts';
import { resultYears } from '../../../../src/domain/partnerships/impact/measures.ts';

const change = (urn: number, before: number, after: number) => ({ urn, before, after });

describe('difference in differences', () => {
  // Members change by 5 and 7 (mean 6); comparison by 1, 2, 3, 0 (mean 1.5): estimate 4.5.
  // Pooled variance (2 + 5) / 4 = 1.75; SE = sqrt(1.75 × (1/2 + 1/4)); t(0.975, 4) = 2.776445.
  const result = differenceInDifferences(
    [change(1, 50, 55), change(2, 40, 47)],
    [change(3, 50, 51), change(4, 60, 62), change(5, 45, 48), change(6, 52, 52)],
  );

  it('is the members’ mean change less the comparison’s', () => {
    expect(result).toMatchObject({
      treatedChange: 6,
      comparisonChange: 1.5,
      treatedCount: 2,
      comparisonCount: 4,
      degreesOfFreedom: 4,
    });
    expect(result!.estimate).toBeCloseTo(4.5, 10);
  });

  it('has a t-based interval from the pooled variance', () => {
    const se = Math.sqrt(1.75 * 0.75);
    expect(result!.standardError).toBeCloseTo(se, 10);
    expect(result!.interval[0]).toBeCloseTo(4.5 - 2.776445 * se, 5);
    expect(result!.interval[1]).toBeCloseTo(4.5 + 2.776445 * se, 5);
  });

  it('gives a single member school an interval learnt from the comparison schools', () => {
    const single = differenceInDifferences(
      [change(1, 50, 60)],
      [change(3, 50, 51), change(4, 50, 53), change(5, 50, 52)],
    );
    // Comparison changes 1, 3, 2: variance 1 with 2 degrees of freedom; SE = sqrt(1 × (1 + 1/3)).
    expect(single!.estimate).toBeCloseTo(8, 10);
    expect(single!.standardError).toBeCloseTo(Math.sqrt(4 / 3), 10);
    expect(single!.degreesOfFreedom).toBe(2);
  });

  it('cannot be computed without a comparison', () => {
    expect(differenceInDifferences([change(1, 1, 2)], [])).toBeNull();
    expect(differenceInDifferences([change(1, 1, 2)], [change(2, 1, 2)])).toBeNull();
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

describe('choosing similar schools', () => {
  it('takes the nearest by baseline and free school meals, the same every time', () => {
    const pool = [
      { urn: 10, before: 50, after: 52, fsmPercent: 20 },
      { urn: 11, before: 51, after: 52, fsmPercent: 21 },
      { urn: 12, before: 80, after: 82, fsmPercent: 5 },
      { urn: 13, before: 50, after: 50, fsmPercent: 60 },
      { urn: 14, before: 49, after: 50, fsmPercent: 19 },
    ];
    const chosen = similarSchools([{ urn: 1, before: 50, fsmPercent: 20 }], pool, 3).map((c) => c.urn);
    expect(chosen).toEqual([10, 11, 14]);
  });
});

describe('result years', () => {
  it('uses the last summer before the start as the baseline', () => {
    expect(resultYears('2019-09-01', '2022-07-31')).toEqual({ baselineYear: 2019, lastOutcomeYear: 2021 });
    expect(resultYears('2020-03-01', '2022-09-01')).toEqual({ baselineYear: 2019, lastOutcomeYear: 2022 });
  });
});

describe('evaluating a published measure', () => {
  const school = (urn: number, fsmPercent: number, values: [number, number][]): ImpactSchool => ({
    urn,
    fsmPercent,
    series: new Map(values),
  });
  // Every comparison school gains 2 points a year; the members gain 2 a year until the
  // partnership (baseline 2021) and then 6 a year, so by 2023 they are 8 points ahead of the trend.
  const pool = [40, 42, 44, 46, 48, 50, 52].map((base, i) =>
    school(200 + i, 20 + i, [
      [2019, base - 4],
      [2020, base - 2],
      [2021, base],
      [2022, base + 2 + (i % 2)],
      [2023, base + 4 + (i % 3) - 1],
    ]),
  );
  const members = [
    school(101, 22, [
      [2019, 41],
      [2020, 43],
      [2021, 45],
      [2022, 51],
      [2023, 57],
    ]),
    school(102, 25, [
      [2019, 46],
      [2020, 48],
      [2021, 50],
      [2022, 56],
      [2023, 62],
    ]),
  ];
  const impact = evaluateRegistryMeasure({
    measure: 'ks2.rwmExpectedPercent',
    startDate: '2021-09-01',
    until: '2024-01-15',
    members,
    pool,
    perSchool: 10,
  });

  it('compares the baseline summer with the latest one since', () => {
    expect(impact).toMatchObject({ baselineYear: 2021, outcomeYear: 2023, membersWithoutResults: [] });
  });

  it('finds the change beyond the comparison schools’ own', () => {
    // Comparison changes over 2021→2023: 4 + (i % 3) − 1 for i = 0..6 → 3, 4, 5, 3, 4, 5, 3: mean 27/7.
    expect(impact.result!.treatedChange).toBe(12);
    expect(impact.result!.comparisonChange).toBeCloseTo(27 / 7, 10);
    expect(impact.result!.estimate).toBeCloseTo(12 - 27 / 7, 10);
    expect(impact.result!.interval[0]).toBeGreaterThan(0);
    expect(impact.reading).toContain('unlikely to be chance alone');
    expect(impact.reading).toMatch(
      /^Between 2021 and 2023, the partnership's 2 schools rose by 12\.0 percentage points/,
    );
  });

  it('draws the trend from two years before the baseline', () => {
    expect(impact.trend.map((t) => t.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(impact.trend[0]).toEqual({ year: 2019, members: 43.5, comparison: 42 });
  });

  it('says plainly when no results have come out since the start', () => {
    const early = evaluateRegistryMeasure({
      measure: 'ks2.rwmExpectedPercent',
      startDate: '2023-09-01',
      until: '2024-03-01',
      members,
      pool,
    });
    expect(early.outcomeYear).toBeNull();
    expect(early.result).toBeNull();
    expect(early.reading).toContain('the first results to compare will be for 2024');
  });

  it('reports when the interval includes zero', () => {
    const flat = evaluateRegistryMeasure({
      measure: 'ks2.rwmExpectedPercent',
      startDate: '2021-09-01',
      until: '2024-01-15',
      members: [
        school(101, 22, [
          [2021, 45],
          [2023, 49],
        ]),
      ],
      pool,
    });
    expect(flat.reading).toContain('could be chance');
  });
});

describe('progress towards a recorded target', () => {
  it('is the share of the way from baseline to target', () => {
    expect(progressToTarget(40, 60, 55)).toEqual({ latest: 55, shareOfWay: 0.75, reached: false });
    expect(progressToTarget(10, 4, 3)).toMatchObject({ reached: true });
    expect(progressToTarget(40, 60, null)).toEqual({ latest: null, shareOfWay: null, reached: false });
  });
});
