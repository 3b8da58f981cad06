import type { SchoolRole, SessionUser } from './access.ts';

/**
 * Nobody claims a school that is not theirs. A platform administrator runs the service but does
 * not belong to schools: joining one that has administrators waits for their approval. A partner
 * school may invite a school with nobody on S2S to name its first administrator, but someone who
 * knows the school (a platform administrator, or an officer of an organisation the school is in)
 * approves it first.
 */
export type JoinRequestReason = 'platform-administrator' | 'first-administrator';

export interface JoinRequest {
  id: number;
  email: string;
  urn: number;
  schoolName: string;
  schoolRole: SchoolRole;
  reason: JoinRequestReason;
  note: string | null;
  partnershipId: number | null;
  requestedBy: { id: number; name: string } | null;
  createdAt: Date;
}

/**
 * How an invitation into a school goes: straight away when the inviter administers the school;
 * when they invite by the platform right alone, after the school's administrators approve, or,
 * for a school with none yet, straight away but told to those who oversee the school.
 */
export function invitationRoute(
  inviter: SessionUser,
  urn: number,
  schoolHasAdministrators: boolean,
): 'direct' | 'needs-school-approval' | 'direct-and-told' {
  if (inviter.schools.some((s) => s.urn === urn && s.role === 'admin')) return 'direct';
  return schoolHasAdministrators ? 'needs-school-approval' : 'direct-and-told';
}

/**
 * Who decides a request: the school's administrators for a platform administrator's; a platform
 * administrator or an officer of one of the school's organisations for a first administrator.
 * Never the person who asked.
 */
export function canDecideJoinRequest(
  user: SessionUser | null | undefined,
  request: Pick<JoinRequest, 'urn' | 'reason' | 'requestedBy'>,
  organisationsOfSchool: readonly number[],
): boolean {
  if (!user || request.requestedBy?.id === user.id) return false;
  if (request.reason === 'platform-administrator')
    return user.schools.some((s) => s.urn === request.urn && s.role === 'admin');
  return user.platformAdmin || user.organisations.some((o) => organisationsOfSchool.includes(o.id));
}
