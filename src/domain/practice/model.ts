import type { FocusArea } from '../focus-areas.ts';
import type { PracticeEvidence } from './evidence.ts';
import type { PartnershipType } from '../partnerships/model.ts';
import type { Phase } from '../school.ts';

/**
 * A practice record: what a school did that others might draw on, for whom, what it cost, what
 * changed and how the school knows (Estyn's "Do you have practice that you could share?").
 * Plain data only; dates are ISO timestamps.
 */

/** The pupils a practice was for; a record names any number of these. */
export const PUPIL_GROUPS = [
  'all',
  'disadvantaged',
  'send',
  'eal',
  'more-able',
  'looked-after',
  'early-years',
] as const;
export type PupilGroup = (typeof PUPIL_GROUPS)[number];
export const PUPIL_GROUP_LABELS: Record<PupilGroup, string> = {
  all: 'All pupils',
  disadvantaged: 'Disadvantaged pupils (pupil premium, free school meals)',
  send: 'Pupils with special educational needs or additional learning needs',
  eal: 'Pupils learning English (or Welsh) as an additional language',
  'more-able': 'More able pupils',
  'looked-after': 'Looked-after and previously looked-after children',
  'early-years': 'Children in the early years',
};

/** Phases a practice is written for: the registry's phases that teach pupils. */
export const PRACTICE_PHASES = [
  'nursery',
  'primary',
  'middle',
  'secondary',
  'all-through',
  'special',
  'alternative-provision',
  '16-plus',
] as const satisfies readonly Phase[];
export type PracticePhase = (typeof PRACTICE_PHASES)[number];

/** The language a record is written in: Welsh text is stored and searched as written, unstemmed. */
export const PRACTICE_LANGUAGES = ['en', 'cy'] as const;
export type PracticeLanguage = (typeof PRACTICE_LANGUAGES)[number];
export const PRACTICE_LANGUAGE_LABELS: Record<PracticeLanguage, string> = { en: 'English', cy: 'Cymraeg' };

/** What the author writes; everything S2S works out (evidence, dates, state) lives beside it. */
export interface PracticeContent {
  title: string;
  summary: string;
  /** A Welsh title and summary, if the author gave them, shown to Welsh readers. */
  titleCy?: string | null;
  summaryCy?: string | null;
  whatWeDid: string;
  phases: PracticePhase[];
  pupilGroups: PupilGroup[];
  focusAreas: FocusArea[];
  /** How the schools worked together, if they did: the partnership types; null for one school's own practice. */
  collaboration: PartnershipType | null;
  /** Staff time and cost, in the author's words. */
  resources: string;
  whatChanged: string;
  howWeKnow: string;
  /** The school year the practice began (2022 for 2022 to 2023): published results either side of it are its evidence. */
  startedIn: number | null;
  /** Public web pages about the practice (http or https only). */
  links: string[];
  /** A published external evaluation: where to read it. */
  externalEvaluation: string;
  /** A completed S2S partnership whose impact report is evidence for the practice. */
  partnershipId: number | null;
  language: PracticeLanguage;
}

/** Most characters a field may hold, so a record stays readable and a request stays small. */
export const PRACTICE_LIMITS = {
  title: 150,
  summary: 600,
  long: 6000,
  links: 5,
  link: 500,
  externalEvaluation: 500,
} as const;

/**
 * Where a version stands: written but not sent (`draft`), waiting for a moderator (`submitted`),
 * sent back with a note (`returned`), or approved and public (`published`).
 */
export const VERSION_STATES = ['draft', 'submitted', 'returned', 'published'] as const;
export type VersionState = (typeof VERSION_STATES)[number];
export const VERSION_STATE_LABELS: Record<VersionState, string> = {
  draft: 'Draft',
  submitted: 'Waiting for moderation',
  returned: 'Returned for changes',
  published: 'Published',
};

/**
 * A record's standing, as its access rules read it: the version the public sees (if any), the
 * version its school is working on, and whether it was withdrawn.
 */
export interface PracticeStanding {
  urn: number;
  publishedVersion: number | null;
  workingVersion: number;
  workingState: VersionState;
  withdrawn: boolean;
}

/** Published and not withdrawn: anyone may read its published version. */
export const isPublic = (r: Pick<PracticeStanding, 'publishedVersion' | 'withdrawn'>): boolean =>
  r.publishedVersion !== null && !r.withdrawn;

/** A change the school made after publication, not yet approved. */
export const hasPendingChange = (r: PracticeStanding): boolean =>
  r.publishedVersion !== null && r.workingVersion !== r.publishedVersion;

/** One version of a record as written, with its evidence and when it moved through moderation. */
export interface PracticeVersion {
  version: number;
  content: PracticeContent;
  evidence: PracticeEvidence;
  savedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
}

/** A record with the versions its standing names (one object when nothing is pending). */
export interface PracticeRecord extends PracticeStanding {
  id: number;
  schoolName: string;
  example: boolean;
  createdAt: string;
  moderationNote: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  published: PracticeVersion | null;
  working: PracticeVersion;
}

/**
 * A record's title and summary as a reader sees them: a Welsh reader gets the author's Welsh where
 * given, else the record as written, flagged when that is English so a page can mark it lang="en".
 */
export function headlineFor(
  c: Pick<PracticeContent, 'title' | 'summary' | 'titleCy' | 'summaryCy' | 'language'>,
  reader: 'en' | 'cy',
) {
  const welsh = reader === 'cy';
  const pick = (english: string, cy: string | null | undefined) =>
    welsh && cy ? { text: cy, inEnglish: false } : { text: english, inEnglish: welsh && c.language === 'en' };
  const title = pick(c.title, c.titleCy);
  const summary = pick(c.summary, c.summaryCy);
  return {
    title: title.text,
    titleInEnglish: title.inEnglish,
    summary: summary.text,
    summaryInEnglish: summary.inEnglish,
  };
}
