import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { setActionStatus } from '../../data/partnership-records.ts';
import { setMilestoneDone } from '../../data/partnerships.ts';
import { markMilestone } from '../../domain/partnerships/milestones.ts';
import type { SessionUser } from '../../domain/access.ts';
import {
  ACTION_STATUSES,
  type Partnership,
  type PartnershipStatus,
} from '../../domain/partnerships/model.ts';
import type { AppContext } from '../../app/context.ts';
import { notifyPartnership } from '../../app/notifications/notifications.ts';
import { changePlan } from '../../app/partnerships/agreement.ts';
import { forbid, requireSignedIn } from '../http/guards.ts';
import { formErrors, formError } from '../http/forms.ts';
import { loadPartnership, today, type Loaded } from './context.ts';
import { formValues } from './fields.ts';
import { PLAN_SECTIONS, type PlanSection } from './plan-sections.ts';
import { RECORD_SECTIONS } from './record-sections.ts';

/** The database, or the transaction a plan change runs in. */
type Db = Parameters<PlanSection['save']>[0];

const RUNNING: PartnershipStatus[] = ['agreed', 'active', 'reviewing'];

/**
 * The plan's sections (editable by any taking-part school while proposed) and the running
 * record (actions, progress, issues, feedback, outcomes while agreed, active or reviewing).
 */
const partnershipForms: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  const signedIn = { preHandler: requireSignedIn };

  const kinds = [
    {
      path: 'plan',
      sections: PLAN_SECTIONS,
      // A change to the plan withdraws the agreements given to it.
      write: <R>(user: SessionUser, p: Partnership, save: (db: Db) => Promise<R | null>) =>
        changePlan(ctx, user, p.id, save),
      open: ['proposed'] as PartnershipStatus[],
      closedMessage: 'The plan is agreed and can no longer be changed.',
    },
    {
      path: 'record',
      sections: RECORD_SECTIONS,
      write: <R>(_user: SessionUser, _p: Partnership, save: (db: Db) => Promise<R | null>) => save(db),
      open: RUNNING,
      closedMessage: 'The partnership is not running, so nothing can be added to its record.',
    },
  ];

  for (const kind of kinds) {
    /** The section, if this user may change it now; otherwise the reply is sent. */
    const reach = async (request: FastifyRequest, reply: FastifyReply) => {
      const section = kind.sections[(request.params as { section: string }).section];
      if (!section) {
        reply.callNotFound();
        return null;
      }
      const loaded = await loadPartnership(db, request, reply, 'contribute');
      if (!loaded) return null;
      if (section.administratorsOnly && !loaded.steer) {
        await forbid(request, reply);
        return null;
      }
      if (!kind.open.includes(loaded.partnership.status)) {
        reply
          .code(409)
          .send(await reply.page('layout/errors/400.njk', { message: kind.closedMessage, status: 409 }));
        return null;
      }
      return { section, loaded };
    };

    const render = (
      reply: FastifyReply,
      loaded: Loaded,
      section: PlanSection,
      name: string,
      extra: Record<string, unknown>,
    ) => {
      const p = loaded.partnership;
      const form = section.form(p);
      return reply.page('partnerships/form.njk', {
        title: form.title,
        form,
        partnership: p,
        action: `/partnerships/${p.id}/${kind.path}/${name}`,
        back: `/partnerships/${p.id}`,
        existing: section.existing?.(p),
        next: section.next?.(p),
        ...extra,
      });
    };

    app.get(`/partnerships/:id/${kind.path}/:section`, signedIn, async (request, reply) => {
      const reached = await reach(request, reply);
      if (!reached) return reply;
      const name = (request.params as { section: string }).section;
      return render(reply, reached.loaded, reached.section, name, {
        values: reached.section.initial(reached.loaded.partnership),
      });
    });

    app.post(`/partnerships/:id/${kind.path}/:section`, signedIn, async (request, reply) => {
      const reached = await reach(request, reply);
      if (!reached) return reply;
      const { section, loaded } = reached;
      const p = loaded.partnership;
      const name = (request.params as { section: string }).section;
      const values = formValues(section.form(p).fields, request.body);
      const parsed = section.schema.safeParse(values);
      if (!parsed.success)
        return render(reply.code(400), loaded, section, name, { values, ...formErrors(parsed.error) });
      const user = request.user!;
      const refused = await kind.write(user, p, (trx) =>
        section.save(trx, p, parsed.data as never, {
          userId: user.id,
          at: new Date().toISOString(),
          userUrns: user.schools.map((s) => s.urn),
        }),
      );
      if (refused)
        return render(reply.code(400), loaded, section, name, {
          values,
          ...formError(refused.field, refused.message),
        });
      if (section.announce) await notifyPartnership(ctx, user, p.id, section.announce(parsed.data as never));
      const back = section.addsToList
        ? `/partnerships/${p.id}/${kind.path}/${name}`
        : `/partnerships/${p.id}`;
      return reply.redirect(back, 303);
    });

    // Only the plan has items to take out; the running record keeps everything it was told.
    if (!Object.values(kind.sections).some((section) => section.remove !== undefined)) continue;
    app.post(`/partnerships/:id/${kind.path}/:section/:item/remove`, signedIn, async (request, reply) => {
      const reached = await reach(request, reply);
      if (!reached) return reply;
      const { section, loaded } = reached;
      const item = Number((request.params as { item: string }).item);
      if (!section.remove || !Number.isSafeInteger(item)) return reply.callNotFound();
      const remove = section.remove;
      await kind.write(request.user!, loaded.partnership, async (trx) => {
        await remove(trx, loaded.partnership, item);
        return null;
      });
      return reply.redirect(
        `/partnerships/${loaded.partnership.id}/${kind.path}/${(request.params as { section: string }).section}`,
        303,
      );
    });
  }

  app.post('/partnerships/:id/actions/:action/status', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'contribute');
    if (!loaded) return reply;
    const status = z
      .enum(ACTION_STATUSES)
      .safeParse((request.body as Record<string, unknown> | undefined)?.status);
    const action = Number((request.params as { action: string }).action);
    if (!status.success || !RUNNING.includes(loaded.partnership.status)) {
      reply.code(400);
      return reply.page('layout/errors/400.njk', {
        message: 'Choose a status for the action while the partnership is running.',
      });
    }
    if (!(await setActionStatus(db, loaded.partnership.id, action, status.data))) return reply.callNotFound();
    return reply.redirect(`/partnerships/${loaded.partnership.id}#actions`, 303);
  });

  /** Ticking a milestone off (or back on, if ticked by mistake): any taking-part school. */
  app.post('/partnerships/:id/milestones/:milestone', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'contribute');
    if (!loaded) return reply;
    const p = loaded.partnership;
    const milestone = p.milestones.find(
      (m) => String(m.id) === (request.params as { milestone: string }).milestone,
    );
    if (!milestone) return reply.callNotFound();
    const done = z.enum(['yes', 'no']).safeParse((request.body as Record<string, unknown> | undefined)?.done);
    if (!done.success) {
      reply.code(400);
      return reply.page('layout/errors/400.njk', { message: 'Say whether the milestone is done.' });
    }
    const outcome = markMilestone(p, milestone, done.data === 'yes', today());
    if (!outcome.ok) {
      reply.code(409);
      return reply.page('layout/errors/400.njk', { message: `${outcome.error.message}.` });
    }
    await setMilestoneDone(db, p.id, milestone.id, outcome.value, request.user);
    return reply.redirect(`/partnerships/${p.id}#milestones`, 303);
  });
};

export default partnershipForms;
