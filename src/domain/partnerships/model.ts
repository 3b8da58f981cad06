import type { FocusArea } from '../focus-areas.ts';
/**
 * The shape of a school-to-school partnership, in the words of the seeds: the types of support
 * (peer-to-peer and joint practice development, deployment, sponsorship, federation), members
 * whose roles let every school give and receive, and the plan a partnership agrees on.
 * Plain data only; dates are ISO calendar dates (yyyy-mm-dd), instants ISO timestamps.
 */

export const PARTNERSHIP_TYPES = ['peer-to-peer', 'deployment', 'sponsorship', 'federation'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];
export const PARTNERSHIP_TYPE_LABELS: Record<PartnershipType, string> = {
  'peer-to-peer': 'Peer-to-peer and joint practice development',
  deployment: 'Deployment of a system leader or team',
  sponsorship: 'Sponsorship',
  federation: 'Federation',
};
export const PARTNERSHIP_TYPE_HINTS: Record<PartnershipType, string> = {
  'peer-to-peer':
    'Schools work together in a reciprocal arrangement to learn with, from and on behalf of one another',
  deployment:
    'A system leader or team is contracted for a period to work with a school to support improvement',
  sponsorship: 'A structural solution: one school or trust takes responsibility for another',
  federation: 'Schools share a governing body and often leaders',
};

export const MEMBER_ROLES = ['lead', 'supporting', 'supported', 'reciprocal'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  lead: 'Lead school',
  supporting: 'Supporting school',
  supported: 'Supported school',
  reciprocal: 'Reciprocal partner (gives and receives)',
};

/** How a school came to be in the partnership; only proposer and accepted schools take part. */
export const INVITATION_STATUSES = ['proposer', 'invited', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Partnerships work best with commitment "at different levels of seniority" (Gaining Ground). */
export const SENIORITIES = [
  'headteacher',
  'senior-leader',
  'middle-leader',
  'teacher',
  'support-staff',
  'governor',
] as const;
export type Seniority = (typeof SENIORITIES)[number];
export const SENIORITY_LABELS: Record<Seniority, string> = {
  headteacher: 'Headteacher or executive headteacher',
  'senior-leader': 'Senior leader',
  'middle-leader': 'Middle leader',
  teacher: 'Teacher',
  'support-staff': 'Support staff',
  governor: 'Governor',
};

export const SYSTEM_LEADER_DESIGNATIONS = ['NLE', 'LLE', 'SLE', 'NLG'] as const;
export type SystemLeaderDesignation = (typeof SYSTEM_LEADER_DESIGNATIONS)[number];
export const SYSTEM_LEADER_LABELS: Record<SystemLeaderDesignation, string> = {
  NLE: 'National leader of education',
  LLE: 'Local leader of education',
  SLE: 'Specialist leader of education',
  NLG: 'National leader of governance',
};

export const PARTNERSHIP_STATUSES = ['proposed', 'agreed', 'active', 'reviewing', 'closed'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];
export const PARTNERSHIP_STATUS_LABELS: Record<PartnershipStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  active: 'Active',
  reviewing: 'Reviewing',
  closed: 'Closed',
};

export const CLOSURES = ['completed', 'ended-early'] as const;
export type Closure = (typeof CLOSURES)[number];

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

export interface Member {
  urn: number;
  name: string;
  role: MemberRole;
  invitation: InvitationStatus;
  respondedAt: string | null;
}

export interface StaffMember {
  id: number;
  urn: number;
  name: string;
  jobTitle: string;
  seniority: Seniority;
  systemLeader: SystemLeaderDesignation | null;
}

/** A measure the registry already holds (used automatically), or one the partnership records. */
export const REGISTRY_MEASURES = [
  'ks2.rwmExpectedPercent',
  'ks2.readingProgress',
  'ks2.writingProgress',
  'ks2.mathsProgress',
  'ks4.progress8',
  'ks4.attainment8',
  'ks4.englishMaths5Percent',
] as const;
export type RegistryMeasure = (typeof REGISTRY_MEASURES)[number];
export type ObjectiveMeasure = RegistryMeasure | 'custom';

export interface Objective {
  id: number;
  description: string;
  successCriteria: string;
  measure: ObjectiveMeasure;
  /** What a custom measure counts, e.g. "Pupils reading at age-related expectations (%)". */
  customMeasureName: string | null;
  baseline: number | null;
  target: number | null;
}

export interface Cost {
  id: number;
  item: string;
  amountPounds: number;
  paidBy: string;
}

export interface Milestone {
  id: number;
  title: string;
  dueDate: string;
  doneOn: string | null;
}

export interface Action {
  id: number;
  description: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
}

/** A title the service wrote, as its English template and values, to be written in the reader's language. */
export interface TitleWords {
  template: string;
  values: Record<string, string>;
}

/** Everything agreed before the work starts: the Estyn ten questions and the seed 003 themes. */
export interface PartnershipPlan {
  title: string;
  type: PartnershipType;
  focusAreas: FocusArea[];
  need: string | null;
  priorities: string | null;
  staffDays: number | null;
  releaseTime: string | null;
  startDate: string | null;
  endDate: string | null;
  exitStrategy: string | null;
  sustainability: string | null;
}

export interface Partnership extends PartnershipPlan {
  id: number;
  status: PartnershipStatus;
  /** Counts the plan's changes: each school agrees to one version (agreement.ts). */
  planVersion: number;
  /** What the proposer said to the invited schools. */
  proposalMessage: string | null;
  closure: Closure | null;
  endReason: string | null;
  members: Member[];
  staff: StaffMember[];
  objectives: Objective[];
  costs: Cost[];
  milestones: Milestone[];
}

/** Schools that take part now: the proposer and those that accepted. */
export function participants(members: Member[]): Member[] {
  return members.filter((m) => m.invitation === 'proposer' || m.invitation === 'accepted');
}
