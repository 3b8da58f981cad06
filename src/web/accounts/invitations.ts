import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  acceptInvitation,
  findInvitation,
  unusableInvitation,
  type Invitation,
} from '../../data/invitations.ts';
import { getOrganisation } from '../../data/organisations.ts';
import { getSchoolNames } from '../../data/school-names.ts';
import { findUserByEmail } from '../../data/users.ts';
import type { AppContext } from '../../app/context.ts';
import { hashPassword, newPasswordFields } from '../../app/accounts/passwords.ts';
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
const invitations: FastifyPluginAsync<AppContext> = async (app, { db }) => {
  const token = (request: FastifyRequest) => String((request.params as { token: string }).token);

  const joining = async (invitation: Invitation) => {
    const { target } = invitation;
    if ('urn' in target) {
      const name = (await getSchoolNames(db, [target.urn])).get(target.urn) ?? `school ${target.urn}`;
      return { name, role: target.schoolRole === 'admin' ? 'an administrator' : 'a member' };
    }
    const organisation = await getOrganisation(db, target.organisationId);
    return { name: organisation?.name ?? 'an organisation', role: 'an officer' };
  };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    invitation: Invitation,
    extra: Partial<FormErrors> & { values?: Record<string, unknown> } = {},
  ) => {
    const hasAccount = !!(await findUserByEmail(db, invitation.email));
    const signedInAs = request.user?.email;
    return reply.page('accounts/invitation.njk', {
      title: 'Accept your invitation',
      invitation,
      joining: await joining(invitation),
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
    const used = (await unusableInvitation(db, token(request))) === 'used';
    return reply.page('accounts/invitation-expired.njk', {
      title: used ? 'This invitation has already been used' : 'This invitation has expired',
      used,
    });
  };

  app.get('/invitations/:token', async (request, reply) => {
    const invitation = await findInvitation(db, token(request), new Date());
    if (!invitation) return expired(request, reply);
    return render(request, reply, invitation);
  });

  app.post('/invitations/:token', async (request, reply) => {
    const invitation = await findInvitation(db, token(request), new Date());
    if (!invitation) return expired(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;

    if (request.user) {
      if (request.user.email !== invitation.email) return render(request, reply, invitation);
      const accepted = await acceptInvitation(db, token(request), new Date());
      if (!('userId' in accepted)) return expired(request, reply);
      await reply.startSession(accepted.userId);
      return reply.redirect('/account', 303);
    }

    const parsed = newAccountForm.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return render(request, reply, invitation, { values: { name: body.name }, ...formErrors(parsed.error) });
    }
    const accepted = await acceptInvitation(db, token(request), new Date(), {
      name: parsed.data.name,
      passwordHash: await hashPassword(parsed.data.password),
    });
    if (!('userId' in accepted)) {
      // Someone made an account with this address meanwhile: they sign in to accept instead.
      if (accepted.refused === 'account-exists') return render(request, reply, invitation);
      return expired(request, reply);
    }
    await reply.startSession(accepted.userId);
    return reply.redirect('/account', 303);
  });
};

export default invitations;
