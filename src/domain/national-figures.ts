import type { NationalAverages, Performance, Phase } from './school.ts';
import { wordsOf, type SomeWords } from './words.ts';

/** The results measures that have a national figure beside them. */
export const NATIONAL_MEASURES = [
  'rwmExpectedPercent',
  'readingExpectedPercent',
  'writingExpectedPercent',
  'mathsExpectedPercent',
  'readingProgress',
  'writingProgress',
  'mathsProgress',
  'progress8',
  'attainment8',
  'englishMaths5Percent',
] as const satisfies readonly (keyof Performance)[];
export type NationalMeasure = (typeof NATIONAL_MEASURES)[number];

/** Which schools a school's results are compared with: special schools only with special schools. */
export type SchoolType = 'mainstream' | 'special';

export function schoolTypeOf(school: { phase: Phase }): SchoolType {
  return school.phase === 'special' ? 'special' : 'mainstream';
}

/** One national figure, with where it comes from and the schools it covers. */
export interface NationalFigure {
  measure: NationalMeasure;
  keyStage: 2 | 4;
  /** The year the academic year ends in (2019 for 2018/19). */
  year: number;
  value: number;
  source: string;
  /** The schools the figure is over, e.g. "state-funded mainstream schools". */
  comparedWith: string;
}

const KS2_2019 =
  'DfE, National curriculum assessments: key stage 2, 2019 (revised), national headline figures';
const KS4_2019 = 'DfE, Key stage 4 performance, 2019 (revised), national headline figures';
const PRIMARY_PROGRESS =
  'DfE, Primary school accountability guidance: progress scores are measured against pupils in state-funded mainstream schools nationally, whose average is 0';
const PROGRESS8 =
  'DfE, Secondary accountability measures guidance: Progress 8 is measured against pupils in state-funded mainstream schools nationally, whose average is 0';

const figure = (
  keyStage: 2 | 4,
  measure: NationalMeasure,
  value: number,
  source: string,
  comparedWith: string,
): NationalFigure => ({ measure, keyStage, year: 2019, value, source, comparedWith });

/**
 * The DfE's published national figures for the mainstream schools of the years the data holds
 * (2018/19). The headline attainment figures are published over all state-funded schools; the
 * progress measures are defined against state-funded mainstream pupils, so theirs is 0.
 */
export const PUBLISHED_NATIONAL_FIGURES: readonly NationalFigure[] = [
  figure(2, 'rwmExpectedPercent', 65, KS2_2019, 'state-funded schools'),
  figure(2, 'readingExpectedPercent', 73, KS2_2019, 'state-funded schools'),
  figure(2, 'writingExpectedPercent', 78, KS2_2019, 'state-funded schools'),
  figure(2, 'mathsExpectedPercent', 79, KS2_2019, 'state-funded schools'),
  figure(2, 'readingProgress', 0, PRIMARY_PROGRESS, 'state-funded mainstream schools'),
  figure(2, 'writingProgress', 0, PRIMARY_PROGRESS, 'state-funded mainstream schools'),
  figure(2, 'mathsProgress', 0, PRIMARY_PROGRESS, 'state-funded mainstream schools'),
  figure(4, 'progress8', 0, PROGRESS8, 'state-funded mainstream schools'),
  figure(4, 'attainment8', 46.7, KS4_2019, 'state-funded schools'),
  figure(4, 'englishMaths5Percent', 43.2, KS4_2019, 'state-funded schools'),
];

/** Where a figure comes from when no published national figure for the schools is shipped. */
const REGISTRY_MEAN: Record<SchoolType, string> = {
  mainstream:
    "Mean of the mainstream schools' own {{year}} results in this registry, weighted by pupils: no published national figure for them is shipped",
  special:
    "Mean of the special schools' own {{year}} results in this registry, weighted by pupils: no published national figure for them is shipped",
};
const registryMeanSource = (type: SchoolType, year: number) => wordsOf(REGISTRY_MEAN[type], { year });

/** A figure's source as words a page can write in the reader's language: its template, where it has one. */
export function sourceWords(figure: NationalFigure): SomeWords {
  const types: SchoolType[] = ['mainstream', 'special'];
  const fromRegistry = types
    .map((type) => registryMeanSource(type, figure.year))
    .find((words) => words.message === figure.source);
  return fromRegistry ?? { message: figure.source };
}

const COMPARED_WITH: Record<SchoolType, string> = {
  mainstream: 'mainstream schools in this registry',
  special: 'special schools in this registry',
};

/**
 * The national figure for each measure a school's results publish: the DfE's own for mainstream
 * schools where one is shipped, otherwise the pupil-weighted mean over the registry's schools of
 * the same type (`registryMeans`), said so in the source. Special schools are compared only
 * with special schools, which the DfE's headline figures do not separate out.
 */
export function nationalFiguresFor(
  performance: Performance,
  type: SchoolType,
  registryMeans: NationalAverages,
): NationalFigure[] {
  const { keyStage, year } = performance;
  return NATIONAL_MEASURES.flatMap((measure): NationalFigure[] => {
    if (typeof performance[measure] !== 'number') return [];
    const published =
      type === 'mainstream'
        ? PUBLISHED_NATIONAL_FIGURES.find(
            (f) => f.measure === measure && f.keyStage === keyStage && f.year === year,
          )
        : undefined;
    if (published) return [published];
    const mean = registryMeans[measure];
    if (typeof mean !== 'number') return [];
    return [
      {
        measure,
        keyStage,
        year,
        value: Math.round(mean * 100) / 100,
        source: registryMeanSource(type, year).message,
        comparedWith: COMPARED_WITH[type],
      },
    ];
  });
}

/** The published figure a reason quotes beside a progress score: the same one the profile shows. */
export function publishedProgressFigure(
  measure: 'readingProgress' | 'writingProgress' | 'mathsProgress' | 'progress8',
): NationalFigure {
  return PUBLISHED_NATIONAL_FIGURES.find((f) => f.measure === measure)!;
}
