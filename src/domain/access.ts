import type { Language } from './language.ts';
/**
 * Who may see and change what. Pure functions over the signed-in user and plain facts, so every
 * page, API route and command asks the same question the same way.
 */

export type SchoolRole = 'member' | 'admin';
export type OrganisationKind = 'local-authority' | 'consortium' | 'trust' | 'hub';
export type Designation = 'NLE' | 'LLE' | 'SLE' | 'NLG';

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'local-authority',
  'consortium',
  'trust',
  'hub',
];
export const DESIGNATIONS: readonly Designation[] = ['NLE', 'LLE', 'SLE', 'NLG'];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  'local-authority': 'Local authority',
  consortium: 'Regional consortium',
  trust: 'Trust',
  hub: 'Hub',
};

export const DESIGNATION_LABELS: Record<Designation, string> = {
  NLE: 'National leader of education',
  LLE: 'Local leader of education',
  SLE: 'Specialist leader of education',
  NLG: 'National leader of governance',
};

/** A designation as people read it: "Specialist leader of education (SLE)". */
export const designationName = (designation: Designation): string =>
  `${DESIGNATION_LABELS[designation]} (${designation})`;

/** The signed-in person and every role they hold (a user can hold several). */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  schools: { urn: number; role: SchoolRole }[];
  /** Organisations the user is an officer of. */
  organisations: { id: number; kind: OrganisationKind; name: string }[];
  systemLeader: { designation: Designation } | null;
  platformAdmin: boolean;
  /** The language they chose for the service, if they have chosen. */
  language?: Language | null;
}

/** A school's place in an organisation, and whether the school agreed to share its records. */
export interface OrganisationSchoolLink {
  organisationId: number;
  urn: number;
  sharesRecords: boolean;
}

export type MaybeUser = SessionUser | null | undefined;

/** Members and administrators of a school edit its own records; nobody else does. */
export function canEditSchool(user: MaybeUser, urn: number): boolean {
  return !!user && user.schools.some((s) => s.urn === urn);
}

/** School administrators invite and remove members and read the school's audit log; platform
 * administrators can too, so a school with no administrator yet can be given one. */
export function canAdministerSchool(user: MaybeUser, urn: number): boolean {
  if (!user) return false;
  return user.platformAdmin || user.schools.some((s) => s.urn === urn && s.role === 'admin');
}

/** Organisations whose officers the school has agreed to share its records with. */
export function organisationsSharedWith(urn: number, links: readonly OrganisationSchoolLink[]): number[] {
  return links.filter((l) => l.urn === urn && l.sharesRecords).map((l) => l.organisationId);
}

/**
 * A school's private records (self-assessments, plans, findings) are read by its own members
 * and by officers of an organisation the school has agreed, and not since withdrawn, to share
 * with. Platform administrators are not readers by virtue of that role.
 */
export function canReadSharedSchoolRecords(
  user: MaybeUser,
  urn: number,
  links: readonly OrganisationSchoolLink[],
): boolean {
  if (!user) return false;
  if (canEditSchool(user, urn)) return true;
  const shared = new Set(organisationsSharedWith(urn, links));
  return user.organisations.some((o) => shared.has(o.id));
}

/** Only a school's administrators decide which organisations see its records. */
export const canChangeSchoolSharing = (user: MaybeUser, urn: number): boolean =>
  !!user && user.schools.some((s) => s.urn === urn && s.role === 'admin');

export const isOrganisationOfficer = (user: MaybeUser, organisationId: number): boolean =>
  !!user && user.organisations.some((o) => o.id === organisationId);

/** Organisations, their officers and the whole audit log are the platform administrators'. */
export const canAdministerPlatform = (user: MaybeUser): boolean => !!user?.platformAdmin;

/** The audit entries of a school are shown to whoever administers it. */
export const canReadSchoolAudit = canAdministerSchool;

/** A school administrator may not remove themselves: a school must not be left with none by accident. */
export function canRemoveMember(user: MaybeUser, urn: number, memberUserId: number): boolean {
  return canAdministerSchool(user, urn) && user?.id !== memberUserId;
}
