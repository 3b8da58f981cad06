import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { FocusArea } from '../../domain/focus-areas.ts';
import type { Conflict, DeclaredConflictKind } from '../../domain/peer-review/conflicts.ts';
import type { Consent, GroupModel } from '../../domain/peer-review/groups.ts';
import type { ChallengeOutcome, FindingKind, ReviewStatus } from '../../domain/peer-review/review.ts';
import type { TeamRole } from '../../domain/peer-review/team.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Created = ColumnType<Date, Date | string | undefined, never>;
/** A date column, read as yyyy-mm-dd text (see db.ts). */
type Day = string;

export interface PeerReviewersTable {
  user_id: number;
  home_urn: number;
  trained_on: Day | null;
  trained_by: string | null;
  earlier_reviews: Generated<number>;
  experience: Generated<string>;
  agreed_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface PeerReviewerConflictsTable {
  id: Generated<number>;
  user_id: number;
  urn: number;
  kind: DeclaredConflictKind;
  declared_at: Created;
}

export interface PeerReviewGroupsTable {
  id: Generated<number>;
  name: string;
  model: GroupModel;
  created_by: number | null;
  created_at: Created;
}

export interface PeerReviewGroupSchoolsTable {
  group_id: number;
  urn: number;
  consent: Generated<Consent>;
  answered_by: number | null;
  answered_at: Timestamp | null;
}

export interface PeerReviewCyclesTable {
  id: Generated<number>;
  group_id: number;
  title: string;
  framework_id: string;
  framework_version: number;
  starts_on: Day;
  ends_on: Day;
  moderator_user_id: number | null;
  created_by: number | null;
  created_at: Created;
}

export interface PeerReviewsTable {
  id: Generated<number>;
  cycle_id: number;
  host_urn: number;
  position: number;
  visit_on: Day;
  sampled: boolean;
  status: Generated<ReviewStatus>;
  self_evaluation: string | null;
  chosen_focus: FocusArea | null;
  shared_with_group: Generated<boolean>;
  moderation_note: string | null;
  submitted_at: Timestamp | null;
  final_on: Day | null;
}

export interface PeerReviewReportSharesTable {
  review_id: number;
  organisation_id: number;
  granted_by: number | null;
  granted_at: Created;
}

export interface PeerReviewTeamTable {
  review_id: number;
  user_id: number;
  role: TeamRole;
  conflicts: JSONColumnType<Conflict[]>;
  override_by: number | null;
  override_reason: string | null;
  added_by: number | null;
  added_at: Created;
}

export interface PeerReviewJudgementsTable {
  review_id: number;
  area_id: string;
  judgement: number;
  evidence: string;
  recorded_by: number | null;
  updated_at: Timestamp;
}

export interface PeerReviewFindingsTable {
  id: Generated<number>;
  review_id: number;
  area_id: string;
  focus_area: FocusArea;
  kind: FindingKind;
  finding: string;
  evidence: string;
  recorded_by: number | null;
  recorded_at: Created;
  challenge: string | null;
  challenged_by: number | null;
  challenged_at: Timestamp | null;
  challenge_outcome: ChallengeOutcome | null;
  challenge_response: string | null;
  original_finding: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  partnership_id: number | null;
  supported_on: Day | null;
}

export interface PeerReviewActionsTable {
  id: Generated<number>;
  finding_id: number;
  description: string;
  owner: Generated<string>;
  due_on: Day | null;
  status: Generated<'not-started' | 'in-progress' | 'done'>;
  created_by: number | null;
  created_at: Created;
  updated_at: Timestamp;
}

export interface PeerReviewTables {
  peer_reviewers: PeerReviewersTable;
  peer_reviewer_conflicts: PeerReviewerConflictsTable;
  peer_review_groups: PeerReviewGroupsTable;
  peer_review_group_schools: PeerReviewGroupSchoolsTable;
  peer_review_cycles: PeerReviewCyclesTable;
  peer_reviews: PeerReviewsTable;
  peer_review_report_shares: PeerReviewReportSharesTable;
  peer_review_team: PeerReviewTeamTable;
  peer_review_judgements: PeerReviewJudgementsTable;
  peer_review_findings: PeerReviewFindingsTable;
  peer_review_actions: PeerReviewActionsTable;
}
