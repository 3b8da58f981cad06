import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../data/db.ts';
import { createInvitation, type InvitationTarget } from '../../data/invitations.ts';
import { invitationMessage } from '../../mail/messages.ts';

export const INVITATION_VALID_DAYS = 14;

export const inviteEmail = z
  .string()
  .trim()
  .min(1, 'Enter the email address of the person to invite')
  .max(320, 'Enter an email address in the correct format, like name@example.com')
  .email('Enter an email address in the correct format, like name@example.com');

/** Records an invitation and emails its link. */
export async function sendInvitation(
  app: FastifyInstance,
  { db, config }: { db: Db; config: Config },
  invitation: {
    email: string;
    target: InvitationTarget;
    invitedBy: { id: number; email: string; name: string };
    joining: string;
  },
): Promise<void> {
  const token = await createInvitation(db, {
    email: invitation.email,
    target: invitation.target,
    invitedBy: invitation.invitedBy,
    now: new Date(),
    validMs: INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000,
  });
  const link = new URL(`/invitations/${token}`, config.publicUrl).toString();
  await app.mailer.send(
    invitationMessage(invitation.email, link, {
      invitedBy: invitation.invitedBy.name,
      joining: invitation.joining,
      validDays: INVITATION_VALID_DAYS,
    }),
  );
}
