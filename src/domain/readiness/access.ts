/**
 * Who may see and change a readiness assessment. It belongs to its school: the school's members
 * answer it and its administrators choose whom to share it with. A share lets a partner school's
 * members, or an organisation's officers, read it; nobody else sees it, platform staff included.
 */
export interface ReadinessViewer {
  userId: number;
  /** Schools the user is a member of (administrators included). */
  memberOf: readonly number[];
  /** Schools the user administers. */
  administers: readonly number[];
  /** Organisations (local authority, consortium, trust) the user is an officer of. */
  organisationIds: readonly number[];
}

export interface ShareGrant {
  granteeUrn: number | null;
  granteeOrganisationId: number | null;
}

export type ReadinessAccess = 'manage' | 'answer' | 'read' | 'none';

export function accessTo(
  assessment: { urn: number },
  shares: readonly ShareGrant[],
  viewer: ReadinessViewer | null,
): ReadinessAccess {
  if (!viewer) return 'none';
  if (viewer.administers.includes(assessment.urn)) return 'manage';
  if (viewer.memberOf.includes(assessment.urn)) return 'answer';
  const shared = shares.some(
    (s) =>
      (s.granteeUrn !== null && viewer.memberOf.includes(s.granteeUrn)) ||
      (s.granteeOrganisationId !== null && viewer.organisationIds.includes(s.granteeOrganisationId)),
  );
  return shared ? 'read' : 'none';
}

export const canRead = (a: ReadinessAccess) => a !== 'none';
export const canAnswer = (a: ReadinessAccess) => a === 'manage' || a === 'answer';
export const canManage = (a: ReadinessAccess) => a === 'manage';

/**
 * Access to one of a school's assessments, counting both the assessment's own shares and the
 * organisations the school shares all its records with (`schoolWide`).
 */
export function accessWithSchoolWide(
  assessment: { urn: number; shares: readonly ShareGrant[] },
  schoolWide: readonly number[],
  viewer: ReadinessViewer | null,
): ReadinessAccess {
  const grants = [
    ...assessment.shares,
    ...schoolWide.map((organisationId) => ({ granteeUrn: null, granteeOrganisationId: organisationId })),
  ];
  return accessTo(assessment, grants, viewer);
}
