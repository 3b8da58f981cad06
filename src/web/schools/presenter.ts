import {
  GRADE4_LABELS,
  GRADE5_LABELS,
  type Inspection,
  type KeyJudgement,
  type Performance,
  type PublishedRating,
  type ReportCardArea,
} from '../../domain/school.ts';
import { sourceWords, type NationalFigure, type NationalMeasure } from '../../domain/national-figures.ts';
import { formatNumber, signedNumber } from '../../domain/format.ts';
import { higherStandardPercent, progress8Interval } from '../../domain/published-results.ts';
import type { Message } from '../../i18n/index.ts';
import { datePhrase, phrase, phraseList, wordsOf, type Phrase } from '../../domain/words.ts';

/** A label or a headline in the reader's language (English unless a translator is given). */
type Words = (message: Message) => string;
const inEnglish: Words = ({ message }) => message;

const KEY_JUDGEMENT_LABELS: Record<KeyJudgement, string> = {
  qualityOfEducation: 'Quality of education',
  behaviourAndAttitudes: 'Behaviour and attitudes',
  personalDevelopment: 'Personal development',
  leadershipAndManagement: 'Leadership and management',
  earlyYears: 'Early years provision',
  sixthForm: 'Sixth form provision',
};

const REPORT_CARD_LABELS: Record<ReportCardArea, string> = {
  inclusion: 'Inclusion',
  curriculumAndTeaching: 'Curriculum and teaching',
  achievement: 'Achievement',
  attendanceAndBehaviour: 'Attendance and behaviour',
  personalDevelopmentAndWellbeing: 'Personal development and well-being',
  leadershipAndGovernance: 'Leadership and governance',
  earlyYears: 'Early years',
  post16: 'Post-16',
};

const ERA_LABELS: Record<Inspection['era'], string> = {
  legacy: 'Ofsted inspection with an overall effectiveness grade (before September 2024)',
  ungraded: 'Ofsted inspection without an overall grade (September 2024 to November 2025)',
  'report-card': 'Ofsted report card (from November 2025)',
  estyn: 'Estyn inspection (Wales: no summative grade)',
};

export interface InspectionView {
  startDate: string;
  publicationDate: string | null;
  type: string | null;
  era: string;
  headline: string;
  judgements: { label: string; value: string }[];
}

/** Shows each era as it was published: no overall grade is invented where there is none. */
export function describeInspection(inspection: Inspection, words: Words = inEnglish): InspectionView {
  const word = (message: string) => words({ message });
  const judgements: { label: string; value: string }[] = [];
  for (const [key, grade] of Object.entries(inspection.keyJudgements)) {
    judgements.push({
      label: word(KEY_JUDGEMENT_LABELS[key as KeyJudgement] ?? key),
      value: word(GRADE4_LABELS[grade]),
    });
  }
  for (const [key, grade] of Object.entries(inspection.reportCard)) {
    judgements.push({
      label: word(REPORT_CARD_LABELS[key as ReportCardArea] ?? key),
      value: word(GRADE5_LABELS[grade]),
    });
  }
  if (inspection.safeguardingMet !== null) {
    judgements.push({
      label: word('Safeguarding'),
      value: word(inspection.safeguardingMet ? 'Met' : 'Not met'),
    });
  }
  let headline: string;
  if (inspection.era === 'legacy' && inspection.overallEffectiveness) {
    const grade = word(GRADE4_LABELS[inspection.overallEffectiveness]);
    headline = words({
      message: `Overall effectiveness: ${grade}`,
      template: 'Overall effectiveness: {{grade}}',
      values: { grade },
    });
  } else if (inspection.era === 'estyn') {
    const followUp = inspection.estynFollowUp && word(inspection.estynFollowUp);
    headline = followUp
      ? words({
          message: `Follow-up: ${followUp}`,
          template: 'Follow-up: {{followUp}}',
          values: { followUp },
        })
      : word('No follow-up activity');
  } else if (inspection.era === 'report-card') {
    headline = word('Graded by evaluation area (no single overall grade)');
  } else {
    headline = word('No overall effectiveness grade (key judgements only)');
  }
  if (inspection.category) headline += ` – ${word(inspection.category)}`;
  return {
    startDate: inspection.startDate,
    publicationDate: inspection.publicationDate,
    type: inspection.inspectionType,
    era: word(ERA_LABELS[inspection.era]),
    headline,
    judgements,
  };
}

/**
 * The latest inspection in one line, for a row of search results ("Ofsted: Good, 15 January
 * 2019"), as a phrase to be written in the reader's language. Its `when` is the date, with any
 * category of concern beside it in the order each era wrote it.
 */
export function inspectionLine(inspection: Inspection | null, rating: PublishedRating | null): Phrase {
  if (!inspection) {
    return rating
      ? phrase('Ofsted: {{grade}} (rating published {{date}})', {
          grade: phrase(GRADE4_LABELS[rating.overallEffectiveness]),
          date: datePhrase(rating.asOf),
        })
      : phrase('No inspection recorded');
  }
  const date = datePhrase(inspection.startDate);
  const concern = inspection.category ? [phrase(inspection.category)] : [];
  const when = phraseList([...concern, date], ', ');
  switch (inspection.era) {
    case 'legacy':
      return inspection.overallEffectiveness
        ? phrase('Ofsted: {{grade}}, {{when}}', {
            grade: phrase(GRADE4_LABELS[inspection.overallEffectiveness]),
            when,
          })
        : phrase('Ofsted: inspected {{when}}', { when: phraseList([date, ...concern], ', ') });
    case 'ungraded':
      return phrase('Ofsted: no overall grade (key judgements only), {{when}}', { when });
    case 'report-card':
      return phrase('Ofsted report card, {{when}}', { when });
    case 'estyn':
      return inspection.estynFollowUp
        ? phrase('Estyn: follow-up, {{followUp}}, {{when}}', {
            followUp: phrase(inspection.estynFollowUp),
            when: date,
          })
        : phrase('Estyn: no follow-up, {{when}}', { when: date });
  }
}

type Unit = '%' | 'progress' | 'progress8' | 'score';

const MEASURES: { key: NationalMeasure; label: string; unit: Unit }[] = [
  { key: 'rwmExpectedPercent', label: 'Reading, writing and maths: expected standard', unit: '%' },
  { key: 'readingExpectedPercent', label: 'Reading: expected standard', unit: '%' },
  { key: 'writingExpectedPercent', label: 'Writing: expected standard', unit: '%' },
  { key: 'mathsExpectedPercent', label: 'Maths: expected standard', unit: '%' },
  { key: 'readingProgress', label: 'Reading progress score', unit: 'progress' },
  { key: 'writingProgress', label: 'Writing progress score', unit: 'progress' },
  { key: 'mathsProgress', label: 'Maths progress score', unit: 'progress' },
  { key: 'progress8', label: 'Progress 8 score', unit: 'progress8' },
  { key: 'attainment8', label: 'Attainment 8 score', unit: 'score' },
  { key: 'englishMaths5Percent', label: 'English and maths grade 5 or above', unit: '%' },
];

// As the DfE publishes them: progress scores to one decimal, Progress 8 to two.
const format = (value: number, unit: Unit) =>
  unit === '%'
    ? `${formatNumber(value)}%`
    : unit === 'progress'
      ? signedNumber(value, 1)
      : unit === 'progress8'
        ? signedNumber(value, 2)
        : formatNumber(value, 1);

export interface PerformanceRow {
  label: string;
  school: string;
  national: string;
  comparison: string;
}

function compared(value: number, national: number, unit: Unit): string {
  const diff = value - national;
  const threshold = unit === '%' ? 1 : 0.1;
  return Math.abs(diff) < threshold ? 'Close to national' : diff > 0 ? 'Above national' : 'Below national';
}

/** Progress 8 with its confidence interval: above or below national only when the whole interval is. */
function progress8Row(
  performance: Performance,
  national: number | null | undefined,
  words: Words,
): PerformanceRow | null {
  const interval = progress8Interval(performance);
  if (performance.progress8 === null || !interval) return null;
  const { lower, upper } = interval;
  const values = {
    score: format(performance.progress8, 'progress8'),
    lower: format(lower, 'progress8'),
    upper: format(upper, 'progress8'),
  };
  const row = {
    label: words({ message: 'Progress 8 score (95% confidence interval)' }),
    school: words(wordsOf('{{score}} ({{lower}} to {{upper}})', values)),
  };
  if (typeof national !== 'number') {
    return { ...row, national: words({ message: 'Not published' }), comparison: '–' };
  }
  const comparison =
    lower > national
      ? 'Above national'
      : upper < national
        ? 'Below national'
        : 'Not clearly different from national';
  return { ...row, national: format(national, 'progress8'), comparison: words({ message: comparison }) };
}

/** The national figures that stand beside one year of results. */
const figuresOf = (performance: Performance, figures: readonly NationalFigure[]) =>
  figures.filter((f) => f.keyStage === performance.keyStage && f.year === performance.year);

/** One year's results beside the national figures, in the reader's language (English unless `words` is given). */
export function performanceRows(
  performance: Performance,
  figures: readonly NationalFigure[],
  words: Words = inEnglish,
): PerformanceRow[] {
  const notPublished = words({ message: 'Not published' });
  const national = new Map(figuresOf(performance, figures).map((f) => [f.measure, f.value]));
  const rows = MEASURES.filter(({ key }) => typeof performance[key] === 'number').map(
    ({ key, label, unit }) => {
      const value = performance[key] as number;
      const avg = national.get(key);
      if (key === 'progress8') {
        const withInterval = progress8Row(performance, avg, words);
        if (withInterval) return withInterval;
      }
      return {
        label: words({ message: label }),
        school: format(value, unit),
        national: typeof avg === 'number' ? format(avg, unit) : notPublished,
        comparison: typeof avg === 'number' ? words({ message: compared(value, avg, unit) }) : '–',
      };
    },
  );
  const higher = higherStandardPercent(performance);
  if (higher !== null) {
    rows.splice(1, 0, {
      label: words({ message: 'Reading, writing and maths: higher standard' }),
      school: format(higher, '%'),
      national: notPublished,
      comparison: '–',
    });
  }
  return rows;
}

/**
 * One line of where national figures come from. A source the catalogue has no words for (a DfE
 * publication's title) is `cited` as published, in English, for a page to mark `lang="en"`.
 */
export interface NationalSourceLine {
  source: string;
  cited: boolean;
  over: string;
}

/** Where one year's national figures come from, and over which schools: one line per source. */
export function nationalFigureSources(
  performance: Performance,
  figures: readonly NationalFigure[],
  words: Words = inEnglish,
): NationalSourceLine[] {
  const lines = new Map<string, NationalSourceLine>();
  for (const figure of figuresOf(performance, figures)) {
    const key = `${figure.source} (over ${figure.comparedWith})`;
    if (lines.has(key)) continue;
    const source = words(sourceWords(figure));
    const comparedWith = words({ message: figure.comparedWith });
    lines.set(key, {
      source,
      cited: source === figure.source,
      over: words(wordsOf('over {{comparedWith}}', { comparedWith })),
    });
  }
  return [...lines.values()];
}
