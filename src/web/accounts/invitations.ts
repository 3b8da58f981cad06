import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { newPasswordFields } from '../../app/accounts/passwords.ts';
import {
  acceptInvitationFor,
  openInvitation,
  whyInvitationUnusable,
  type OpenInvitation,
} from '../../app/accounts/invitations.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';

const newAccountForm = z
  .object({
    name: z.string().trim().min(1, 'Enter your full name').max(200, 'Name must be 200 characters or fewer'),
  })
  .and(newPasswordFields);

/**
 * Accepting an invitation. Someone new chooses a name and password and is signed in; someone
 * with an account signs in as the invited address and accepts. The link is the secret: it is
 * single-use and expires.
 */
const invitations: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const token = (request: FastifyRequest) => String((request.params as { token: string }).token);

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { invitation, joining, hasAccount }: OpenInvitation,
    extra: Partial<FormErrors> & { values?: Record<string, unknown> } = {},
  ) => {
    const signedInAs = request.user?.email;
    return reply.page('accounts/invitation.njk', {
      title: 'Accept your invitation',
      invitation,
      joining,
      token: token(request),
      state: signedInAs
        ? signedInAs === invitation.email
          ? 'accept'
          : 'wrong-user'
        : hasAccount
          ? 'sign-in'
          : 'create',
      ...extra,
    });
  };

  /** A used link says so: "expired" would send someone who already joined to ask for another. */
  const expired = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.code(404);
    const used = (await whyInvitationUnusable(ctx, token(request))) === 'used';
    return reply.page('accounts/invitation-expired.njk', {
      title: used ? 'This invitation has already been used' : 'This invitation has expired',
      used,
    });
  };

  /** After acceptance: signed in, to their account; or, when refused, the page again or "expired". */
  const accept = async (
    request: FastifyRequest,
    reply: FastifyReply,
    opened: OpenInvitation,
    newAccount?: { name: string; password: string },
  ) => {
    const accepted = await acceptInvitationFor(ctx, token(request), newAccount);
    if (!accepted.ok) {
      // Someone made an account with this address meanwhile: they sign in to accept instead.
      if (accepted.error.code === 'conflict') return render(request, reply, { ...opened, hasAccount: true });
      return expired(request, reply);
    }
    await reply.startSession(accepted.value.userId);
    return reply.redirect('/account', 303);
  };

  app.get('/invitations/:token', async (request, reply) => {
    const opened = await openInvitation(ctx, token(request));
    if (!opened.ok) return expired(request, reply);
    return render(request, reply, opened.value);
  });

  app.post('/invitations/:token', async (request, reply) => {
    const opened = await openInvitation(ctx, token(request));
    if (!opened.ok) return expired(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;

    if (request.user) {
      if (request.user.email !== opened.value.invitation.email) return render(request, reply, opened.value);
      return accept(request, reply, opened.value);
    }

    const parsed = newAccountForm.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return render(request, reply, opened.value, {
        values: { name: body.name },
        ...formErrors(parsed.error),
      });
    }
    return accept(request, reply, opened.value, { name: parsed.data.name, password: parsed.data.password });
  });
};

export default invitations;
