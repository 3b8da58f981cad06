import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listPendingSchoolInvitations } from '../../data/invitations.ts';
import { listSchoolMembers, removeSchoolMember } from '../../data/memberships.ts';
import { getSchoolNames } from '../../data/school-names.ts';
import { canRemoveMember } from '../../domain/access.ts';
import type { AppContext } from '../../app/context.ts';
import { forbid, requireSchoolAdmin, urnParam } from '../http/guards.ts';
import { formError, formErrors, type FormErrors } from '../http/forms.ts';
import { inviteEmail, sendInvitation } from '../../app/accounts/invitations.ts';

const inviteForm = z.object({
  email: inviteEmail,
  role: z.enum(['member', 'admin'], { error: 'Choose whether they will be a member or an administrator' }),
});

/** A school's administrators see its members, invite new ones and remove them. */
const schoolMembers: FastifyPluginAsync<AppContext> = async (app, deps) => {
  const { db } = deps;
  const guard = { preHandler: requireSchoolAdmin() };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    urn: number,
    name: string,
    extra: Partial<FormErrors> & { values?: Record<string, unknown> } = {},
  ) => {
    const query = request.query as Record<string, unknown>;
    return reply.page('accounts/school-members.njk', {
      title: `Members of ${name}`,
      school: { urn, name },
      members: (await listSchoolMembers(db, urn)).map((m) => ({
        ...m,
        removable: canRemoveMember(request.user, urn, m.userId),
      })),
      invitations: await listPendingSchoolInvitations(db, urn, new Date()),
      invited: typeof query.invited === 'string' ? query.invited : undefined,
      removed: typeof query.removed === 'string' ? query.removed : undefined,
      values: { role: 'member' },
      ...extra,
    });
  };
  const schoolName = async (urn: number) => (await getSchoolNames(db, [urn])).get(urn);

  app.get('/schools/:urn/members', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const name = await schoolName(urn);
    if (!name) return reply.callNotFound();
    return render(request, reply, urn, name);
  });

  app.post('/schools/:urn/invitations', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const name = await schoolName(urn);
    if (!name) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = inviteForm.safeParse(body);
    const values = { email: body.email, role: body.role };
    if (!parsed.success) {
      reply.code(400);
      return render(request, reply, urn, name, { values, ...formErrors(parsed.error) });
    }
    const members = await listSchoolMembers(db, urn);
    if (members.some((m) => m.email === parsed.data.email.toLowerCase())) {
      reply.code(400);
      return render(request, reply, urn, name, {
        values,
        ...formError('email', `${parsed.data.email} is already a member of ${name}`),
      });
    }
    await sendInvitation(app, deps, {
      email: parsed.data.email,
      target: { urn, schoolRole: parsed.data.role },
      invitedBy: request.user!,
      joining: name,
    });
    return reply.redirect(`/schools/${urn}/members?invited=${encodeURIComponent(parsed.data.email)}`, 303);
  });

  app.post('/schools/:urn/members/:userId/remove', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const userId = Number((request.params as { userId: string }).userId);
    if (!Number.isSafeInteger(userId)) return reply.callNotFound();
    if (!canRemoveMember(request.user, urn, userId)) return forbid(request, reply);
    const member = (await listSchoolMembers(db, urn)).find((m) => m.userId === userId);
    if (!member || !(await removeSchoolMember(db, urn, userId, request.user!))) return reply.callNotFound();
    return reply.redirect(`/schools/${urn}/members?removed=${encodeURIComponent(member.email)}`, 303);
  });
};

export default schoolMembers;
