import type { ImpactEstimate } from './inference.ts';
import type { MeasureInfo } from './measures.ts';
import type { ParallelTrends } from './trends.ts';
import { moved, movedSince, one, schools, yearsText } from './words.ts';

/** The impact in words a governor can read aloud, uncertainty and doubts included. */
export function readEstimate(
  info: MeasureInfo,
  yearsBefore: number[],
  yearsAfter: number[],
  r: ImpactEstimate,
  parallel: ParallelTrends,
): string {
  const [low, high] = r.interval;
  const percent = Math.round(r.confidence * 100);
  const subject =
    r.treatedCount === 1 ? "the partnership's school" : `the partnership's ${r.treatedCount} schools`;
  const lead =
    `Comparing ${yearsText(yearsBefore)}, before the partnership, with ${yearsText(yearsAfter)}, since it started: ` +
    `${subject} ${moved(r.treatedChange, info.unit)} on ${info.label}. ` +
    `Going by ${schools(r.comparisonCount)} not in a partnership, weighted towards those most like ${r.treatedCount === 1 ? 'it' : 'them'}, ` +
    `${r.treatedCount === 1 ? 'it' : 'they'} would have ${movedSince(r.comparisonChange, info.unit)} anyway.`;
  const Subject = subject[0]!.toUpperCase() + subject.slice(1);
  const gap =
    Math.abs(r.estimate) < 0.05
      ? ' There is no difference between the two'
      : ` ${Subject} did ${one(Math.abs(r.estimate))} ${info.unit} ${r.estimate > 0 ? 'better' : 'worse'} than that`;
  const range = ` (${percent}% interval ${one(low)} to ${one(high)}).`;
  const verdict =
    low > 0
      ? ' The whole interval is above zero, so the improvement is unlikely to be chance alone.'
      : high < 0
        ? ' The whole interval is below zero, so the decline is unlikely to be chance alone.'
        : ' The interval includes zero, so this could be chance: it is too early, or too few schools, to tell.';
  const howMany =
    r.treatedCount === 1 ? 'one school' : r.treatedCount === 2 ? 'two schools' : schools(r.treatedCount);
  const few =
    (r.uncertaintyFrom === 'similar-schools'
      ? ` With only ${howMany}, how far results stray by chance is learnt from similar schools.`
      : '') +
    (r.treatedCount <= 2
      ? ' One unusual year group can move a school a long way: read this as a sign, not proof.'
      : '');
  const doubt =
    parallel.plausible === false
      ? ' Before the start the two groups were not moving in step, so the comparison is doubtful and so is this estimate.'
      : '';
  return lead + gap + range + verdict + few + doubt;
}

/** Why there is no estimate yet, and when there will be one. */
export type NoEstimate =
  | { reason: 'too-early' | 'ended-before-results'; baselineYear: number; firstResultsYear: number }
  | {
      reason: 'not-in-data';
      baselineYear: number;
      latestResultsYear: number | null;
      firstResultsYear: number;
    }
  | { reason: 'members-lack-results'; yearsBefore: number[]; yearsAfter: number[] }
  | { reason: 'too-few-comparison'; comparisonCount: number };

export function readNoEstimate(info: MeasureInfo, why: NoEstimate): string {
  switch (why.reason) {
    case 'too-early':
      return (
        `No ${info.label} results yet since the partnership started: the last before it are for ${why.baselineYear}. ` +
        `The first to compare will be for summer ${why.firstResultsYear}, published in the autumn and winter after.`
      );
    case 'ended-before-results':
      // A partnership that is over gets no later results: promising summer Y's would be wrong once Y is past.
      return (
        `The partnership ended before any ${info.label} results since it started: the last before it are for ` +
        `${why.baselineYear}, and it ended before the tests of summer ${why.firstResultsYear}. There is nothing to compare.`
      );
    case 'not-in-data':
      return why.latestResultsYear === null
        ? `S2S holds no ${info.label} results yet, so nothing can be compared. Results for summer ${why.firstResultsYear} onwards will show here once the performance tables are imported.`
        : `The ${info.label} results S2S holds go up to ${why.latestResultsYear}, none of them after the partnership started ` +
            `(the last results before it are for ${why.baselineYear}). Results for summer ${why.firstResultsYear} onwards ` +
            'will show here once newer performance tables are imported.';
    case 'members-lack-results': {
      const held = (years: number[]) => (years.length > 0 ? `results for ${yearsText(years)}` : 'none');
      return (
        `None of the partnership's schools has ${info.label} results both before the start and since, so the ` +
        `change cannot be measured: before, the data holds ${held(why.yearsBefore)}; since, ${held(why.yearsAfter)}.`
      );
    }
    case 'too-few-comparison':
      return `Only ${schools(why.comparisonCount)} like the partnership's schools have ${info.label} results before and after the start: too few to compare against.`;
  }
}

/** Progress on a measure the partnership records itself, in words. */
export function readTargetProgress(
  baseline: number | null,
  target: number | null,
  progress: { latest: number | null; shareOfWay: number | null; reached: boolean },
): string {
  if (progress.latest === null) return 'Nothing recorded yet: record outcomes as they are measured.';
  if (baseline === null || target === null || progress.shareOfWay === null)
    return `Latest value ${one(progress.latest)}.`;
  if (progress.reached)
    return `Target reached: the latest value, ${one(progress.latest)}, meets the target of ${one(target)} (baseline ${one(baseline)}).`;
  if (progress.shareOfWay <= 0)
    return `No progress yet: the latest value, ${one(progress.latest)}, is no nearer the target of ${one(target)} than the baseline of ${one(baseline)}.`;
  return `${Math.round(progress.shareOfWay * 100)}% of the way from the baseline of ${one(baseline)} to the target of ${one(target)}: the latest value is ${one(progress.latest)}.`;
}
