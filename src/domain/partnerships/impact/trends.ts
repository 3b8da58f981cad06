import { phrase, type Phrase } from '../../words.ts';
import type { MeasureInfo } from './measures.ts';
import { one, sentences, yearsPhrase } from './words.ts';

export interface TrendPoint {
  year: number;
  members: number | null;
  comparison: number | null;
}

/** The two groups' means in the years up to the last results before the start. */
export interface PreTrends {
  years: number[];
  partnershipMean: (number | null)[];
  comparisonMean: (number | null)[];
}

export interface ParallelTrends {
  /** Null when it cannot be checked: one year of results before the start, or too few schools. */
  plausible: boolean | null;
  /** In English. */
  note: string;
  /** The same, as phrases for a page to write in its reader's language. */
  noteWords: Phrase[];
}

/** A check's note, in English and as phrases. */
export const trendsNote = (plausible: boolean | null, ...noteWords: Phrase[]): ParallelTrends => ({
  plausible,
  note: sentences(noteWords),
  noteWords,
});

/** Before the start, gaps that chance explains less often than this make the comparison doubtful. */
const DOUBTFUL_BELOW = 0.05;
/** ...unless they are too small to show at one decimal place, as when results fit exactly. */
const NEGLIGIBLE = 0.05;

/** Each year's mean of the partnership's schools, and the comparison's weighted mean. */
export function trendByYear(
  years: number[],
  members: { series: ReadonlyMap<number, number> }[],
  comparison: { series: ReadonlyMap<number, number>; weight: number }[],
): TrendPoint[] {
  const weightedMean = (
    schools: { series: ReadonlyMap<number, number> }[],
    weight: (i: number) => number,
    year: number,
  ) => {
    let total = 0;
    let sum = 0;
    schools.forEach((s, i) => {
      const v = s.series.get(year);
      if (v !== undefined) {
        total += weight(i);
        sum += v * weight(i);
      }
    });
    return total > 0 ? sum / total : null;
  };
  return years.map((year) => ({
    year,
    members: weightedMean(members, () => 1, year),
    comparison: weightedMean(comparison, (i) => comparison[i]!.weight, year),
  }));
}

export function preTrends(trend: TrendPoint[], baselineYear: number): PreTrends {
  const before = trend.filter((t) => t.year <= baselineYear);
  return {
    years: before.map((t) => t.year),
    partnershipMean: before.map((t) => t.members),
    comparisonMean: before.map((t) => t.comparison),
  };
}

/**
 * Difference in differences rests on one assumption: without the partnership, its schools' results
 * would have moved in step with the comparison's. The years before the start are the only evidence:
 * `gaps` are the event-study estimates for those years (how far the gap between the groups stood
 * from its size in `referenceYear`), and `pValue` the joint test that they are all zero.
 */
export function judgeParallelTrends(input: {
  info: MeasureInfo;
  referenceYear: number;
  gaps: { year: number; estimate: number }[];
  pValue: number | null;
  partnershipSchools: number;
}): ParallelTrends {
  const { info, referenceYear, gaps, pValue, partnershipSchools } = input;
  if (gaps.length === 0)
    return trendsNote(
      null,
      phrase(
        'Cannot be checked: there are results for only one year ({{year}}) before the partnership started, so nobody can see whether its schools and the comparison were moving in step beforehand. Read the estimate with that in mind.',
        { year: referenceYear },
      ),
    );
  const years = yearsPhrase([...gaps.map((g) => g.year), referenceYear].sort((a, b) => a - b));
  if (pValue === null)
    return trendsNote(
      null,
      phrase(
        'Cannot be checked: too few schools have results in {{years}} to tell a real difference in trends from chance.',
        { years },
      ),
    );
  const largest = gaps.reduce((a, g) => (Math.abs(g.estimate) > Math.abs(a.estimate) ? g : a));
  const change = phrase('{{amount}} {{unit}} between {{year}} and {{reference}}', {
    amount: one(Math.abs(largest.estimate)),
    unit: phrase(info.unit),
    year: largest.year,
    reference: referenceYear,
  });
  if (pValue < DOUBTFUL_BELOW && Math.abs(largest.estimate) >= NEGLIGIBLE)
    return trendsNote(
      false,
      phrase(
        'Doubtful: before the partnership ({{years}}) the gap between its schools and the comparison was already changing, by {{change}}, more than chance usually explains. So the comparison may not show what would have happened without the partnership, and the estimate above may be too high or too low.',
        { years, change },
      ),
    );
  return trendsNote(
    true,
    phrase(
      'Plausible: before the partnership ({{years}}) the gap between its schools and the comparison changed by at most {{change}}, no more than chance explains. This supports the comparison but cannot prove it.',
      { years, change },
    ),
    ...(partnershipSchools <= 2
      ? [
          phrase(
            partnershipSchools === 1
              ? 'With one school, results stray so much from year to year that only a large difference would show up here.'
              : 'With two schools, results stray so much from year to year that only a large difference would show up here.',
          ),
        ]
      : []),
  );
}
