import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { decideOnJoinRequest, joinRequestsToDecide } from '../../app/accounts/join-requests.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';

/**
 * Requests to join a school that wait for this person's decision: a platform administrator's, for
 * the school's administrators; a first administrator's, for those who oversee the school.
 */
const joinRequestPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const guard = { preHandler: requireSignedIn };

  const render = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<FormErrors> = {}) => {
    const query = request.query as Record<string, unknown>;
    return reply.page('accounts/join-requests.njk', {
      title: 'Requests to join a school',
      requests: await joinRequestsToDecide(ctx, requireUser(request)),
      approved: typeof query.approved === 'string' ? query.approved : undefined,
      refused: typeof query.refused === 'string' ? query.refused : undefined,
      ...extra,
    });
  };

  app.get('/join-requests', guard, (request, reply) => render(request, reply));

  app.post('/join-requests/:id', guard, async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    const decided = await decideOnJoinRequest(ctx, id, request.body ?? {}, requireUser(request));
    if (decided.ok)
      return reply.redirect(
        `/join-requests?${decided.value.outcome}=${encodeURIComponent(decided.value.email)}`,
        303,
      );
    if (decided.error.code === 'not-found') return reply.callNotFound();
    reply.code(400);
    return render(request, reply, formErrors(decided.error));
  });
};

export default joinRequestPages;
