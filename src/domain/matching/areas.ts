import { describeMeasure } from '../classification/measures.ts';
import { SCHOOL_AREAS, type Classification, type SchoolArea } from '../classification/types.ts';
import { formatNumber, signedNumber } from '../format.ts';
import { PUBLISHED_NATIONAL_FIGURES, type NationalMeasure } from '../national-figures.ts';
import type { KeyJudgement, Performance, ReportCardArea, SchoolRecord } from '../school.ts';

/** One area in which a school is clearly strong or clearly weak, in words a leader can check. */
export interface AreaStanding {
  area: SchoolArea;
  /** e.g. "KS2 reading progress +1.8 (national 0 for state-funded mainstream schools)". */
  text: string;
}

export interface AreaStandings {
  strengths: AreaStanding[];
  weaknesses: AreaStanding[];
  /**
   * Each area's level over SCHOOL_AREAS, in margins from the national figure (+1 is one margin
   * above it; a key judgement of outstanding is +1.5, good 0); NaN where there is no data.
   */
  levels: Float64Array;
  /** How many areas the school has data for, strong, weak or neither. */
  measured: number;
}

/**
 * How far from the national figure a school's results must be to count as a strength or a
 * weakness in an area (one margin): about the top and bottom third of mainstream schools in 2019
 * (KS2 progress has a spread of about 2.5 between schools, Progress 8 about 0.5). Wider than the
 * profiles' own area rules, which mark only the extremes. A school is also strong (or weak) in a
 * results area half a margin above (or below) its own average across its results areas: most
 * schools are stronger in some subjects than others, and that is what reciprocal partners trade
 * (a partner must still be a whole margin ahead in the area it gives).
 */
export const AREA_MARGINS = {
  ks2Progress: 1,
  progress8: 0.25,
  attainment8: 5,
  englishMaths5Percent: 10,
} as const;

const KEY_JUDGEMENT_AREAS: Record<KeyJudgement, SchoolArea> = {
  qualityOfEducation: 'quality-of-education',
  behaviourAndAttitudes: 'behaviour',
  personalDevelopment: 'personal-development',
  leadershipAndManagement: 'leadership',
  earlyYears: 'early-years',
  sixthForm: 'sixth-form',
};
const REPORT_CARD_AREAS: Record<ReportCardArea, SchoolArea> = {
  curriculumAndTeaching: 'quality-of-education',
  achievement: 'achievement',
  inclusion: 'inclusion',
  attendanceAndBehaviour: 'behaviour',
  personalDevelopmentAndWellbeing: 'personal-development',
  leadershipAndGovernance: 'leadership',
  earlyYears: 'early-years',
  post16: 'sixth-form',
};

/** Progress 8's elements, as the DfE's KS4 tables name them, when the file carries them. */
const PROGRESS8_ELEMENTS: [SchoolArea, string, string][] = [
  ['ks4-english', 'P8MEAENG', 'English'],
  ['ks4-maths', 'P8MEAMAT', 'maths'],
  ['ks4-ebacc', 'P8MEAEBAC', 'EBacc subjects'],
  ['ks4-open', 'P8MEAOPEN', 'open subjects'],
];

const AREA_INDEX = new Map<SchoolArea, number>(SCHOOL_AREAS.map((area, i) => [area, i]));

/** The published figure for a measure, the nearest year on or before `year` (else the earliest). */
function published(measure: NationalMeasure, year: number) {
  const figures = PUBLISHED_NATIONAL_FIGURES.filter((f) => f.measure === measure).sort(
    (a, b) => b.year - a.year,
  );
  return figures.find((f) => f.year <= year) ?? figures.at(-1)!;
}

/** Words are written only when read: a national snapshot holds tens of thousands of findings. */
type Add = (area: SchoolArea, level: number, text: () => string, results: boolean) => void;

function resultsLevels(ks: Performance, add: Add) {
  if (ks.keyStage === 2) {
    for (const [area, name] of [
      ['ks2-reading', 'readingProgress'],
      ['ks2-writing', 'writingProgress'],
      ['ks2-maths', 'mathsProgress'],
    ] as const) {
      const value = ks[name];
      if (value === null) continue;
      add(area, value / AREA_MARGINS.ks2Progress, () => describeMeasure(`ks2.${name}`, value), true);
    }
    return;
  }
  const { progress8, attainment8, englishMaths5Percent } = ks;
  if (progress8 !== null) {
    add(
      'ks4-progress',
      progress8 / AREA_MARGINS.progress8,
      () => describeMeasure('ks4.progress8', progress8),
      true,
    );
  }
  if (attainment8 !== null) {
    const { value, comparedWith } = published('attainment8', ks.year);
    add(
      'ks4-attainment',
      (attainment8 - value) / AREA_MARGINS.attainment8,
      () =>
        `Attainment 8 ${formatNumber(attainment8, 1)} (national ${formatNumber(value, 1)} for ${comparedWith})`,
      true,
    );
  }
  if (englishMaths5Percent !== null) {
    const { value, comparedWith } = published('englishMaths5Percent', ks.year);
    add(
      'ks4-english-maths',
      (englishMaths5Percent - value) / AREA_MARGINS.englishMaths5Percent,
      () =>
        `${formatNumber(englishMaths5Percent)}% grade 5 or above in English and maths (national ${formatNumber(value, 1)}% for ${comparedWith})`,
      true,
    );
  }
  for (const [area, column, words] of PROGRESS8_ELEMENTS) {
    const value = Number.parseFloat(ks.raw[column] ?? '');
    if (!Number.isFinite(value)) continue;
    add(
      area,
      value / AREA_MARGINS.progress8,
      () =>
        `Progress 8 in ${words} ${signedNumber(value, 2)} (national 0 for state-funded mainstream schools)`,
      true,
    );
  }
}

/** How far, in margins, an area must be above or below the school's own average to count. */
const RELATIVE_MARGIN = 0.5;

const standingOf = (area: SchoolArea, text: () => string, note: string): AreaStanding => ({
  area,
  get text() {
    return `${text()}${note}`;
  },
});

// Inspection grades as levels: outstanding (or exceptional) a strength, below good a weakness.
const keyJudgementLevel = (grade: number) => (2 - grade) * 1.5;
const reportCardLevel = (grade: number) => 3 - grade;

/**
 * A school's strengths and weaknesses by area, for matching: its results against the national
 * figures and against its own average (mainstream schools only: special schools' results are not
 * measured against mainstream figures), and its inspection's key judgements or report-card
 * grades. Only the evidence its classification rests on is read (the profile's current
 * inspection and results).
 */
export function areaStandings(
  record: SchoolRecord,
  classification: Pick<Classification, 'evidence'>,
): AreaStandings {
  const found = new Map<SchoolArea, { level: number; text: () => string; results: boolean }>();
  const add: Add = (area, level, text, results) => {
    const before = found.get(area);
    // Two measures of one area (a key judgement and a report card) are averaged.
    found.set(
      area,
      before
        ? { level: (before.level + level) / 2, text: () => `${before.text()}; ${text()}`, results }
        : { level, text, results },
    );
  };
  const { evidence } = classification;
  if (record.phase !== 'special') {
    for (const used of evidence.results) {
      const ks = record.performance.find((p) => p.keyStage === used.keyStage && p.year === used.year);
      if (ks) resultsLevels(ks, add);
    }
  }
  const inspection = evidence.inspectionDate
    ? record.inspections.find((i) => i.startDate === evidence.inspectionDate)
    : undefined;
  if (inspection) {
    for (const [judgement, grade] of Object.entries(inspection.keyJudgements) as [KeyJudgement, number][]) {
      const text = () => describeMeasure(`ofsted.kj.${judgement}`, grade);
      add(KEY_JUDGEMENT_AREAS[judgement], keyJudgementLevel(grade), text, false);
    }
    for (const [area, grade] of Object.entries(inspection.reportCard) as [ReportCardArea, number][]) {
      const text = () => describeMeasure(`ofsted.rc.${area}`, grade);
      add(REPORT_CARD_AREAS[area], reportCardLevel(grade), text, false);
    }
  }
  const results = [...found.values()].filter((f) => f.results);
  const own = results.length >= 2 ? results.reduce((sum, f) => sum + f.level, 0) / results.length : null;
  const levels = new Float64Array(SCHOOL_AREAS.length).fill(Number.NaN);
  const strengths: AreaStanding[] = [];
  const weaknesses: AreaStanding[] = [];
  for (const [area, { level, text, results: isResults }] of found) {
    levels[AREA_INDEX.get(area)!] = level;
    const relative = isResults && own !== null ? level - own : 0;
    if (level >= 1 || (relative >= RELATIVE_MARGIN && level > -1)) {
      strengths.push(standingOf(area, text, level >= 1 ? '' : ', well above its other results'));
    } else if (level <= -1 || (relative <= -RELATIVE_MARGIN && level < 1)) {
      weaknesses.push(standingOf(area, text, level <= -1 ? '' : ', well below its other results'));
    }
  }
  return { strengths, weaknesses, levels, measured: found.size };
}
