import type {
  Country,
  EstynArea,
  InspectionEra,
  KeyJudgement,
  Phase,
  ReportCardArea,
  ResultsStatus,
} from '../school.ts';
import type { Phrase } from '../words.ts';

/** Where a performance profile places a school. */
export const SCHOOL_GROUPS = ['in-need', 'high-performing', 'other'] as const;
export type SchoolGroup = (typeof SCHOOL_GROUPS)[number];

export const SCHOOL_GROUP_LABELS: Record<SchoolGroup, string> = {
  'in-need': 'In need of support',
  'high-performing': 'High-performing',
  other: 'Neither in need nor high-performing',
};

/** The group as a reader sees it: a school the rules could not place for want of evidence says so. */
export function groupLabel(classification: { group: SchoolGroup; sufficientEvidence: boolean }): string {
  return classification.sufficientEvidence
    ? SCHOOL_GROUP_LABELS[classification.group]
    : 'Not enough evidence';
}

/**
 * A fact about a school that rules can test, read from its evidence by `measureSchool`.
 * Inspection measures come from the latest inspection (if current under the profile), results
 * from the latest year of each key stage with a large enough cohort.
 */
export type MeasureName =
  | 'inspection.era'
  | 'inspection.ageYears'
  | 'ofsted.overall'
  | 'ofsted.category'
  | 'ofsted.worstKeyJudgement'
  | 'ofsted.bestKeyJudgement'
  | `ofsted.kj.${KeyJudgement}`
  | 'ofsted.worstReportCard'
  | 'ofsted.bestReportCard'
  | `ofsted.rc.${ReportCardArea}`
  | 'ofsted.previousOverall'
  | 'estyn.followUp'
  | 'estyn.era'
  | 'estyn.worstJudgement'
  | 'estyn.bestJudgement'
  | `estyn.area.${EstynArea}`
  | 'wales.supportCategory'
  | 'wales.previousSupportCategory'
  | 'ks2.readingProgress'
  | 'ks2.writingProgress'
  | 'ks2.mathsProgress'
  | 'ks2.averageProgress'
  | 'ks2.rwmExpectedPercent'
  | 'ks4.progress8'
  | 'ks4.attainment8';

export type MeasureValue = number | string;
export type Measures = Partial<Record<MeasureName, MeasureValue>>;

export type Comparison = 'eq' | 'ne' | 'in' | 'lt' | 'lte' | 'gt' | 'gte';

export interface Condition {
  measure: MeasureName;
  op: Comparison;
  value: MeasureValue | MeasureValue[];
  /**
   * What a missing measure means. 'unknown' (the default) leaves the rule undecided, so the
   * school is reported as lacking evidence; 'skip' passes over it, for measures that the public
   * files often do not carry (say so in the rule's text).
   */
  ifMissing?: 'unknown' | 'skip';
}

/** One way into a group: every condition must hold. */
export interface Rule {
  /** Stable identifier, quoted in reasons (e.g. 'nfer.in-need.below-good'). */
  id: string;
  /** Plain English, read by school leaders: "Requires improvement or inadequate at the latest inspection". */
  text: string;
  /** Only applies when the latest inspection is of one of these eras (inspection rules). */
  eras?: InspectionEra[];
  /** Only applies to schools of these phases (results rules: KS2 for primary, KS4 for secondary). */
  phases?: Phase[];
  all: Condition[];
}

/** Parts of a school's work in which it can be strong or weak, for reciprocal matching. */
export const SCHOOL_AREAS = [
  'ks2-reading',
  'ks2-writing',
  'ks2-maths',
  'ks4-progress',
  'ks4-attainment',
  'ks4-english-maths',
  'ks4-english',
  'ks4-maths',
  'ks4-ebacc',
  'ks4-open',
  'quality-of-education',
  'achievement',
  'inclusion',
  'behaviour',
  'personal-development',
  'leadership',
  'early-years',
  'sixth-form',
] as const;
export type SchoolArea = (typeof SCHOOL_AREAS)[number];

export const SCHOOL_AREA_LABELS: Record<SchoolArea, string> = {
  'ks2-reading': 'KS2 reading',
  'ks2-writing': 'KS2 writing',
  'ks2-maths': 'KS2 maths',
  'ks4-progress': 'KS4 progress (Progress 8)',
  'ks4-attainment': 'KS4 attainment (Attainment 8)',
  'ks4-english-maths': 'GCSE English and maths',
  'ks4-english': 'KS4 English progress',
  'ks4-maths': 'KS4 maths progress',
  'ks4-ebacc': 'KS4 EBacc subjects progress',
  'ks4-open': 'KS4 open subjects progress',
  'quality-of-education': 'quality of education',
  achievement: 'achievement',
  inclusion: 'inclusion',
  behaviour: 'behaviour and attendance',
  'personal-development': 'personal development',
  leadership: 'leadership',
  'early-years': 'early years',
  'sixth-form': 'sixth form',
};

/** How one measure shows a strength or a weakness in an area. */
export interface AreaRule {
  area: SchoolArea;
  measure: MeasureName;
  strength: { op: Comparison; value: MeasureValue | MeasureValue[] };
  weakness: { op: Comparison; value: MeasureValue | MeasureValue[] };
}

/**
 * A named, versioned rule set that places every school in a group and says why. Stored as data
 * (table performance_profiles) so an administrator can publish a new version; a change makes a
 * new version rather than rewriting an old one, so earlier results stay explainable.
 */
export interface PerformanceProfile {
  /** Slug used by the API and CLI (`profile=nfer-2017`). */
  name: string;
  /**
   * The country whose schools the profile places (England when absent). A school of another
   * country is placed by that country's own profile: Welsh and English evidence are not alike.
   */
  country?: Country;
  version: number;
  title: string;
  /** What the profile reproduces, its thresholds and its sources. */
  description: string;
  /** An inspection older than this (on the as-of date) is not current evidence; null: any age. */
  maxInspectionAgeYears: number | null;
  /** Results from a smaller cohort are ignored (small cohorts swing from year to year). */
  minimumCohort: number;
  /** Checked first: any rule that holds puts the school in need. */
  inNeed: Rule[];
  /** Checked when no in-need rule holds. */
  highPerforming: Rule[];
  areas: AreaRule[];
}

export interface ProfileRef {
  name: string;
  version: number;
}

/** Why a school was placed where it was: the rule and the values that decided. */
export interface Reason {
  ruleId: string;
  /** In English, as the API and the CLI give it. */
  text: string;
  /** The same words as a phrase, for a page to write in the reader's language. */
  words: Phrase;
  values: Record<string, MeasureValue | null>;
}

export interface AreaFinding {
  area: SchoolArea;
  /** e.g. "KS2 maths progress +3.1 (national 0 for state-funded mainstream schools)". */
  text: string;
  measure: MeasureName;
  value: MeasureValue;
}

/** What a classification rests on, so that whoever reads it can see how old and how firm it is. */
export interface EvidenceUsed {
  inspectionDate: string | null;
  /** Set when a rating published without its inspection's date stood in for an inspection. */
  ratingPublishedOn: string | null;
  /** The results read, each provisional or final. */
  results: { keyStage: 2 | 4; year: number; status: ResultsStatus }[];
  /** Wales: the year of the national categorisation read (2019 for 2018/19), when one was. */
  categorisationYear?: number;
}

export interface Classification {
  urn: number;
  profile: ProfileRef;
  evidence: EvidenceUsed;
  group: SchoolGroup;
  /**
   * False when the rules could not be decided on the evidence held (no inspection, results
   * missing or from too small a cohort): the school is then 'other' and the reasons say what
   * is missing, rather than a guess.
   */
  sufficientEvidence: boolean;
  reasons: Reason[];
  strengths: AreaFinding[];
  weaknesses: AreaFinding[];
}

/** A classification as the API and the CLI give it: each reason in English, without its phrase. */
export type ClassificationAnswer = Omit<Classification, 'reasons'> & { reasons: Omit<Reason, 'words'>[] };

export const classificationAnswer = (c: Classification): ClassificationAnswer => ({
  ...c,
  reasons: c.reasons.map(({ words: _words, ...reason }) => reason),
});
