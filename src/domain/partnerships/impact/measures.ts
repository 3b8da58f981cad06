import type { Performance } from '../../school.ts';
import type { RegistryMeasure } from '../model.ts';

export interface MeasureInfo {
  keyStage: 2 | 4;
  field: keyof Pick<
    Performance,
    | 'rwmExpectedPercent'
    | 'readingProgress'
    | 'writingProgress'
    | 'mathsProgress'
    | 'progress8'
    | 'attainment8'
    | 'englishMaths5Percent'
  >;
  label: string;
  /** How a change is spoken of: "6.0 percentage points", "0.3 points". */
  unit: string;
  /**
   * The first summer whose results compare with today's: the new KS2 tests and Progress 8 began
   * in 2016, and Attainment 8 and grade 5 in English and maths in 2017, with the 9 to 1 grades.
   */
  firstComparableYear: number;
}

/** The published results a partnership's objective can be measured by without typing anything in. */
export const REGISTRY_MEASURE_INFO: Record<RegistryMeasure, MeasureInfo> = {
  'ks2.rwmExpectedPercent': {
    keyStage: 2,
    field: 'rwmExpectedPercent',
    label: 'KS2 pupils meeting the expected standard in reading, writing and maths (%)',
    unit: 'percentage points',
    firstComparableYear: 2016,
  },
  'ks2.readingProgress': {
    keyStage: 2,
    field: 'readingProgress',
    label: 'KS2 reading progress score',
    unit: 'points',
    firstComparableYear: 2016,
  },
  'ks2.writingProgress': {
    keyStage: 2,
    field: 'writingProgress',
    label: 'KS2 writing progress score',
    unit: 'points',
    firstComparableYear: 2016,
  },
  'ks2.mathsProgress': {
    keyStage: 2,
    field: 'mathsProgress',
    label: 'KS2 maths progress score',
    unit: 'points',
    firstComparableYear: 2016,
  },
  'ks4.progress8': {
    keyStage: 4,
    field: 'progress8',
    label: 'KS4 Progress 8',
    unit: 'points',
    firstComparableYear: 2016,
  },
  'ks4.attainment8': {
    keyStage: 4,
    field: 'attainment8',
    label: 'KS4 Attainment 8',
    unit: 'points',
    firstComparableYear: 2017,
  },
  'ks4.englishMaths5Percent': {
    keyStage: 4,
    field: 'englishMaths5Percent',
    label: 'KS4 pupils with grade 5 or above in English and maths (%)',
    unit: 'percentage points',
    firstComparableYear: 2017,
  },
};

/**
 * Results for year Y (the academic year ending in Y) come from tests sat that summer. The
 * baseline is the last summer before the partnership started; outcomes are summers after it,
 * up to the end of the partnership or today, whichever is earlier.
 */
export function resultYears(
  startDate: string,
  until: string,
): { baselineYear: number; lastOutcomeYear: number } {
  const summerYear = (date: string) => {
    const year = Number(date.slice(0, 4));
    return date.slice(5) >= '08-31' ? year : year - 1;
  };
  return { baselineYear: summerYear(startDate), lastOutcomeYear: summerYear(until) };
}

/** Summers with no school results: the tests and exams of 2020 and 2021 were cancelled. */
export const SUMMERS_WITHOUT_RESULTS: readonly number[] = [2020, 2021];

/** The first summer after `year` with results, skipping the cancelled ones. */
export function nextResultsYear(year: number): number {
  let next = year + 1;
  while (SUMMERS_WITHOUT_RESULTS.includes(next)) next++;
  return next;
}
