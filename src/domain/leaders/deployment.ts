import type { SessionUser } from '../access.ts';
import type { Closure, PartnershipType } from '../partnerships/model.ts';
import type { Costing, TeamCosting } from './costing.ts';

/**
 * A deployment: a system leader contracted for a number of days to work with a client school,
 * commissioned by the school or by an organisation (local authority, trust, diocese) for it.
 * Seed 003: "the lines of accountability are less clear and yet expectations of impact are
 * significant", so a deployment says to whom the leader reports, what success looks like and
 * how it ends, and both sides agree: the commissioner by commissioning, the leader by accepting.
 */
export interface DeploymentParties {
  leaderUserId: number;
  clientUrn: number;
  /** The organisation that commissioned it for the school; null when the school did. */
  organisationId: number | null;
}

export type LeaderAnswer = 'accepted' | 'declined';

export const DEPLOYMENT_STATUSES = [
  'awaiting-leader',
  'awaiting-team',
  'agreed',
  'declined',
  'withdrawn',
  'completed',
  'ended-early',
] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];
export const DEPLOYMENT_STATUS_LABELS: Record<DeploymentStatus, string> = {
  'awaiting-leader': 'Waiting for the system leader',
  'awaiting-team': 'Waiting for the team to accept',
  agreed: 'Agreed by both sides',
  declined: 'Declined by the system leader',
  withdrawn: 'Withdrawn before it started',
  completed: 'Completed',
  'ended-early': 'Ended early',
};

/**
 * Where a deployment stands: the leader's answer and the commissioner's withdrawal first (each
 * also closes its partnership, but says more than "ended early"), then how its partnership
 * closed, so an agreement is not still shown once the work is over. Once the lead has accepted,
 * a team waits while any further member has not accepted (or declined and is still listed).
 */
export const deploymentStatus = (
  answer: LeaderAnswer | null,
  withdrawn: boolean,
  closure: Closure | null,
  teamWaiting = false,
): DeploymentStatus =>
  withdrawn
    ? 'withdrawn'
    : answer === 'declined'
      ? 'declined'
      : closure !== null
        ? closure
        : answer === null
          ? 'awaiting-leader'
          : teamWaiting
            ? 'awaiting-team'
            : 'agreed';

/**
 * One person on a deployment's team: its lead (on the deployment's own row, so a deployment
 * made before teams is a team of one) or a further member, each with their own days, the day
 * rate agreed for them and their own answer.
 */
export interface TeamMember {
  userId: number;
  name: string;
  profileId: number | null;
  lead: boolean;
  days: number;
  answer: LeaderAnswer | null;
  costing: Costing;
}

/** Whether a member's days count: all but a member who declined (their days are free again). */
export const holdsDays = (m: Pick<TeamMember, 'answer'>): boolean => m.answer !== 'declined';

/** Whether the further members (not the lead, who answers with the readiness questions) all accepted. */
export const teamWaiting = (team: readonly Pick<TeamMember, 'lead' | 'answer'>[]): boolean =>
  team.some((m) => !m.lead && m.answer !== 'accepted');

/** The days of the whole team, those who declined left out. */
export const teamDays = (team: readonly Pick<TeamMember, 'days' | 'answer'>[]): number =>
  team.filter(holdsDays).reduce((sum, m) => sum + m.days, 0);

export const TEAM_NOT_READY =
  'Every member of the deployment’s team must accept their place before the deployment starts.';

/**
 * Whether a deployment went or is going ahead, so counts in what was commissioned: all but
 * those declined or withdrawn (a closed one's days stay in what was spent, not in what is held).
 */
export const goesAhead = (status: DeploymentStatus): boolean =>
  status !== 'declined' && status !== 'withdrawn';

export interface Deployment extends DeploymentParties {
  id: number;
  leaderName: string;
  leaderProfileId: number | null;
  clientName: string;
  organisationName: string | null;
  /** The person who commissioned it; null once their account is gone. */
  commissionedBy: number | null;
  commissionedByName: string | null;
  scope: string;
  objectives: string;
  successCriteria: string;
  /** The whole team's days (the lead's alone for a team of one). */
  days: number;
  start: string;
  end: string;
  costing: TeamCosting;
  reportsTo: string;
  exitStrategy: string;
  leaderAnswer: LeaderAnswer | null;
  /** The lead first, then the further members in the order they were added. */
  team: TeamMember[];
  status: DeploymentStatus;
  /** Whether its partnership has started (or closed): then it can no longer be withdrawn. */
  begun: boolean;
}

type User = Pick<SessionUser, 'id' | 'schools' | 'organisations'>;

/** Who a person is to a deployment: any of the three sides, or none. */
export interface DeploymentStanding {
  leader: boolean;
  /** A further member of its team (not the lead). */
  member: boolean;
  clientAdmin: boolean;
  clientMember: boolean;
  commissioningOfficer: boolean;
}

export function standingIn(
  user: User,
  d: DeploymentParties & { team?: readonly Pick<TeamMember, 'userId' | 'lead'>[] },
): DeploymentStanding {
  const membership = user.schools.find((s) => s.urn === d.clientUrn);
  return {
    leader: user.id === d.leaderUserId,
    member: (d.team ?? []).some((m) => !m.lead && m.userId === user.id),
    clientAdmin: membership?.role === 'admin',
    clientMember: !!membership,
    commissioningOfficer:
      d.organisationId !== null && user.organisations.some((o) => o.id === d.organisationId),
  };
}

/** The team, the client school's people and the commissioning organisation's officers see it. */
export const canSeeDeployment = (s: DeploymentStanding): boolean =>
  s.leader || s.member || s.clientMember || s.commissioningOfficer;

/**
 * Costings are between those who agree and pay them: the client school's administrators, the
 * commissioning officers and the leader; not the school's other staff.
 */
export const canSeeCosting = (s: DeploymentStanding): boolean =>
  s.leader || s.clientAdmin || s.commissioningOfficer;

/**
 * Who speaks for the commissioner: the client school's administrators when the school
 * commissioned the deployment, the organisation's officers when an organisation did.
 */
export const isCommissioner = (s: DeploymentStanding, d: Pick<Deployment, 'organisationId'>): boolean =>
  d.organisationId === null ? s.clientAdmin : s.commissioningOfficer;

/** The commissioner withdraws a deployment before it starts, whether or not the leader has accepted. */
export const canWithdraw = (
  s: DeploymentStanding,
  d: Pick<Deployment, 'organisationId' | 'status' | 'begun'>,
): boolean => isCommissioner(s, d) && goesAhead(d.status) && !d.begun;

/**
 * The commissioner adds and removes members of the team until the deployment starts (a member
 * who declined is replaced this way).
 */
export const canChangeTeam = (
  s: DeploymentStanding,
  d: Pick<Deployment, 'organisationId' | 'status' | 'begun'>,
): boolean => isCommissioner(s, d) && goesAhead(d.status) && !d.begun;

/**
 * Who may commission a deployment for a school: its administrators, and officers of an
 * organisation the school belongs to (which is then the commissioner). Returns the organisation
 * to record, null for the school itself, or undefined when the person may not.
 */
export function commissionerFor(
  user: User,
  urn: number,
  organisationsOfSchool: readonly number[],
): { organisationId: number | null } | undefined {
  if (user.schools.some((s) => s.urn === urn && s.role === 'admin')) return { organisationId: null };
  const officerOf = user.organisations.find((o) => organisationsOfSchool.includes(o.id));
  return officerOf ? { organisationId: officerOf.id } : undefined;
}

/**
 * A deployment's parties are its client school and its system leader, fixed when it is
 * commissioned: no other school is invited into its partnership.
 */
export const invitesSchools = (type: PartnershipType): boolean => type !== 'deployment';

export const NO_SCHOOLS_INVITED =
  'A deployment’s parties are the client school and its system leader: no other school can be invited.';
