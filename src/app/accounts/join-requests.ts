import { z } from 'zod';
import {
  createJoinRequest,
  decideJoinRequest,
  findPendingJoinRequest,
  listPendingJoinRequests,
  overseersOf,
  pendingJoinRequestsFor,
} from '../../data/join-requests.ts';
import { listSchoolMembers } from '../../data/memberships.ts';
import { listOrganisationSchoolLinks, schoolsOfOrganisations } from '../../data/organisations.ts';
import type { SchoolRole, SessionUser } from '../../domain/access.ts';
import { canDecideJoinRequest, type JoinRequest } from '../../domain/join-requests.ts';
import type { Member } from '../../domain/partnerships/model.ts';
import { peopleOfSchools } from '../../data/notifications.ts';
import { invitationMessage } from '../../mail/messages.ts';
import type { AppContext } from '../context.ts';
import { notifyPeople } from '../notifications/notifications.ts';
import { openPartnership } from '../partnerships/access.ts';
import { schoolIsOnS2s } from '../partnerships/proposal.ts';
import { fail, invalidField, ok, parseInput, type Result, worded } from '../result.ts';
import { schoolName } from '../schools/names.ts';
import { wordsOf } from '../../domain/words.ts';
import {
  INVITATION_VALID_DAYS,
  INVITATION_VALID_MS,
  invitationLanguage,
  inviteEmail,
} from './invitations.ts';

type Ctx = Pick<AppContext, 'db' | 'config' | 'mailer' | 'now'>;

const DECIDE_PATH = '/join-requests';

/** Asks a school's administrators to let a platform administrator's invitation through. */
export async function askSchoolAdministrators(
  ctx: Ctx,
  urn: number,
  invitation: { email: string; role: SchoolRole },
  by: SessionUser,
): Promise<void> {
  const name = (await schoolName(ctx, urn)) ?? `school ${urn}`;
  await createJoinRequest(ctx.db, {
    email: invitation.email,
    urn,
    schoolRole: invitation.role,
    reason: 'platform-administrator',
    note: null,
    partnershipId: null,
    requestedBy: by,
    now: ctx.now(),
  });
  const admins = (await listSchoolMembers(ctx.db, urn)).filter((m) => m.role === 'admin');
  await notifyPeople(
    ctx,
    admins.map((a) => a.userId),
    'join-request',
    {
      subject: wordsOf('A platform administrator asks to add {{email}} to {{school}}', {
        email: invitation.email,
        school: name,
      }),
      link: DECIDE_PATH,
    },
  );
}

/** Tells those who oversee a school with no administrator that a platform administrator invited someone in. */
export async function tellOverseers(ctx: Ctx, urn: number, email: string, by: SessionUser): Promise<void> {
  const name = (await schoolName(ctx, urn)) ?? `school ${urn}`;
  const overseers = (await overseersOf(ctx.db, urn)).filter((id) => id !== by.id);
  await notifyPeople(ctx, overseers, 'administrator-appointed', {
    subject: wordsOf(
      '{{name}}, a platform administrator, invited {{email}} into {{school}}, which has no administrator',
      { name: by.name, email, school: name },
    ),
    link: `/schools/${urn}`,
  });
}

export const firstAdministratorForm = z.object({
  urn: z.coerce.number({ error: 'Choose the school' }).int().positive('Choose the school'),
  email: inviteEmail,
  note: z
    .string()
    .trim()
    .max(1000, 'The note must be 1,000 characters or fewer')
    .transform((v) => v || null)
    .optional()
    .default(null),
});

/**
 * A partner school's administrator asks for someone at a school with nobody on S2S to become its
 * first administrator; those who oversee the school decide before any invitation is sent.
 */
export async function requestFirstAdministrator(
  ctx: Ctx,
  partnershipId: number,
  input: unknown,
  by: SessionUser,
): Promise<Result<{ schoolName: string }>> {
  const opened = await openPartnership(ctx, by, partnershipId, 'read');
  if (!opened.ok) return opened;
  if (!opened.value.steer)
    return fail('forbidden', 'Only an administrator of a school in the partnership can ask for this.');
  const parsed = parseInput(firstAdministratorForm, input);
  if (!parsed.ok) return parsed;
  const { urn, email, note } = parsed.value;
  const school = opened.value.partnership.members.find((m) => m.urn === urn && m.invitation !== 'declined');
  if (!school) return invalidField('urn', 'That school is not in this partnership.');
  if (await schoolIsOnS2s(ctx, urn))
    return invalidField(
      'urn',
      worded('{{school}} already uses S2S: its administrators invite their own colleagues.', {
        school: school.name,
      }),
    );
  if ((await pendingJoinRequestsFor(ctx.db, urn)).some((r) => r.reason === 'first-administrator'))
    return fail(
      'conflict',
      worded('An invitation for {{school}}’s first administrator is already waiting for approval.', {
        school: school.name,
      }),
    );
  await createJoinRequest(ctx.db, {
    email,
    urn,
    schoolRole: 'admin',
    reason: 'first-administrator',
    note,
    partnershipId,
    requestedBy: by,
    now: ctx.now(),
  });
  await notifyPeople(ctx, await overseersOf(ctx.db, urn), 'join-request', {
    subject: wordsOf('A partner school asks for {{school}}’s first administrator to be invited', {
      school: school.name,
    }),
    link: DECIDE_PATH,
  });
  return ok({ schoolName: school.name });
}

/** The requests this person may decide, oldest first. */
export async function joinRequestsToDecide(
  ctx: Pick<AppContext, 'db'>,
  user: SessionUser,
): Promise<JoinRequest[]> {
  const requests = await listPendingJoinRequests(ctx.db, {
    schoolsAdministered: user.schools.filter((s) => s.role === 'admin').map((s) => s.urn),
    firstAdministratorSchools: user.platformAdmin
      ? 'all'
      : await schoolsOfOrganisations(
          ctx.db,
          user.organisations.map((o) => o.id),
        ),
  });
  return requests.filter((r) => r.requestedBy?.id !== user.id);
}

/** Requests for a school that wait for someone's decision, for its members page. */
export const waitingJoinRequests = (ctx: Pick<AppContext, 'db'>, urn: number) =>
  pendingJoinRequestsFor(ctx.db, urn);

const decision = z.object({
  decision: z.enum(['approve', 'refuse'], { error: 'Choose whether to approve or refuse the request' }),
});

/** Approves (the invitation is emailed) or refuses a request, if this person may decide it. */
export async function decideOnJoinRequest(
  ctx: Ctx,
  id: number,
  input: unknown,
  user: SessionUser,
): Promise<Result<{ outcome: 'approved' | 'refused'; email: string; schoolName: string }>> {
  const request = Number.isSafeInteger(id) ? await findPendingJoinRequest(ctx.db, id) : undefined;
  if (!request)
    return fail('not-found', 'This request has already been decided, or there is no such request.');
  const links = await listOrganisationSchoolLinks(ctx.db, request.urn);
  if (
    !canDecideJoinRequest(
      user,
      request,
      links.map((l) => l.organisationId),
    )
  )
    return fail('not-found', 'This request has already been decided, or there is no such request.');
  const parsed = parseInput(decision, input);
  if (!parsed.ok) return parsed;
  const outcome = parsed.value.decision === 'approve' ? 'approved' : 'refused';
  const decided = await decideJoinRequest(ctx.db, id, {
    outcome,
    by: user,
    now: ctx.now(),
    validMs: INVITATION_VALID_MS,
  });
  if (!decided) return fail('not-found', 'This request has already been decided.');
  if (decided.token)
    await ctx.mailer.send(
      invitationMessage(
        request.email,
        new URL(`/invitations/${decided.token}`, ctx.config.publicUrl).toString(),
        {
          invitedBy: request.requestedBy?.name || user.name,
          joining: request.schoolName,
          validDays: INVITATION_VALID_DAYS,
        },
        await invitationLanguage(ctx, request.email, user),
      ),
    );
  return ok({ outcome, email: request.email, schoolName: request.schoolName });
}

/**
 * The schools of a partnership with nobody on S2S, each with whether a request for its first
 * administrator already waits for approval: what the partnership's page offers its steering schools.
 */
export async function schoolsWithoutAdministrators(
  ctx: Pick<AppContext, 'db'>,
  members: readonly Member[],
): Promise<{ urn: number; name: string; waiting: boolean }[]> {
  const schools = members.filter((m) => m.invitation !== 'declined');
  const people = await peopleOfSchools(
    ctx.db,
    schools.map((m) => m.urn),
  );
  const unjoined = schools.filter((m) => !people.some((p) => p.urn === m.urn));
  return Promise.all(
    unjoined.map(async (m) => ({
      urn: m.urn,
      name: m.name,
      waiting: (await pendingJoinRequestsFor(ctx.db, m.urn)).some((r) => r.reason === 'first-administrator'),
    })),
  );
}
