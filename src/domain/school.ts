/**
 * The registry's shape of a school, shared by every capability. Plain data only: the importers
 * produce it, the database stores it, and classification, matching and capacity read it.
 */
import type { LanguageMedium } from './wales.ts';

export const PHASES = [
  'nursery',
  'primary',
  'middle',
  'secondary',
  'all-through',
  'special',
  'alternative-provision',
  '16-plus',
  'not-applicable',
] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  middle: 'Middle',
  secondary: 'Secondary',
  'all-through': 'All-through',
  special: 'Special',
  'alternative-provision': 'Alternative provision',
  '16-plus': '16 plus',
  'not-applicable': 'Not applicable',
};

export type Country = 'England' | 'Wales';

/** A named geography with its official code (DfE LA code, ONS GSS code, GIAS GOR name). */
export interface Area {
  code: string;
  name: string;
}

export interface LatLon {
  lat: number;
  lon: number;
}

export interface School {
  urn: number;
  name: string;
  typeName: string | null;
  typeGroup: string | null;
  open: boolean;
  statusName: string;
  phase: Phase;
  statutoryLowAge: number | null;
  statutoryHighAge: number | null;
  country: Country;
  localAuthority: Area | null;
  region: Area | null;
  constituency: Area | null;
  town: string | null;
  postcode: string | null;
  location: LatLon | null;
  pupils: number | null;
  fsmPercent: number | null;
  ealPercent: number | null;
  senPercent: number | null;
  urbanRural: string | null;
  trust: string | null;
  /** Wales only: the language the school teaches through, from the Welsh Government's list. */
  languageMedium?: LanguageMedium | null;
  /** Wales only: the Welsh medium type as published ("Bilingual (Category B)"). */
  welshMediumType?: string | null;
  /**
   * A Welsh establishment read from GIAS: its Welsh Government school number (LA code and
   * establishment number), by which the registry knows it is the same school as that record.
   */
  welshNumber?: number | null;
}

/**
 * Ofsted changed its grading twice: a single overall effectiveness grade until September 2024,
 * key judgements only from then, and report cards graded per evaluation area from November 2025.
 * Estyn (Wales) gives no summative grade but puts schools into follow-up categories.
 */
export type InspectionEra = 'legacy' | 'ungraded' | 'report-card' | 'estyn';

/** Legacy four-point scale: 1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate. */
export type Grade4 = 1 | 2 | 3 | 4;
/** Report-card five-point scale: 1 Exceptional, 2 Strong standard, 3 Expected standard, 4 Needs attention, 5 Urgent improvement. */
export type Grade5 = 1 | 2 | 3 | 4 | 5;

export const GRADE4_LABELS: Record<Grade4, string> = {
  1: 'Outstanding',
  2: 'Good',
  3: 'Requires improvement',
  4: 'Inadequate',
};
export const GRADE5_LABELS: Record<Grade5, string> = {
  1: 'Exceptional',
  2: 'Strong standard',
  3: 'Expected standard',
  4: 'Needs attention',
  5: 'Urgent improvement',
};

export type KeyJudgement =
  | 'qualityOfEducation'
  | 'behaviourAndAttitudes'
  | 'personalDevelopment'
  | 'leadershipAndManagement'
  | 'earlyYears'
  | 'sixthForm';

export type ReportCardArea =
  | 'inclusion'
  | 'curriculumAndTeaching'
  | 'achievement'
  | 'attendanceAndBehaviour'
  | 'personalDevelopmentAndWellbeing'
  | 'leadershipAndGovernance'
  | 'earlyYears'
  | 'post16';

export type EstynFollowUp = 'special measures' | 'significant improvement' | 'estyn review';

/**
 * The areas Estyn's reports judged until the summer of 2022: the five inspection areas of the
 * 2017 framework, and the two overall judgements of the 2010 framework before it.
 */
export const ESTYN_AREAS = [
  'standards',
  'wellbeing',
  'teaching',
  'care',
  'leadership',
  'currentPerformance',
  'prospects',
] as const;
export type EstynArea = (typeof ESTYN_AREAS)[number];

/** Estyn's four-point summary judgement: 1 Excellent, 2 Good, 3 Adequate, 4 Unsatisfactory. */
export type EstynJudgement = 1 | 2 | 3 | 4;

/** The national school categorisation's support categories (Wales, 2014/15 to 2018/19 and some years since). */
export const SUPPORT_CATEGORIES = ['green', 'yellow', 'amber', 'red'] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

/** A Welsh school's support category as published for one year (`year`: the calendar year it was published, 2019 for 2018/19). */
export interface Categorisation {
  urn: number;
  year: number;
  supportCategory: SupportCategory;
}

export interface Inspection {
  urn: number;
  inspectionNumber: string | null;
  startDate: string; // ISO date, yyyy-mm-dd
  publicationDate: string | null;
  inspectionType: string | null;
  era: InspectionEra;
  overallEffectiveness: Grade4 | null;
  keyJudgements: Partial<Record<KeyJudgement, Grade4>>;
  reportCard: Partial<Record<ReportCardArea, Grade5>>;
  safeguardingMet: boolean | null;
  /** Ofsted category of concern. */
  category: 'special measures' | 'serious weaknesses' | null;
  estynFollowUp: EstynFollowUp | null;
  /** Estyn only, before September 2022: the summary judgements the report gave; none since. */
  estynJudgements?: Partial<Record<EstynArea, EstynJudgement>>;
  /** The row as published, so nothing is lost when a layout changes. */
  raw: Record<string, string>;
}

/**
 * The DfE publishes a year's results first as provisional figures and later as final (revised)
 * ones; final figures replace provisional ones, never the other way round.
 */
export type ResultsStatus = 'provisional' | 'final';

/** One school's published results for one academic year (year = the calendar year it ends). */
export interface Performance {
  urn: number;
  year: number;
  keyStage: 2 | 4;
  status: ResultsStatus;
  cohort: number | null;
  /** KS2: % reaching the expected standard in reading, writing and maths combined. */
  rwmExpectedPercent: number | null;
  readingExpectedPercent: number | null;
  writingExpectedPercent: number | null;
  mathsExpectedPercent: number | null;
  readingProgress: number | null;
  writingProgress: number | null;
  mathsProgress: number | null;
  /** KS4 */
  progress8: number | null;
  attainment8: number | null;
  englishMaths5Percent: number | null;
  raw: Record<string, string>;
}

/** The national mean of each results measure, for one year and key stage. */
export type NationalAverages = Partial<Record<keyof Performance, number | null>>;

/**
 * An overall effectiveness grade as a ratings summary published it on `asOf`, without the date of
 * the inspection that gave it: evidence with that caveat, never an inspection.
 */
export interface PublishedRating {
  urn: number;
  asOf: string; // ISO date, yyyy-mm-dd
  overallEffectiveness: Grade4;
}

/** A school with the evidence that classification and matching need. */
export interface SchoolRecord extends School {
  inspections: Inspection[]; // newest first
  performance: Performance[]; // newest first
  /** Ratings from summaries without inspection dates, newest first; absent when none were imported. */
  publishedRatings?: PublishedRating[];
  /** Wales: the school's national categorisation, newest first; absent when none were imported. */
  categorisations?: Omit<Categorisation, 'urn'>[];
}

/** What the school census adds to GIAS: the share of pupils with English as an additional language. */
export interface CensusFigures {
  urn: number;
  ealPercent: number | null;
}

/** A GIAS link: a school's predecessor or successor, which carries its history across a new URN. */
export interface SchoolLink {
  urn: number;
  linkUrn: number;
  linkName: string | null;
  linkType: string;
  linkDate: string | null;
}
