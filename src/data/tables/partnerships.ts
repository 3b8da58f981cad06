import type { ColumnType, Generated } from 'kysely';
import type { FocusArea } from '../../domain/focus-areas.ts';
import type { PlanText, SectionChange } from '../../domain/partnerships/agreement.ts';
import type {
  ActionStatus,
  Closure,
  InvitationStatus,
  MemberRole,
  ObjectiveMeasure,
  PartnershipStatus,
  PartnershipType,
  SystemLeaderDesignation,
  TitleWords,
} from '../../domain/partnerships/model.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Created = ColumnType<Date, Date | string | undefined, never>;

export interface PartnershipsTable {
  id: Generated<number>;
  title: string;
  type: PartnershipType;
  status: Generated<PartnershipStatus>;
  closure: Closure | null;
  end_reason: string | null;
  focus_areas: ColumnType<FocusArea[], FocusArea[] | undefined, FocusArea[]>;
  need: string | null;
  priorities: string | null;
  staff_days: number | null;
  release_time: string | null;
  start_date: string | null;
  end_date: string | null;
  exit_strategy: string | null;
  sustainability: string | null;
  plan_version: Generated<number>;
  proposal_message: string | null;
  /** The template and values of a title the service wrote; null for one someone wrote. */
  title_words: ColumnType<TitleWords | null, TitleWords | null | undefined, TitleWords | null>;
  created_by: number | null;
  created_at: Created;
  updated_at: Timestamp;
}

export interface PartnershipMembersTable {
  partnership_id: number;
  urn: number;
  role: MemberRole;
  invitation: InvitationStatus;
  responded_at: Date | string | null;
  responded_by: number | null;
}

export interface PartnershipStaffTable {
  id: Generated<number>;
  partnership_id: number;
  urn: number;
  name: string;
  job_title: string;
  seniority: string;
  system_leader: SystemLeaderDesignation | null;
}

export interface PartnershipObjectivesTable {
  id: Generated<number>;
  partnership_id: number;
  description: string;
  success_criteria: string;
  measure: ObjectiveMeasure;
  custom_measure_name: string | null;
  baseline: number | null;
  target: number | null;
}

export interface PartnershipOutcomesTable {
  id: Generated<number>;
  objective_id: number;
  recorded_on: string;
  value: number;
  note: Generated<string>;
  recorded_by: number | null;
}

export interface PartnershipCostsTable {
  id: Generated<number>;
  partnership_id: number;
  item: string;
  amount_pounds: number;
  paid_by: string;
}

export interface PartnershipMilestonesTable {
  id: Generated<number>;
  partnership_id: number;
  title: string;
  due_date: string;
  done_on: string | null;
}

export interface PartnershipActionsTable {
  id: Generated<number>;
  partnership_id: number;
  description: string;
  owner: string;
  due_date: string;
  status: Generated<ActionStatus>;
  created_by: number | null;
  updated_at: Timestamp;
}

export interface PartnershipUpdatesTable {
  id: Generated<number>;
  partnership_id: number;
  body: string;
  written_by: number | null;
  written_at: Timestamp;
}

export interface PartnershipIssuesTable {
  id: Generated<number>;
  partnership_id: number;
  description: string;
  handling: Generated<string>;
  resolved: Generated<boolean>;
  raised_on: string;
  raised_by: number | null;
}

export interface PartnershipFeedbackTable {
  id: Generated<number>;
  partnership_id: number;
  from_urn: number;
  body: string;
  given_by: number | null;
  given_at: Timestamp;
}

export interface PartnershipEventsTable {
  id: Generated<number>;
  partnership_id: number;
  kind: string;
  from_status: PartnershipStatus | null;
  to_status: PartnershipStatus;
  urn: number | null;
  by_user_id: number;
  at: Date | string;
  reason: string | null;
}

/** A school's agreement to one version of the plan; `changes` says why it was withdrawn. */
export interface PartnershipAgreementsTable {
  id: Generated<number>;
  partnership_id: number;
  urn: number;
  plan_version: number;
  plan: ColumnType<PlanText, string, string>;
  agreed_by: number;
  agreed_at: Date | string;
  withdrawn_at: Date | string | null;
  changes: ColumnType<SectionChange[] | null, string | null, string | null>;
}

export interface PartnershipTables {
  partnerships: PartnershipsTable;
  partnership_members: PartnershipMembersTable;
  partnership_staff: PartnershipStaffTable;
  partnership_objectives: PartnershipObjectivesTable;
  partnership_outcomes: PartnershipOutcomesTable;
  partnership_costs: PartnershipCostsTable;
  partnership_milestones: PartnershipMilestonesTable;
  partnership_actions: PartnershipActionsTable;
  partnership_updates: PartnershipUpdatesTable;
  partnership_issues: PartnershipIssuesTable;
  partnership_feedback: PartnershipFeedbackTable;
  partnership_events: PartnershipEventsTable;
  partnership_agreements: PartnershipAgreementsTable;
}
