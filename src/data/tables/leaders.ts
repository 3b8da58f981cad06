import type { ColumnType, Generated } from 'kysely';
import type { Designation } from '../../domain/access.ts';
import type { FocusArea } from '../../domain/focus-areas.ts';
import type { FreeWithin } from '../../domain/leaders/profile.ts';
import type { Phase } from '../../domain/school.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray<T extends string> = ColumnType<T[], T[] | undefined, T[]>;

export interface SystemLeaderProfilesTable {
  id: Generated<number>;
  user_id: number;
  job_title: string;
  urn: number;
  claimed_designations: TextArray<Designation>;
  expertise: TextArray<FocusArea>;
  phases: TextArray<Phase>;
  experience: Generated<string>;
  days_per_term: number;
  available_from: string;
  available_to: string;
  travel_km: number | null;
  works_remotely: Generated<boolean>;
  day_rate_pounds: number | null;
  free_within: FreeWithin | null;
  published_at: Date | string | null;
  example: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}


export interface DeploymentsTable {
  partnership_id: number;
  leader_user_id: number;
  client_urn: number;
  organisation_id: number | null;
  commissioned_by: number | null;
  day_rate_pounds: number;
  paid_by: string;
  reports_to: string;
  leader_answer: 'accepted' | 'declined' | null;
  leader_answered_at: Date | string | null;
  withdrawn_at: Date | string | null;
  created_at: Generated<Date>;
}

/** Which readiness assessment is which side of a deployment's paired questions. */
export interface DeploymentReadinessTable {
  partnership_id: number;
  side: 'client' | 'leader';
  assessment_id: number;
}

/** The further members of a deployment's team, beside its lead (who is on the deployment's row). */
export interface DeploymentMembersTable {
  partnership_id: number;
  user_id: number;
  days: number;
  day_rate_pounds: number;
  answer: 'accepted' | 'declined' | null;
  answered_at: Date | string | null;
  added_by: number | null;
  added_at: Generated<Date>;
}

export interface LeaderTables {
  system_leader_profiles: SystemLeaderProfilesTable;
  deployments: DeploymentsTable;
  deployment_readiness: DeploymentReadinessTable;
  deployment_members: DeploymentMembersTable;
}
