import type { SessionUser } from '../access.ts';

/**
 * Who may see and do what in a review. The report belongs to the host school: its people, the
 * review team and the cycle's moderator read it; the other schools of the group and officers of
 * an organisation read it only when the host school shares it with them. Platform administrators
 * are not readers by virtue of that role; the system sees only anonymised counts.
 */

export interface ReviewParties {
  hostUrn: number;
  /** Schools that agreed to take part in the group. */
  groupUrns: readonly number[];
  teamUserIds: readonly number[];
  moderatorUserId: number | null;
  sharedWithGroup: boolean;
  sharedOrganisationIds: readonly number[];
}

export interface ReviewRights {
  /** The schedule, the visit date and who is on the team. */
  seePlan: boolean;
  /** The self-evaluation, judgements, findings and report. */
  readReport: boolean;
  /** Record judgements and findings (the team, until submitted). */
  recordFindings: boolean;
  /** The host school's part: self-evaluation, challenges, actions. */
  actAsHost: boolean;
  /** The host school's administrators decide whom the report is shared with. */
  shareReport: boolean;
  /** Form the team: administrators of the group's schools. */
  formTeam: boolean;
  /** Moderate reports, decide challenges and override conflicts. */
  moderate: boolean;
}

const NONE: ReviewRights = {
  seePlan: false,
  readReport: false,
  recordFindings: false,
  actAsHost: false,
  shareReport: false,
  formTeam: false,
  moderate: false,
};

export function reviewRights(user: SessionUser | null | undefined, review: ReviewParties): ReviewRights {
  if (!user) return NONE;
  const memberOf = (urn: number) => user.schools.some((s) => s.urn === urn);
  const adminOf = (urn: number) => user.schools.some((s) => s.urn === urn && s.role === 'admin');
  const host = memberOf(review.hostUrn);
  const onTeam = review.teamUserIds.includes(user.id);
  const moderator = review.moderatorUserId === user.id;
  const inGroup = review.groupUrns.some(memberOf);
  const sharedOfficer =
    review.sharedOrganisationIds.length > 0 &&
    user.organisations.some((o) => review.sharedOrganisationIds.includes(o.id));
  const readReport = host || onTeam || moderator || (inGroup && review.sharedWithGroup) || sharedOfficer;
  return {
    seePlan: readReport || inGroup,
    readReport,
    recordFindings: onTeam,
    actAsHost: host,
    shareReport: adminOf(review.hostUrn),
    formTeam: review.groupUrns.some(adminOf),
    moderate: moderator,
  };
}
