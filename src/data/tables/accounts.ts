import type { FocusArea } from '../../domain/focus-areas.ts';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Designation, OrganisationKind, SchoolRole } from '../../domain/access.ts';
import type { JoinRequestReason } from '../../domain/join-requests.ts';
import type { Language } from '../../domain/language.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;


export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  platform_admin: Generated<boolean>;
  language: ColumnType<Language | null, Language | null | undefined, Language | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface SchoolMembershipsTable {
  user_id: number;
  urn: number;
  role: SchoolRole;
  created_at: CreatedAt;
}

export interface OrganisationsTable {
  id: Generated<number>;
  kind: OrganisationKind;
  name: string;
  created_at: CreatedAt;
}

export interface OrganisationSchoolsTable {
  organisation_id: number;
  urn: number;
  shares_records: Generated<boolean>;
  sharing_changed_at: Timestamp | null;
  sharing_changed_by: number | null;
}

export interface OrganisationOfficersTable {
  user_id: number;
  organisation_id: number;
  created_at: CreatedAt;
}

export interface SystemLeadersTable {
  user_id: number;
  designation: Designation;
  created_at: CreatedAt;
}

export interface InvitationsTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  urn: number | null;
  school_role: SchoolRole | null;
  organisation_id: number | null;
  invited_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: number | null;
}

export interface JoinRequestsTable {
  id: Generated<number>;
  email: string;
  urn: number;
  school_role: SchoolRole;
  reason: JoinRequestReason;
  note: string | null;
  partnership_id: number | null;
  requested_by: number | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: number | null;
  outcome: 'approved' | 'refused' | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: number | null;
  actor_email: string | null;
  action: string;
  urn: number | null;
  organisation_id: number | null;
  subject: string;
  details: JSONColumnType<Record<string, unknown>>;
}

export interface SchoolDeclarationsTable {
  urn: number;
  capacity_to_support: number;
  needs: FocusArea[];
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface AccountsTables {
  users: UsersTable;
  sessions: SessionsTable;
  school_memberships: SchoolMembershipsTable;
  organisations: OrganisationsTable;
  organisation_schools: OrganisationSchoolsTable;
  organisation_officers: OrganisationOfficersTable;
  system_leaders: SystemLeadersTable;
  invitations: InvitationsTable;
  join_requests: JoinRequestsTable;
  password_resets: PasswordResetsTable;
  audit_log: AuditLogTable;
  school_declarations: SchoolDeclarationsTable;
}
