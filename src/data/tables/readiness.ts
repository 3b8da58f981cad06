import type { ActionStatus } from '../../domain/readiness/action-plan.ts';
import type { ColumnType, Generated } from 'kysely';

/** A moment; optional on insert, where the column defaults to now(). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ReadinessAssessmentsTable {
  id: Generated<number>;
  urn: number;
  framework_id: string;
  framework_version: number;
  partnership_type: string;
  status: ColumnType<'draft' | 'completed', 'draft' | 'completed' | undefined, 'draft' | 'completed'>;
  started_by: number | null;
  started_at: Timestamp;
  updated_at: Timestamp;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ReadinessAnswersTable {
  assessment_id: number;
  item_id: string;
  rating: number | null;
  evidence: Generated<string>;
  updated_at: Timestamp;
}

export interface ReadinessActionsTable {
  id: Generated<number>;
  assessment_id: number;
  item_id: string | null;
  action: string;
  owner: Generated<string>;
  due_on: string | null;
  status: Generated<ActionStatus>;
  priority: number;
  partnership_id: number | null;
  updated_at: Timestamp;
}

export interface ReadinessSharesTable {
  id: Generated<number>;
  assessment_id: number;
  grantee_urn: number | null;
  grantee_organisation_id: number | null;
  granted_by: number | null;
  granted_at: Timestamp;
}

export interface ReadinessTables {
  readiness_assessments: ReadinessAssessmentsTable;
  readiness_answers: ReadinessAnswersTable;
  readiness_actions: ReadinessActionsTable;
  readiness_shares: ReadinessSharesTable;
}
