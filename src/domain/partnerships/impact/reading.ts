import type { DifferenceInDifferences } from './did.ts';
import type { MeasureInfo } from './measures.ts';

const one = (x: number) => (Math.abs(x) < 0.05 ? '0.0' : x.toFixed(1));
const moved = (x: number, unit: string) =>
  Math.abs(x) < 0.05 ? 'stayed the same' : `${x > 0 ? 'rose' : 'fell'} by ${one(Math.abs(x))} ${unit}`;
const schools = (n: number) => `${n} ${n === 1 ? 'school' : 'schools'}`;

/** The impact in words a governor can read aloud, uncertainty included. */
export function readDifference(
  info: MeasureInfo,
  baselineYear: number,
  outcomeYear: number,
  r: DifferenceInDifferences,
): string {
  const [low, high] = r.interval;
  const percent = Math.round(r.confidence * 100);
  const lead =
    `Between ${baselineYear} and ${outcomeYear}, the partnership's ${schools(r.treatedCount)} ` +
    `${moved(r.treatedChange, info.unit)} on ${info.label}; ${schools(r.comparisonCount)} like them ` +
    `not in a partnership ${moved(r.comparisonChange, info.unit)}.`;
  const gap =
    Math.abs(r.estimate) < 0.05
      ? ' There is no difference between them'
      : ` The partnership's schools did ${one(Math.abs(r.estimate))} ${info.unit} ${r.estimate > 0 ? 'better' : 'worse'} than the comparison`;
  const range = ` (${percent}% interval ${one(low)} to ${one(high)}).`;
  const verdict =
    low > 0
      ? ' The whole interval is above zero, so the improvement is unlikely to be chance alone.'
      : high < 0
        ? ' The whole interval is below zero, so the decline is unlikely to be chance alone.'
        : ' The interval includes zero, so this could be chance: it is too early, or too few schools, to tell.';
  return lead + gap + range + verdict;
}

export function readNoOutcome(
  info: MeasureInfo,
  baselineYear: number,
  outcomeYear: number | null,
  members: number,
  comparison: number,
): string {
  if (outcomeYear === null) {
    return `No ${info.label} results yet since the partnership started: the baseline is ${baselineYear}, and the first results to compare will be for ${baselineYear + 1}.`;
  }
  if (members === 0) {
    return `None of the partnership's schools has ${info.label} results for both ${baselineYear} and ${outcomeYear}, so the change cannot be measured.`;
  }
  return `Only ${schools(comparison)} like the partnership's schools have ${info.label} results for both ${baselineYear} and ${outcomeYear}: too few to compare against.`;
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
