import { phrase, type Phrase } from '../../words.ts';
import type { ImpactEstimate } from './inference.ts';
import type { MeasureInfo } from './measures.ts';
import type { ParallelTrends } from './trends.ts';
import { one, schoolCount, yearsPhrase } from './words.ts';

/**
 * The impact in words a governor can read aloud, uncertainty and doubts included: sentences as
 * phrases, for a page to write in its reader's language.
 */
export function readEstimate(
  info: MeasureInfo,
  yearsBefore: number[],
  yearsAfter: number[],
  r: ImpactEstimate,
  parallel: ParallelTrends,
): Phrase[] {
  const [low, high] = r.interval;
  const percent = Math.round(r.confidence * 100);
  const unit = phrase(info.unit);
  const measure = phrase(info.label);
  const alone = r.treatedCount === 1;
  const subject = alone
    ? phrase("the partnership's school")
    : phrase("the partnership's {{number}} schools", { number: r.treatedCount });
  const Subject = alone
    ? phrase("The partnership's school")
    : phrase("The partnership's {{number}} schools", { number: r.treatedCount });
  const by = (x: number) => ({ amount: one(Math.abs(x)), unit });
  const change =
    Math.abs(r.treatedChange) < 0.05
      ? phrase('{{subject}} stayed the same on {{measure}}', { subject, measure })
      : phrase(
          r.treatedChange > 0
            ? '{{subject}} rose by {{amount}} {{unit}} on {{measure}}'
            : '{{subject}} fell by {{amount}} {{unit}} on {{measure}}',
          { subject, ...by(r.treatedChange), measure },
        );
  const anyway =
    Math.abs(r.comparisonChange) < 0.05
      ? phrase('stayed the same')
      : phrase(r.comparisonChange > 0 ? 'risen by {{amount}} {{unit}}' : 'fallen by {{amount}} {{unit}}', {
          ...by(r.comparisonChange),
        });
  const interval = { percent, low: one(low), high: one(high) };
  return [
    phrase('Comparing {{before}}, before the partnership, with {{after}}, since it started: {{change}}.', {
      before: yearsPhrase(yearsBefore),
      after: yearsPhrase(yearsAfter),
      change,
    }),
    phrase(
      alone
        ? 'Going by {{schools}}, weighted towards those most like it, it would have {{moved}} anyway.'
        : 'Going by {{schools}}, weighted towards those most like them, they would have {{moved}} anyway.',
      {
        schools: phrase(
          r.comparisonCount === 1
            ? '{{number}} school not in a partnership'
            : '{{number}} schools not in a partnership',
          { number: schoolCount(r.comparisonCount) },
        ),
        moved: anyway,
      },
    ),
    Math.abs(r.estimate) < 0.05
      ? phrase(
          'There is no difference between the two ({{percent}}% interval {{low}} to {{high}}).',
          interval,
        )
      : phrase(
          r.estimate > 0
            ? '{{subject}} did {{amount}} {{unit}} better than that ({{percent}}% interval {{low}} to {{high}}).'
            : '{{subject}} did {{amount}} {{unit}} worse than that ({{percent}}% interval {{low}} to {{high}}).',
          { subject: Subject, ...by(r.estimate), ...interval },
        ),
    phrase(
      low > 0
        ? 'The whole interval is above zero, so the improvement is unlikely to be chance alone.'
        : high < 0
          ? 'The whole interval is below zero, so the decline is unlikely to be chance alone.'
          : 'The interval includes zero, so this could be chance: it is too early, or too few schools, to tell.',
    ),
    ...(r.uncertaintyFrom === 'similar-schools'
      ? [
          r.treatedCount === 1
            ? phrase('With only one school, how far results stray by chance is learnt from similar schools.')
            : r.treatedCount === 2
              ? phrase(
                  'With only two schools, how far results stray by chance is learnt from similar schools.',
                )
              : phrase(
                  'With only {{number}} schools, how far results stray by chance is learnt from similar schools.',
                  { number: schoolCount(r.treatedCount) },
                ),
        ]
      : []),
    ...(r.treatedCount <= 2
      ? [phrase('One unusual year group can move a school a long way: read this as a sign, not proof.')]
      : []),
    ...(parallel.plausible === false
      ? [
          phrase(
            'Before the start the two groups were not moving in step, so the comparison is doubtful and so is this estimate.',
          ),
        ]
      : []),
  ];
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

export function readNoEstimate(info: MeasureInfo, why: NoEstimate): Phrase[] {
  const measure = phrase(info.label);
  switch (why.reason) {
    case 'too-early':
      return [
        phrase(
          'No {{measure}} results yet since the partnership started: the last before it are for {{baseline}}. The first to compare will be for summer {{first}}, published in the autumn and winter after.',
          { measure, baseline: why.baselineYear, first: why.firstResultsYear },
        ),
      ];
    case 'ended-before-results':
      // A partnership that is over gets no later results: promising summer Y's would be wrong once Y is past.
      return [
        phrase(
          'The partnership ended before any {{measure}} results since it started: the last before it are for {{baseline}}, and it ended before the tests of summer {{first}}. There is nothing to compare.',
          { measure, baseline: why.baselineYear, first: why.firstResultsYear },
        ),
      ];
    case 'not-in-data':
      return [
        why.latestResultsYear === null
          ? phrase(
              'S2S holds no {{measure}} results yet, so nothing can be compared. Results for summer {{first}} onwards will show here once the performance tables are imported.',
              { measure, first: why.firstResultsYear },
            )
          : phrase(
              'The {{measure}} results S2S holds go up to {{latest}}, none of them after the partnership started (the last results before it are for {{baseline}}). Results for summer {{first}} onwards will show here once newer performance tables are imported.',
              {
                measure,
                latest: why.latestResultsYear,
                baseline: why.baselineYear,
                first: why.firstResultsYear,
              },
            ),
      ];
    case 'members-lack-results': {
      const held = (years: number[]) =>
        years.length > 0 ? phrase('results for {{years}}', { years: yearsPhrase(years) }) : phrase('none');
      return [
        phrase(
          "None of the partnership's schools has {{measure}} results both before the start and since, so the change cannot be measured: before, the data holds {{before}}; since, {{after}}.",
          { measure, before: held(why.yearsBefore), after: held(why.yearsAfter) },
        ),
      ];
    }
    case 'too-few-comparison':
      return [
        phrase(
          why.comparisonCount === 1
            ? "Only {{number}} school like the partnership's schools have {{measure}} results before and after the start: too few to compare against."
            : "Only {{number}} schools like the partnership's schools have {{measure}} results before and after the start: too few to compare against.",
          { number: schoolCount(why.comparisonCount), measure },
        ),
      ];
  }
}

/** Progress on a measure the partnership records itself, in words. */
export function readTargetProgress(
  baseline: number | null,
  target: number | null,
  progress: { latest: number | null; shareOfWay: number | null; reached: boolean },
): Phrase {
  if (progress.latest === null) return phrase('Nothing recorded yet: record outcomes as they are measured.');
  const latest = one(progress.latest);
  if (baseline === null || target === null || progress.shareOfWay === null)
    return phrase('Latest value {{latest}}.', { latest });
  const values = { latest, target: one(target), baseline: one(baseline) };
  if (progress.reached)
    return phrase(
      'Target reached: the latest value, {{latest}}, meets the target of {{target}} (baseline {{baseline}}).',
      values,
    );
  if (progress.shareOfWay <= 0)
    return phrase(
      'No progress yet: the latest value, {{latest}}, is no nearer the target of {{target}} than the baseline of {{baseline}}.',
      values,
    );
  return phrase(
    '{{percent}}% of the way from the baseline of {{baseline}} to the target of {{target}}: the latest value is {{latest}}.',
    { ...values, percent: Math.round(progress.shareOfWay * 100) },
  );
}
