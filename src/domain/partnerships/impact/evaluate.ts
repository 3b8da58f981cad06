import type { RegistryMeasure } from '../model.ts';
import { similarSchools } from './comparison.ts';
import { differenceInDifferences, type DifferenceInDifferences, type SchoolChange } from './did.ts';
import { REGISTRY_MEASURE_INFO, resultYears, type MeasureInfo } from './measures.ts';
import { readDifference, readNoOutcome } from './reading.ts';

/** A school's yearly values of one measure (already carried across URN changes). */
export interface ImpactSchool {
  urn: number;
  fsmPercent: number | null;
  series: ReadonlyMap<number, number>;
}

export interface RegistryImpactInput {
  measure: RegistryMeasure;
  startDate: string;
  /** The end of the partnership, or today for one still running. */
  until: string;
  members: ImpactSchool[];
  /** Schools of the same key stage in no partnership over the period. */
  pool: ImpactSchool[];
  perSchool?: number;
  confidence?: number;
}

export interface TrendPoint {
  year: number;
  members: number | null;
  comparison: number | null;
}

export interface RegistryImpact {
  measure: RegistryMeasure;
  info: MeasureInfo;
  baselineYear: number;
  outcomeYear: number | null;
  members: SchoolChange[];
  /** Member schools without a result in the baseline or outcome year. */
  membersWithoutResults: number[];
  comparison: SchoolChange[];
  result: DifferenceInDifferences | null;
  trend: TrendPoint[];
  reading: string;
}

const TREND_YEARS_BEFORE = 2;

const meanOf = (values: (number | undefined)[]) => {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length === 0 ? null : present.reduce((s, v) => s + v, 0) / present.length;
};

/**
 * The members' change in a published measure against similar schools not in a partnership over
 * the same years: a difference in differences with its interval and a plain-English reading.
 */
export function evaluateRegistryMeasure(input: RegistryImpactInput): RegistryImpact {
  const info = REGISTRY_MEASURE_INFO[input.measure];
  const { baselineYear, lastOutcomeYear } = resultYears(input.startDate, input.until);
  const memberYears = input.members.flatMap((m) => [...m.series.keys()]);
  const outcomeYears = memberYears.filter((y) => y > baselineYear && y <= lastOutcomeYear);
  const outcomeYear = outcomeYears.length > 0 ? Math.max(...outcomeYears) : null;

  const changeOf = (s: ImpactSchool): SchoolChange | null => {
    const before = s.series.get(baselineYear);
    const after = outcomeYear === null ? undefined : s.series.get(outcomeYear);
    return before === undefined || after === undefined ? null : { urn: s.urn, before, after };
  };
  const members = input.members.flatMap((m) => changeOf(m) ?? []);
  const membersWithoutResults = input.members.filter((m) => !changeOf(m)).map((m) => m.urn);
  const fsm = new Map(input.pool.map((s) => [s.urn, s.fsmPercent]));
  const memberFsm = new Map(input.members.map((s) => [s.urn, s.fsmPercent]));
  const candidates = input.pool.flatMap((s) => {
    const c = changeOf(s);
    return c ? [{ ...c, fsmPercent: fsm.get(s.urn) ?? null }] : [];
  });
  const comparison = similarSchools(
    members.map((m) => ({ ...m, fsmPercent: memberFsm.get(m.urn) ?? null })),
    candidates,
    input.perSchool ?? 10,
  ).map(({ urn, before, after }) => ({ urn, before, after }));
  const result = differenceInDifferences(members, comparison, input.confidence);

  const comparisonUrns = new Set(comparison.map((c) => c.urn));
  const comparisonSchools = input.pool.filter((s) => comparisonUrns.has(s.urn));
  const lastYear = outcomeYear ?? baselineYear;
  const trend: TrendPoint[] = [];
  for (let year = baselineYear - TREND_YEARS_BEFORE; year <= lastYear; year++) {
    trend.push({
      year,
      members: meanOf(input.members.map((m) => m.series.get(year))),
      comparison: meanOf(comparisonSchools.map((s) => s.series.get(year))),
    });
  }

  const reading =
    outcomeYear === null || !result
      ? readNoOutcome(info, baselineYear, outcomeYear, members.length, comparison.length)
      : readDifference(info, baselineYear, outcomeYear, result);
  return {
    measure: input.measure,
    info,
    baselineYear,
    outcomeYear,
    members,
    membersWithoutResults,
    comparison,
    result,
    trend,
    reading,
  };
}

export interface TargetProgress {
  latest: number | null;
  /** Share of the way from baseline to target, 1 when reached (may pass 1 or fall below 0). */
  shareOfWay: number | null;
  reached: boolean;
}

/** For a measure the partnership records itself: how far from baseline towards target. */
export function progressToTarget(
  baseline: number | null,
  target: number | null,
  latest: number | null,
): TargetProgress {
  if (baseline === null || target === null || latest === null)
    return { latest, shareOfWay: null, reached: false };
  if (target === baseline)
    return { latest, shareOfWay: latest === target ? 1 : 0, reached: latest === target };
  const shareOfWay = (latest - baseline) / (target - baseline);
  return { latest, shareOfWay, reached: shareOfWay >= 1 };
}
