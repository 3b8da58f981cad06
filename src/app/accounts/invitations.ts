import { z } from 'zod';
import {
  acceptInvitation,
  createInvitation,
  findInvitation,
  unusableInvitation,
  type Invitation,
  type InvitationTarget,
} from '../../data/invitations.ts';
import { getOrganisation } from '../../data/organisations.ts';
import { findUserByEmail } from '../../data/users.ts';
import type { Language } from '../../domain/language.ts';
import { invitationMessage } from '../../mail/messages.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { schoolName } from '../schools/names.ts';
import { hashPassword } from './passwords.ts';

export const INVITATION_VALID_DAYS = 14;
export const INVITATION_VALID_MS = INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000;

export const inviteEmail = z
  .string()
  .trim()
  .min(1, 'Enter the email address of the person to invite')
  .max(320, 'Enter an email address in the correct format, like name@example.com')
  .email('Enter an email address in the correct format, like name@example.com');

type Ctx = Pick<AppContext, 'db' | 'config' | 'mailer' | 'now'>;

/** Records an invitation and emails its link. */
export async function sendInvitation(
  ctx: Ctx,
  invitation: {
    email: string;
    target: InvitationTarget;
    invitedBy: { id: number; email: string; name: string; language?: Language | null };
    joining: string;
  },
): Promise<void> {
  const token = await createInvitation(ctx.db, {
    email: invitation.email,
    target: invitation.target,
    invitedBy: invitation.invitedBy,
    now: ctx.now(),
    validMs: INVITATION_VALID_MS,
  });
  const link = new URL(`/invitations/${token}`, ctx.config.publicUrl).toString();
  await ctx.mailer.send(
    invitationMessage(
      invitation.email,
      link,
      {
        invitedBy: invitation.invitedBy.name,
        joining: invitation.joining,
        validDays: INVITATION_VALID_DAYS,
      },
      await invitationLanguage(ctx, invitation.email, invitation.invitedBy),
    ),
  );
}

/**
 * The language of an invitation's email: the one its recipient chose, if they have an account,
 * or else the one chosen by the person who invites them (or approved their invitation).
 */
export async function invitationLanguage(
  ctx: Pick<AppContext, 'db'>,
  email: string,
  inviter: { language?: Language | null },
): Promise<Language> {
  return (await findUserByEmail(ctx.db, email))?.language ?? inviter.language ?? 'en';
}

export interface OpenInvitation {
  invitation: Invitation;
  /** What the invitation is into, in words: the school or organisation, and the role. */
  joining: { name: string; role: string };
  /** Whether the invited address already has an account (it signs in to accept). */
  hasAccount: boolean;
}

const EXPIRED = 'This invitation has expired or has already been used.';

/** An invitation that can still be accepted, with what it is into. */
export async function openInvitation(
  ctx: Pick<AppContext, 'db' | 'now'>,
  token: string,
): Promise<Result<OpenInvitation>> {
  const invitation = await findInvitation(ctx.db, token, ctx.now());
  if (!invitation) return fail('not-found', EXPIRED);
  const { target } = invitation;
  const joining =
    'urn' in target
      ? {
          name: (await schoolName(ctx, target.urn)) ?? `school ${target.urn}`,
          role: target.schoolRole === 'admin' ? 'an administrator' : 'a member',
        }
      : {
          name: (await getOrganisation(ctx.db, target.organisationId))?.name ?? 'an organisation',
          role: 'an officer',
        };
  return ok({ invitation, joining, hasAccount: !!(await findUserByEmail(ctx.db, invitation.email)) });
}

/** Why a link no longer opens an invitation: used (they may already have joined), or expired or unknown. */
export async function whyInvitationUnusable(
  ctx: Pick<AppContext, 'db'>,
  token: string,
): Promise<'used' | 'expired'> {
  return unusableInvitation(ctx.db, token);
}

/**
 * Accepts an invitation: as the signed-in person when no new account is given (they must be the
 * invited address), or by creating the account. `conflict` when an account was made for the
 * address meanwhile (they sign in to accept instead).
 */
export async function acceptInvitationFor(
  ctx: Pick<AppContext, 'db' | 'now'>,
  token: string,
  newAccount?: { name: string; password: string },
): Promise<Result<{ userId: number }>> {
  const accepted = await acceptInvitation(
    ctx.db,
    token,
    ctx.now(),
    newAccount && { name: newAccount.name, passwordHash: await hashPassword(newAccount.password) },
  );
  if ('userId' in accepted) return ok(accepted);
  if (accepted.refused === 'account-exists')
    return fail('conflict', 'An account with this email address already exists: sign in to accept.');
  return fail('not-found', EXPIRED);
}
