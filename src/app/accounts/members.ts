import { listPendingSchoolInvitations } from '../../data/invitations.ts';
import { listSchoolMembers, removeSchoolMember } from '../../data/memberships.ts';
import { canRemoveMember, type SchoolRole, type SessionUser } from '../../domain/access.ts';
import { invitationRoute } from '../../domain/join-requests.ts';
import type { AppContext } from '../context.ts';
import { fail, invalidField, ok, type Result, worded } from '../result.ts';
import { schoolName } from '../schools/names.ts';
import { sendInvitation } from './invitations.ts';
import { askSchoolAdministrators, tellOverseers, waitingJoinRequests } from './join-requests.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

/** A school's members (each marked whether the viewer may remove them) and open invitations. */
export async function schoolMembers(ctx: Ctx, urn: number, viewer: SessionUser) {
  const name = await schoolName(ctx, urn);
  if (!name) return fail('not-found', worded('No school with {{urn, schoolIdInSentence}}', { urn }));
  const [members, invitations, requests] = await Promise.all([
    listSchoolMembers(ctx.db, urn),
    listPendingSchoolInvitations(ctx.db, urn, ctx.now()),
    waitingJoinRequests(ctx, urn),
  ]);
  return ok({
    school: { urn, name },
    requests,
    members: members.map((m) => ({ ...m, removable: canRemoveMember(viewer, urn, m.userId) })),
    invitations,
  });
}

/**
 * Invites someone into a school, unless they are already one of its members. A platform
 * administrator's invitation into a school with administrators waits for their approval
 * (`asked`); into a school with none, it goes, and those who oversee the school are told.
 */
export async function inviteSchoolMember(
  ctx: Pick<AppContext, 'db' | 'now' | 'config' | 'mailer'>,
  urn: number,
  invitation: { email: string; role: SchoolRole },
  invitedBy: SessionUser,
): Promise<Result<'invited' | 'asked'>> {
  const name = await schoolName(ctx, urn);
  if (!name) return fail('not-found', worded('No school with {{urn, schoolIdInSentence}}', { urn }));
  const members = await listSchoolMembers(ctx.db, urn);
  if (members.some((m) => m.email === invitation.email.toLowerCase()))
    return invalidField(
      'email',
      worded('{{email}} is already a member of {{school}}', { email: invitation.email, school: name }),
    );
  const route = invitationRoute(
    invitedBy,
    urn,
    members.some((m) => m.role === 'admin'),
  );
  if (route === 'needs-school-approval') {
    await askSchoolAdministrators(ctx, urn, invitation, invitedBy);
    return ok('asked');
  }
  await sendInvitation(ctx, {
    email: invitation.email,
    target: { urn, schoolRole: invitation.role },
    invitedBy,
    joining: name,
  });
  if (route === 'direct-and-told') await tellOverseers(ctx, urn, invitation.email, invitedBy);
  return ok('invited');
}

/** Removes a member from a school (audited); returns the address removed. */
export async function removeMember(
  ctx: Ctx,
  urn: number,
  userId: number,
  actor: SessionUser,
): Promise<Result<{ email: string }>> {
  if (!canRemoveMember(actor, urn, userId)) return fail('forbidden', 'You cannot remove this member.');
  const member = (await listSchoolMembers(ctx.db, urn)).find((m) => m.userId === userId);
  if (!member || !(await removeSchoolMember(ctx.db, urn, userId, actor)))
    return fail('not-found', 'They are not a member of this school.');
  return ok({ email: member.email });
}
