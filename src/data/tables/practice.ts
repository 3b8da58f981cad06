import type { ColumnType, Generated } from 'kysely';
import type { FocusArea } from '../../domain/focus-areas.ts';
import type { EvidenceLevel } from '../../domain/practice/evidence.ts';
import type {
  PracticeLanguage,
  PracticePhase,
  PupilGroup,
  VersionState,
} from '../../domain/practice/model.ts';
import type { PartnershipType } from '../../domain/partnerships/model.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type List<T> = ColumnType<T[], T[], T[]>;

export interface PracticeRecordsTable {
  id: Generated<number>;
  urn: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_version: number | null;
  working_version: Generated<number>;
  working_state: ColumnType<VersionState, VersionState | undefined, VersionState>;
  moderation_note: string | null;
  withdrawn_at: MaybeTimestamp;
  withdrawn_by: number | null;
  withdrawal_reason: string | null;
  example: Generated<boolean>;
}

export interface PracticeVersionsTable {
  record_id: number;
  version: number;
  title: string;
  summary: string;
  /** A Welsh title and summary beside an English record's own (migration 0910). */
  title_cy: string | null;
  summary_cy: string | null;
  what_we_did: string;
  phases: List<PracticePhase>;
  pupil_groups: List<PupilGroup>;
  focus_areas: List<FocusArea>;
  collaboration: PartnershipType | null;
  resources: string;
  what_changed: string;
  how_we_know: string;
  started_in: number | null;
  links: List<string>;
  external_evaluation: string;
  partnership_id: number | null;
  language: PracticeLanguage;
  evidence_level: EvidenceLevel;
  evidence: ColumnType<unknown, string, string>;
  external_checked: Generated<boolean>;
  saved_by: number | null;
  saved_at: Timestamp;
  submitted_at: MaybeTimestamp;
  published_at: MaybeTimestamp;
  published_by: number | null;
  search: ColumnType<string, never, never>;
}

export interface PracticeReportsTable {
  id: Generated<number>;
  record_id: number;
  reported_by: number | null;
  reported_at: Timestamp;
  reason: string;
  resolved_at: MaybeTimestamp;
  resolved_by: number | null;
  resolution: 'withdrawn' | 'dismissed' | null;
}

export type CaseStudyState = 'draft' | 'approved' | 'withdrawn';

export interface PracticeCaseStudiesTable {
  partnership_id: number;
  parts: List<string>;
  state: ColumnType<CaseStudyState, CaseStudyState | undefined, CaseStudyState>;
  record_id: number | null;
  started_by: number | null;
  started_at: Timestamp;
  withdrawn_at: MaybeTimestamp;
  withdrawn_by: number | null;
  withdrawn_by_urn: number | null;
}

export interface PracticeCaseStudyApprovalsTable {
  partnership_id: number;
  urn: number;
  approved_by: number | null;
  approved_at: Timestamp;
}

export interface PracticeTables {
  practice_records: PracticeRecordsTable;
  practice_versions: PracticeVersionsTable;
  practice_reports: PracticeReportsTable;
  practice_case_studies: PracticeCaseStudiesTable;
  practice_case_study_approvals: PracticeCaseStudyApprovalsTable;
}
