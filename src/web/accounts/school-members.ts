import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { inviteEmail } from '../../app/accounts/invitations.ts';
import { inviteSchoolMember, removeMember, schoolMembers } from '../../app/accounts/members.ts';
import { forbid, requireSchoolAdmin, requireUser, urnParam } from '../http/guards.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';

const inviteForm = z.object({
  email: inviteEmail,
  role: z.enum(['member', 'admin'], { error: 'Choose whether they will be a member or an administrator' }),
});

/** A school's administrators see its members, invite new ones and remove them. */
const schoolMembersPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const guard = { preHandler: requireSchoolAdmin() };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<FormErrors> & { values?: Record<string, unknown> } = {},
  ) => {
    const listed = await schoolMembers(ctx, urnParam(request)!, requireUser(request));
    if (!listed.ok) return reply.callNotFound();
    const query = request.query as Record<string, unknown>;
    return reply.page('accounts/school-members.njk', {
      title: `Members of ${listed.value.school.name}`,
      ...listed.value,
      invited: typeof query.invited === 'string' ? query.invited : undefined,
      asked: typeof query.asked === 'string' ? query.asked : undefined,
      removed: typeof query.removed === 'string' ? query.removed : undefined,
      values: { role: 'member' },
      ...extra,
    });
  };

  app.get('/schools/:urn/members', guard, (request, reply) => render(request, reply));

  app.post('/schools/:urn/invitations', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { email: body.email, role: body.role };
    const parsed = inviteForm.safeParse(body);
    const invited = parsed.success
      ? await inviteSchoolMember(ctx, urn, parsed.data, requireUser(request))
      : undefined;
    if (invited?.ok) {
      const outcome = invited.value === 'asked' ? 'asked' : 'invited';
      return reply.redirect(
        `/schools/${urn}/members?${outcome}=${encodeURIComponent(parsed.data!.email)}`,
        303,
      );
    }
    if (invited?.error.code === 'not-found') return reply.callNotFound();
    reply.code(400);
    return render(request, reply, { values, ...formErrors(invited ? invited.error : parsed.error!) });
  });

  app.post('/schools/:urn/members/:userId/remove', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const userId = Number((request.params as { userId: string }).userId);
    if (!Number.isSafeInteger(userId)) return reply.callNotFound();
    const removed = await removeMember(ctx, urn, userId, requireUser(request));
    if (!removed.ok)
      return removed.error.code === 'forbidden' ? forbid(request, reply) : reply.callNotFound();
    return reply.redirect(`/schools/${urn}/members?removed=${encodeURIComponent(removed.value.email)}`, 303);
  });
};

export default schoolMembersPages;
