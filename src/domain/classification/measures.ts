import {
  GRADE4_LABELS,
  GRADE5_LABELS,
  type Grade4,
  type Grade5,
  type Inspection,
  type KeyJudgement,
  type Performance,
  type PublishedRating,
  type ReportCardArea,
  type SchoolRecord,
} from '../school.ts';
import type { MeasureName, MeasureValue, PerformanceProfile } from './types.ts';
import { MeasureSet, SLOT } from './measure-set.ts';
import { formatNumber, signedNumber } from '../format.ts';
import { publishedProgressFigure } from '../national-figures.ts';
import { categorisationMeasures, estynMeasures, welshGap, welshMeasurePhrase } from './wales-measures.ts';
import { mapPhrases, phrase, phraseList, phrasesIn, writePhrase, type Phrase } from '../words.ts';

/** The evidence a profile reads for one school, with where it came from for the reasons. */
export interface SchoolEvidence {
  measures: MeasureSet;
  /** The inspection the measures come from; null when none is current. */
  inspection: Inspection | null;
  /** Set when the latest inspection is too old for the profile. */
  staleInspection: Inspection | null;
  /**
   * A rating from a summary without inspection dates, standing in when no inspection is on
   * record: its grade is read as the latest inspection's, with that caveat in the reasons.
   */
  publishedRating: PublishedRating | null;
  ks2: Performance | null;
  ks4: Performance | null;
  /** Wales: the national categorisation read, when one is on record. */
  categorisation?: { year: number } | null;
}

const MS_PER_YEAR = 365.25 * 24 * 60 * 60 * 1000;

// Dates parsed once: every school's evidence is measured against the same few thousand dates.
const parsedDates = new Map<string, number>();
const MOST_DATES_KEPT = 100_000;

function dateValue(isoDate: string): number {
  let value = parsedDates.get(isoDate);
  if (value === undefined) {
    if (parsedDates.size >= MOST_DATES_KEPT) parsedDates.clear();
    value = Date.parse(isoDate);
    parsedDates.set(isoDate, value);
  }
  return value;
}

export function yearsBetween(fromIsoDate: string, toIsoDate: string): number {
  return (dateValue(toIsoDate) - dateValue(fromIsoDate)) / MS_PER_YEAR;
}

function set(measures: MeasureSet, slot: number, value: MeasureValue | null | undefined): void {
  if (value !== null && value !== undefined && !(typeof value === 'number' && Number.isNaN(value))) {
    measures.set(slot, value);
  }
}

// Each grade's measure slot found once, not for every school (-1 for a grade no rule can test).
const gradeSlots = { 'ofsted.kj.': {}, 'ofsted.rc.': {} } as Record<string, Record<string, number>>;

/** Each grade under `prefix`, then the worst and best of them: read in one pass, making no lists. */
function gradeMeasures(
  measures: MeasureSet,
  grades: Partial<Record<KeyJudgement | ReportCardArea, number>>,
  prefix: 'ofsted.kj.' | 'ofsted.rc.',
  worstSlot: number,
  bestSlot: number,
): void {
  let worst: number | undefined;
  let best: number | undefined;
  for (const name in grades) {
    const grade = grades[name as KeyJudgement | ReportCardArea]!;
    set(measures, (gradeSlots[prefix]![name] ??= SLOT[`${prefix}${name}` as MeasureName] ?? -1), grade);
    worst = worst === undefined ? Math.max(grade) : Math.max(worst, grade);
    best = best === undefined ? Math.min(grade) : Math.min(best, grade);
  }
  set(measures, worstSlot, worst);
  set(measures, bestSlot, best);
}

function inspectionMeasures(
  measures: MeasureSet,
  inspection: Inspection,
  previous: Inspection | undefined,
): void {
  set(measures, SLOT['inspection.era'], inspection.era);
  if (inspection.era === 'estyn') {
    estynMeasures(measures, inspection);
    return;
  }
  set(measures, SLOT['ofsted.overall'], inspection.overallEffectiveness);
  set(measures, SLOT['ofsted.category'], inspection.category ?? 'none');
  gradeMeasures(
    measures,
    inspection.keyJudgements,
    'ofsted.kj.',
    SLOT['ofsted.worstKeyJudgement'],
    SLOT['ofsted.bestKeyJudgement'],
  );
  gradeMeasures(
    measures,
    inspection.reportCard,
    'ofsted.rc.',
    SLOT['ofsted.worstReportCard'],
    SLOT['ofsted.bestReportCard'],
  );
  if (previous && previous.era !== 'estyn')
    set(measures, SLOT['ofsted.previousOverall'], previous.overallEffectiveness);
}

/** The newest published rating, unless even its publication date is too old for the profile. */
function currentRating(
  record: SchoolRecord,
  profile: PerformanceProfile,
  asOf: string,
): PublishedRating | null {
  const rating = record.publishedRatings?.[0];
  if (!rating) return null;
  const tooOld =
    profile.maxInspectionAgeYears !== null && yearsBetween(rating.asOf, asOf) > profile.maxInspectionAgeYears;
  return tooOld ? null : rating;
}

function ratingMeasures(measures: MeasureSet, rating: PublishedRating): void {
  // Only the overall grade was published, so the inspection was of the graded (legacy) era.
  set(measures, SLOT['inspection.era'], 'legacy');
  set(measures, SLOT['ofsted.overall'], rating.overallEffectiveness);
  // Ofsted places only inadequate schools in a category of concern.
  if (rating.overallEffectiveness < 4) set(measures, SLOT['ofsted.category'], 'none');
}

function latestResults(record: SchoolRecord, keyStage: 2 | 4, minimumCohort: number): Performance | null {
  const latest = record.performance.find((p) => p.keyStage === keyStage);
  // An unknown cohort is accepted: the published KS2 tables leave it out, and suppress the
  // scores themselves for the smallest cohorts.
  if (!latest || (latest.cohort !== null && latest.cohort < minimumCohort)) return null;
  return latest;
}

/**
 * How many schools' latest inspections a profile would set aside as too old on `asOf`: with old
 * data, a short window quietly turns most schools into "not enough evidence".
 */
export function inspectionsOutsideWindow(
  records: readonly SchoolRecord[],
  profile: Pick<PerformanceProfile, 'maxInspectionAgeYears'>,
  asOf: string,
): { inspected: number; outside: number } {
  const latest = records.flatMap((r) => r.inspections.slice(0, 1));
  const limit = profile.maxInspectionAgeYears;
  return {
    inspected: latest.length,
    outside: limit === null ? 0 : latest.filter((i) => yearsBetween(i.startDate, asOf) > limit).length,
  };
}

/**
 * Reads the measures a profile's rules test from one school's record, as at `asOf` (yyyy-mm-dd),
 * into `measures`: a new set, or one written over for each school in turn where the evidence is
 * read and let go (the national analysis, which keeps each school's group alone).
 */
export function measureSchool(
  record: SchoolRecord,
  profile: PerformanceProfile,
  asOf: string,
  measures = new MeasureSet(),
): SchoolEvidence {
  measures.clear();
  const latest = record.inspections[0];
  let inspection: Inspection | null = null;
  let staleInspection: Inspection | null = null;
  if (latest) {
    const age = yearsBetween(latest.startDate, asOf);
    if (profile.maxInspectionAgeYears !== null && age > profile.maxInspectionAgeYears) {
      staleInspection = latest;
    } else {
      inspection = latest;
      set(measures, SLOT['inspection.ageYears'], Math.round(age * 10) / 10);
      inspectionMeasures(measures, latest, record.inspections[1]);
    }
  }
  const publishedRating = latest ? null : currentRating(record, profile, asOf);
  if (publishedRating) ratingMeasures(measures, publishedRating);

  const ks2 = latestResults(record, 2, profile.minimumCohort);
  if (ks2) {
    set(measures, SLOT['ks2.readingProgress'], ks2.readingProgress);
    set(measures, SLOT['ks2.writingProgress'], ks2.writingProgress);
    set(measures, SLOT['ks2.mathsProgress'], ks2.mathsProgress);
    set(measures, SLOT['ks2.rwmExpectedPercent'], ks2.rwmExpectedPercent);
    const { readingProgress: r, writingProgress: w, mathsProgress: m } = ks2;
    if (r !== null && w !== null && m !== null) {
      set(measures, SLOT['ks2.averageProgress'], Math.round(((r + w + m) / 3) * 100) / 100);
    }
  }
  const ks4 = latestResults(record, 4, profile.minimumCohort);
  if (ks4) {
    set(measures, SLOT['ks4.progress8'], ks4.progress8);
    set(measures, SLOT['ks4.attainment8'], ks4.attainment8);
  }
  // English records carry no categorisation: their evidence is left exactly as it was.
  if (record.categorisations === undefined)
    return { measures, inspection, staleInspection, publishedRating, ks2, ks4 };
  const categorisation = categorisationMeasures(measures, record);
  return { measures, inspection, staleInspection, publishedRating, ks2, ks4, categorisation };
}

const KEY_JUDGEMENT_LABELS: Record<KeyJudgement, string> = {
  qualityOfEducation: 'quality of education',
  behaviourAndAttitudes: 'behaviour and attitudes',
  personalDevelopment: 'personal development',
  leadershipAndManagement: 'leadership and management',
  earlyYears: 'early years provision',
  sixthForm: 'sixth-form provision',
};
const REPORT_CARD_LABELS: Record<ReportCardArea, string> = {
  inclusion: 'inclusion',
  curriculumAndTeaching: 'curriculum and teaching',
  achievement: 'achievement',
  attendanceAndBehaviour: 'attendance and behaviour',
  personalDevelopmentAndWellbeing: 'personal development and well-being',
  leadershipAndGovernance: 'leadership and governance',
  earlyYears: 'early years',
  post16: 'post-16 provision',
};

/** The published national figure beside a progress score, the same one the school's profile shows. */
const national = (measure: Parameters<typeof publishedProgressFigure>[0]) => {
  const { value, comparedWith } = publishedProgressFigure(measure);
  return nationalPhrase(String(value), comparedWith);
};

/** "national 46.7 for state-funded schools": the published figure a school's is read against. */
export const nationalPhrase = (value: string, comparedWith: string): Phrase =>
  phrase('national {{value}} for {{comparedWith}}', { value, comparedWith: phrase(comparedWith) });

// How a measure's words end when they carry the national figure: "KS2 maths progress +1.8 (national 0 …)".
const NATIONAL_NOTE = ' ({{national}})';

/** The national figure a measure's words give beside the measure, if they give one. */
function nationalFigureOf(words: Phrase): Phrase | undefined {
  const national = words.values?.national;
  return words.template.endsWith(NATIONAL_NOTE) && typeof national === 'object' && 'template' in national
    ? national
    : undefined;
}

/** A measure's words without the national figure beside them. */
function withoutNationalFigure(words: Phrase): Phrase {
  const { national: _national, ...values } = words.values!;
  return phrase(words.template.slice(0, -NATIONAL_NOTE.length), values);
}

/** A measure's words and the national figure beside them, as one key: the same measure against the same figure. */
function nationalNoteOf(words: Phrase): string | undefined {
  const national = nationalFigureOf(words);
  return national && `${words.template} ${writePhrase(national)}`;
}

/**
 * `words` without the national figures `said` already gives beside the same measures: a reason
 * comparing two schools' results names each national figure once, not once for each school.
 */
export function withoutNationalFiguresIn(words: Phrase, said: Phrase): Phrase {
  const given = new Set<string>();
  for (const p of phrasesIn(said)) {
    const note = nationalNoteOf(p);
    if (note !== undefined) given.add(note);
  }
  if (given.size === 0) return words;
  return mapPhrases(words, (p) => {
    const note = nationalNoteOf(p);
    return note !== undefined && given.has(note) ? withoutNationalFigure(p) : p;
  });
}

/**
 * Measures quoted one after the other, those in a row read against the same national figure
 * listed together with the figure given once: "KS2 reading progress +0.7, KS2 writing progress
 * +2.5 and KS2 maths progress +3.9 (each against national 0 for state-funded mainstream schools)".
 */
export function sharingNationalFigures(measures: readonly Phrase[]): Phrase[] {
  const shared: Phrase[] = [];
  for (let i = 0; i < measures.length;) {
    const national = nationalFigureOf(measures[i]!);
    const figure = national && writePhrase(national);
    let end = i + 1;
    while (figure !== undefined && end < measures.length) {
      const next = nationalFigureOf(measures[end]!);
      if (!next || writePhrase(next) !== figure) break;
      end++;
    }
    shared.push(
      end - i < 2
        ? measures[i]!
        : phrase('{{measures}} (each against {{national}})', {
            measures: phraseList(measures.slice(i, end).map(withoutNationalFigure), 'and'),
            national: national!,
          }),
    );
    i = end;
  }
  return shared;
}

const grade4 = (v: MeasureValue) => phrase(GRADE4_LABELS[v as Grade4] ?? String(v));
const grade5 = (v: MeasureValue) => phrase(GRADE5_LABELS[v as Grade5] ?? String(v));

/** A KS2 progress score, with the national figure beside it. */
const ks2Progress = (subject: 'reading' | 'writing' | 'maths', n: number) =>
  phrase(`KS2 ${subject} progress {{score}} ({{national}})`, {
    score: signedNumber(n, 1),
    national: national(`${subject}Progress`),
  });

/** A measure and its value as a phrase (see describeMeasure), for a page in the reader's language. */
export function measurePhrase(name: MeasureName, value: MeasureValue): Phrase {
  const n = typeof value === 'number' ? value : Number.NaN;
  if (name.startsWith('ofsted.kj.')) {
    const area = phrase(KEY_JUDGEMENT_LABELS[name.slice(10) as KeyJudgement]);
    return phrase('{{area}} judged {{grade}}', { area, grade: grade4(value) });
  }
  if (name.startsWith('ofsted.rc.')) {
    const area = phrase(REPORT_CARD_LABELS[name.slice(10) as ReportCardArea]);
    return phrase('{{area}} graded {{grade}}', { area, grade: grade5(value) });
  }
  const welsh = welshMeasurePhrase(name, value);
  if (welsh !== undefined) return welsh;
  switch (name) {
    case 'inspection.era':
      return phrase('inspection era: {{era}}', { era: String(value) });
    case 'inspection.ageYears':
      return phrase('inspected {{years}} years ago', { years: formatNumber(n, 1) });
    case 'ofsted.overall':
      return phrase('Ofsted overall effectiveness {{grade}}', { grade: grade4(value) });
    case 'ofsted.previousOverall':
      return phrase('{{grade}} at the inspection before', { grade: grade4(value) });
    case 'ofsted.category':
      return value === 'none'
        ? phrase('no Ofsted category of concern')
        : phrase('in {{category}}', { category: phrase(String(value)) });
    case 'ofsted.worstKeyJudgement':
      return phrase('lowest key judgement {{grade}}', { grade: grade4(value) });
    case 'ofsted.bestKeyJudgement':
      return phrase('highest key judgement {{grade}}', { grade: grade4(value) });
    case 'ofsted.worstReportCard':
      return phrase('lowest report-card grade {{grade}}', { grade: grade5(value) });
    case 'ofsted.bestReportCard':
      return phrase('highest report-card grade {{grade}}', { grade: grade5(value) });
    case 'estyn.followUp':
      return value === 'none'
        ? phrase('no Estyn follow-up')
        : phrase('Estyn follow-up: {{followUp}}', { followUp: phrase(String(value)) });
    case 'ks2.readingProgress':
      return ks2Progress('reading', n);
    case 'ks2.writingProgress':
      return ks2Progress('writing', n);
    case 'ks2.mathsProgress':
      return ks2Progress('maths', n);
    case 'ks2.averageProgress':
      return phrase('KS2 progress {{score}} on average across reading, writing and maths', {
        score: signedNumber(n, 1),
      });
    case 'ks2.rwmExpectedPercent':
      return phrase('{{percent}}% met the expected standard in reading, writing and maths', {
        percent: formatNumber(n),
      });
    case 'ks4.progress8':
      return phrase('Progress 8 {{score}} ({{national}})', {
        score: signedNumber(n, 2),
        national: national('progress8'),
      });
    case 'ks4.attainment8':
      return phrase('Attainment 8 {{score}}', { score: formatNumber(n, 1) });
  }
  return phrase('{{measure}} {{value}}', { measure: name, value: String(value) });
}

/** A measure and its value in plain English, as quoted in reasons. */
export const describeMeasure = (name: MeasureName, value: MeasureValue): string =>
  writePhrase(measurePhrase(name, value));

export const MEASURE_GAPS: Partial<Record<MeasureName, string>> = {
  'ks2.readingProgress': 'KS2 progress scores',
  'ks2.writingProgress': 'KS2 progress scores',
  'ks2.mathsProgress': 'KS2 progress scores',
  'ks2.averageProgress': 'KS2 progress scores',
  'ks2.rwmExpectedPercent': 'KS2 attainment',
  'ks4.progress8': 'KS4 Progress 8',
  'ks4.attainment8': 'KS4 Attainment 8',
};

/** What is missing, in words: "KS2 progress scores", "inspection grade". */
export function describeGap(name: MeasureName): string {
  return MEASURE_GAPS[name] ?? welshGap(name) ?? 'inspection grade';
}
