import type { RegistryMeasure } from '../model.ts';
import {
  comparisonWeights,
  contextSimilarity,
  effectiveNumber,
  MATCHED_ON,
  type SchoolContext,
} from './comparison.ts';
import { fitTwoWayFixedEffects, type EffectColumns, type PanelSchool } from './fixed-effects.ts';
import { covariance, effectEstimate, jointTest, type Estimate, type ImpactEstimate } from './inference.ts';
import { sentences } from './words.ts';
import { nextResultsYear, REGISTRY_MEASURE_INFO, resultYears, type MeasureInfo } from './measures.ts';
import { phrase, type Phrase } from '../../words.ts';
import { readEstimate, readNoEstimate, type NoEstimate } from './reading.ts';
import {
  judgeParallelTrends,
  preTrends,
  trendByYear,
  trendsNote,
  type ParallelTrends,
  type PreTrends,
  type TrendPoint,
} from './trends.ts';

/** A school's context and its yearly values of one measure (already carried across URN changes). */
export interface ImpactSchool extends SchoolContext {
  series: ReadonlyMap<number, number>;
}

export interface RegistryImpactInput {
  measure: RegistryMeasure;
  startDate: string;
  /** The end of the partnership, or today for one still running. */
  until: string;
  /** Whether `until` is the partnership's end (already past), not today: no later results will count. */
  ended?: boolean;
  members: ImpactSchool[];
  /** Schools of the same key stage in no partnership over the period. */
  pool: ImpactSchool[];
  /** The latest summer the data holds results for at this key stage; null when it holds none. */
  latestResultsYear?: number | null;
  confidence?: number;
}

/** A partnership school's mean result in its years before the start and in its years since. */
export interface SchoolChange {
  urn: number;
  before: number;
  after: number;
}

export interface ComparisonGroup {
  /** Eligible schools with results before and after the start: every one is in the comparison. */
  schools: number;
  /** What the weighted comparison is worth in equally weighted schools. */
  effectiveSchools: number;
  matchedOn: readonly string[];
}

/** The effect in one year: how far the gap between the groups moved from its size in the reference year. */
export interface EventYear extends Estimate {
  year: number;
}

/** The effect year by year against the last year before the start with results (the reference). */
export interface EventStudy {
  referenceYear: number;
  years: EventYear[];
}

export interface RegistryImpact {
  measure: RegistryMeasure;
  info: MeasureInfo;
  method: 'two-way-fixed-effects';
  /** The last summer before the start. */
  baselineYear: number;
  /** The latest summer since the start with results for any of the partnership's schools. */
  outcomeYear: number | null;
  yearsBefore: number[];
  yearsAfter: number[];
  members: SchoolChange[];
  /** Partnership schools without results both before and after the start. */
  membersWithoutResults: number[];
  comparison: ComparisonGroup;
  result: ImpactEstimate | null;
  /** Year by year, where there is more than one year to show. */
  eventStudy: EventStudy | null;
  preTrends: PreTrends;
  parallelTrends: ParallelTrends;
  trend: TrendPoint[];
  /** In English. */
  reading: string;
  /** The same, as sentences for a page to write in its reader's language. */
  readingWords: Phrase[];
}

/** A reading in English and as the sentences it was written from. */
const reading = (readingWords: Phrase[]) => ({ reading: sentences(readingWords), readingWords });

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The partnership's effect on a published measure: every year of results since the start against
 * every comparable year before, for its schools and for all eligible schools in no partnership
 * weighted towards those like them in context, in a regression with school and year fixed effects
 * (difference in differences over many years). Year by year too (an event study), a check of the
 * years before the start, and a plain-English reading. Pure and deterministic.
 */
export function evaluateRegistryMeasure(input: RegistryImpactInput): RegistryImpact {
  const info = REGISTRY_MEASURE_INFO[input.measure];
  const confidence = input.confidence ?? 0.95;
  const { baselineYear, lastOutcomeYear } = resultYears(input.startDate, input.until);
  const inWindow = (y: number) => y >= info.firstComparableYear && y <= lastOutcomeYear;
  const splits = new Map<ImpactSchool, { before: number[]; after: number[] }>();
  const split = (s: ImpactSchool) => {
    let found = splits.get(s);
    if (!found) {
      const years = [...s.series.keys()].filter(inWindow).sort((a, b) => a - b);
      found = {
        before: years.filter((y) => y <= baselineYear),
        after: years.filter((y) => y > baselineYear),
      };
      splits.set(s, found);
    }
    return found;
  };
  const spans = (s: ImpactSchool) => {
    const { before, after } = split(s);
    return before.length > 0 && after.length > 0;
  };
  const treated = input.members.filter(spans);
  const eligible = input.pool.filter(spans);
  const weights = comparisonWeights(treated, eligible);
  const memberYearsAfter = input.members.flatMap((m) => split(m).after);
  const outcomeYear = memberYearsAfter.length > 0 ? Math.max(...memberYearsAfter) : null;
  const years = [...new Set(eligible.flatMap((s) => [...s.series.keys()].filter(inWindow)))].sort(
    (a, b) => a - b,
  );
  const yearsBefore = years.filter((y) => y <= baselineYear);
  const yearsAfter = years.filter((y) => y > baselineYear);
  const trend = trendByYear(
    years,
    treated,
    eligible.map((s, j) => ({ series: s.series, weight: weights[j]! })),
  );
  const base = {
    measure: input.measure,
    info,
    method: 'two-way-fixed-effects' as const,
    baselineYear,
    outcomeYear,
    yearsBefore,
    yearsAfter,
    members: treated.map((m) => {
      const { before, after } = split(m);
      return {
        urn: m.urn,
        before: mean(before.map((y) => m.series.get(y)!)),
        after: mean(after.map((y) => m.series.get(y)!)),
      };
    }),
    membersWithoutResults: input.members.filter((m) => !spans(m)).map((m) => m.urn),
    comparison: {
      schools: eligible.length,
      effectiveSchools: effectiveNumber(weights),
      matchedOn: MATCHED_ON,
    },
    trend,
    preTrends: preTrends(trend, baselineYear),
  };
  const without = (why: NoEstimate): RegistryImpact => ({
    ...base,
    result: null,
    eventStudy: null,
    parallelTrends: trendsNote(null, phrase('Not checked: there is no estimate to check.')),
    ...reading(readNoEstimate(info, why)),
  });

  const firstResultsYear = nextResultsYear(baselineYear);
  const latest = input.latestResultsYear ?? null;
  if (outcomeYear === null && firstResultsYear > lastOutcomeYear)
    return without({
      reason: input.ended ? 'ended-before-results' : 'too-early',
      baselineYear,
      firstResultsYear,
    });
  if (outcomeYear === null && (latest === null || latest < firstResultsYear))
    return without({ reason: 'not-in-data', baselineYear, latestResultsYear: latest, firstResultsYear });
  if (treated.length === 0) {
    const memberYears = (pick: 'before' | 'after') =>
      [...new Set(input.members.flatMap((m) => split(m)[pick]))].sort((a, b) => a - b);
    return without({
      reason: 'members-lack-results',
      yearsBefore: memberYears('before'),
      yearsAfter: memberYears('after'),
    });
  }

  const context = new Map<number, SchoolContext>([...treated, ...eligible].map((s) => [s.urn, s]));
  const similar = contextSimilarity(eligible);
  const similarity = (a: number, b: number) => similar(context.get(a)!, context.get(b)!);
  const panel: PanelSchool[] = [
    ...treated.map((s) => ({ urn: s.urn, treated: true, weight: 1, values: s.series })),
    ...eligible.map((s, j) => ({ urn: s.urn, treated: false, weight: weights[j]!, values: s.series })),
  ];
  const tooFew = () => without({ reason: 'too-few-comparison', comparisonCount: eligible.length });
  const after: EffectColumns = { count: 1, at: (y) => [y > baselineYear ? 1 : 0] };
  const fit = fitTwoWayFixedEffects(panel, years, after);
  const cov = fit && covariance(fit, similarity);
  if (!fit || !cov) return tooFew();
  const main = effectEstimate(fit, cov, 0, confidence);
  const treatedChange = mean(base.members.map((m) => m.after - m.before));
  const result: ImpactEstimate = {
    ...main,
    treatedCount: treated.length,
    comparisonCount: eligible.length,
    treatedChange,
    comparisonChange: treatedChange - main.estimate,
    confidence,
    uncertaintyFrom: cov.from,
  };

  const { eventStudy, parallelTrends } = yearByYear({
    info,
    panel,
    years,
    treated,
    baselineYear,
    similarity,
    confidence,
  });
  return {
    ...base,
    result,
    eventStudy,
    parallelTrends,
    ...reading(readEstimate(info, yearsBefore, yearsAfter, result, parallelTrends)),
  };
}

/**
 * The effect in each year against the last year before the start (the reference), from one fit
 * with a column for each other year in which partnership schools have results. The years before
 * the start test the comparison: their effects should all be zero.
 */
function yearByYear(input: {
  info: MeasureInfo;
  panel: PanelSchool[];
  years: number[];
  treated: ImpactSchool[];
  baselineYear: number;
  similarity: (a: number, b: number) => number;
  confidence: number;
}): { eventStudy: EventStudy | null; parallelTrends: ParallelTrends } {
  const { info, panel, years, treated, baselineYear, similarity, confidence } = input;
  const observed = years.filter((y) => treated.some((s) => s.series.has(y)));
  const observedBefore = observed.filter((y) => y <= baselineYear);
  if (observedBefore.length === 0)
    return {
      eventStudy: null,
      parallelTrends: trendsNote(
        null,
        phrase('Cannot be checked: no year before the start has results for both groups.'),
      ),
    };
  const referenceYear = Math.max(...observedBefore);
  const others = observed.filter((y) => y !== referenceYear);
  const fit = fitTwoWayFixedEffects(panel, years, {
    count: others.length,
    at: (y) => others.map((o) => (o === y ? 1 : 0)),
  });
  const cov = fit && covariance(fit, similarity);
  const estimates =
    fit && cov ? others.map((year, k) => ({ year, ...effectEstimate(fit, cov, k, confidence) })) : null;
  const before = others.flatMap((y, k) => (y < referenceYear ? [k] : []));
  const test = fit && cov && before.length > 0 ? jointTest(fit, cov, before) : null;
  return {
    eventStudy: estimates && estimates.length >= 2 ? { referenceYear, years: estimates } : null,
    parallelTrends: judgeParallelTrends({
      info,
      referenceYear,
      gaps: before.map((k) => ({ year: others[k]!, estimate: fit?.effects[k] ?? 0 })),
      pValue: test?.pValue ?? null,
      partnershipSchools: treated.length,
    }),
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
