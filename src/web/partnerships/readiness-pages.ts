import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ACTION_STATUSES } from '../../domain/readiness/action-plan.ts';
import { CARRY_INTO } from '../../domain/readiness/carry.ts';
import type { AppContext } from '../../app/context.ts';
import { carryReadinessActions, setCarriedStatus } from '../../app/partnerships/readiness.ts';
import { translateMessage } from '../../i18n/index.ts';
import { forbid, requireSignedIn, requireUser } from '../http/guards.ts';
import { loadPartnership } from './context.ts';

const carryForm = z.object({ urn: z.coerce.number().int().positive() });
const statusForm = z.object({ status: z.enum(ACTION_STATUSES) });

/**
 * A school's readiness action plan carried into its partnership: its administrators bring the
 * open actions in, and then the members of every taking-part school keep their status up to date.
 */
const partnershipReadiness: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };

  app.post('/partnerships/:id/readiness-actions', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(ctx.db, request, reply, 'contribute');
    if (!loaded) return reply;
    const p = loaded.partnership;
    const form = carryForm.safeParse(request.body ?? {});
    if (!form.success) return forbid(request, reply);
    const carried = await carryReadinessActions(ctx, p, form.data.urn, requireUser(request));
    if (!carried.ok) {
      if (carried.error.code === 'forbidden') return forbid(request, reply);
      reply.code(409);
      return reply.page('layout/errors/400.njk', {
        message: translateMessage(request.language, carried.error),
      });
    }
    return reply.redirect(`/partnerships/${p.id}#readiness-actions`, 303);
  });

  app.post('/partnerships/:id/readiness-actions/:action/status', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(ctx.db, request, reply, 'contribute');
    if (!loaded) return reply;
    const p = loaded.partnership;
    const form = statusForm.safeParse(request.body ?? {});
    if (!form.success || !CARRY_INTO.includes(p.status)) {
      reply.code(400);
      return reply.page('layout/errors/400.njk', {
        message: translateMessage(request.language, {
          message: 'Choose a status for the action while the partnership is running.',
        }),
      });
    }
    const action = Number((request.params as { action: string }).action);
    if (!Number.isSafeInteger(action)) return reply.callNotFound();
    const result = await setCarriedStatus(ctx, p.id, action, form.data.status, requireUser(request));
    if (!result.ok) return reply.callNotFound();
    return reply.redirect(`/partnerships/${p.id}#readiness-actions`, 303);
  });
};

export default partnershipReadiness;
