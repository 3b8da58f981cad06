import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ACTION_STATUSES } from '../../domain/partnerships/model.ts';
import type { AppContext } from '../../app/context.ts';
import {
  changeActionStatus,
  hasRemovals,
  NO_SUCH_SECTION,
  removeSectionItem,
  saveSection,
  sectionClosed,
  sectionRefused,
  tickMilestone,
  type SectionKind,
} from '../../app/partnerships/sections.ts';
import type { AppError } from '../../app/result.ts';
import { forbid, requireSignedIn, requireUser } from '../http/guards.ts';
import { formErrors } from '../http/forms.ts';
import { ERROR_STATUS } from '../http/problem.ts';
import { translateMessage } from '../../i18n/index.ts';
import { loadPartnership, type Loaded } from './context.ts';
import { withTitleIn } from '../../app/partnerships/titles.ts';
import { formValues } from './fields.ts';
import { PLAN_SECTIONS, type PlanSection } from './plan-sections.ts';
import { RECORD_SECTIONS } from './record-sections.ts';

/** A refusal from a use case as the error page it reads as: 404 or 403 saying why, or 409 for the wrong state. */
async function refuse(reply: FastifyReply, error: AppError) {
  const status = ERROR_STATUS[error.code];
  const message = translateMessage(reply.request.language ?? 'en', error);
  const page = status === 404 ? 'layout/errors/404.njk' : 'layout/errors/400.njk';
  return reply.code(status).send(await reply.page(page, { message, status }));
}

/**
 * The plan's sections (editable by any taking-part school while proposed) and the running
 * record (actions, progress, issues, feedback, outcomes while agreed, active or reviewing).
 */
const partnershipForms: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const { db } = ctx;
  const signedIn = { preHandler: requireSignedIn };

  const kinds: { path: SectionKind; sections: Record<string, PlanSection> }[] = [
    { path: 'plan', sections: PLAN_SECTIONS },
    { path: 'record', sections: RECORD_SECTIONS },
  ];

  for (const kind of kinds) {
    /** The section, if this user may change it now; otherwise the reply is sent. */
    const reach = async (request: FastifyRequest, reply: FastifyReply) => {
      const section = kind.sections[(request.params as { section: string }).section];
      if (!section) {
        await refuse(reply, { code: 'not-found', message: NO_SUCH_SECTION });
        return null;
      }
      // A deployment's system leader keeps the running record, but the plan is the client school's.
      const loaded = await loadPartnership(
        db,
        request,
        reply,
        kind.path === 'record' ? 'record' : 'contribute',
      );
      if (!loaded) return null;
      if (section.administratorsOnly && !loaded.steer) {
        await forbid(request, reply);
        return null;
      }
      const refused = sectionRefused(
        kind.path,
        (request.params as { section: string }).section,
        loaded.partnership,
      );
      if (refused) {
        await refuse(reply, refused);
        return null;
      }
      const closed = sectionClosed(kind.path, loaded.partnership);
      if (closed) {
        await refuse(reply, { code: 'conflict', message: closed });
        return null;
      }
      return { section, loaded };
    };

    const render = async (
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
        partnership: await withTitleIn(ctx, reply.request.language, p),
        action: `/partnerships/${p.id}/${kind.path}/${name}`,
        back: `/partnerships/${p.id}`,
        existing: section.existing?.(p, reply.request.language),
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
      const saved = await saveSection(ctx, requireUser(request), p, kind.path, name, parsed.data);
      if (!saved.ok) {
        if (saved.error.code !== 'invalid-input') return refuse(reply, saved.error);
        return render(reply.code(400), loaded, section, name, { values, ...formErrors(saved.error) });
      }
      const back = section.addsToList
        ? `/partnerships/${p.id}/${kind.path}/${name}`
        : `/partnerships/${p.id}`;
      return reply.redirect(back, 303);
    });

    // Only the plan has items to take out; the running record keeps everything it was told.
    if (!hasRemovals(kind.path)) continue;
    app.post(`/partnerships/:id/${kind.path}/:section/:item/remove`, signedIn, async (request, reply) => {
      const reached = await reach(request, reply);
      if (!reached) return reply;
      const { section, item } = request.params as { section: string; item: string };
      const removed = await removeSectionItem(
        ctx,
        requireUser(request),
        reached.loaded.partnership,
        section,
        Number(item),
      );
      if (!removed.ok) return refuse(reply, removed.error);
      return reply.redirect(`/partnerships/${reached.loaded.partnership.id}/${kind.path}/${section}`, 303);
    });
  }

  app.post('/partnerships/:id/actions/:action/status', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'record');
    if (!loaded) return reply;
    const status = z
      .enum(ACTION_STATUSES)
      .safeParse((request.body as Record<string, unknown> | undefined)?.status);
    const action = Number((request.params as { action: string }).action);
    if (!status.success)
      return refuse(reply, { code: 'invalid-input', message: 'Choose a status for the action.' });
    const changed = await changeActionStatus(ctx, loaded.partnership, action, status.data);
    if (!changed.ok) return refuse(reply, changed.error);
    return reply.redirect(`/partnerships/${loaded.partnership.id}#actions`, 303);
  });

  /** Ticking a milestone off (or back on, if ticked by mistake): any taking-part school, a deployment's leader. */
  app.post('/partnerships/:id/milestones/:milestone', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'record');
    if (!loaded) return reply;
    const p = loaded.partnership;
    const done = z.enum(['yes', 'no']).safeParse((request.body as Record<string, unknown> | undefined)?.done);
    if (!done.success)
      return refuse(reply, { code: 'invalid-input', message: 'Say whether the milestone is done.' });
    const milestone = Number((request.params as { milestone: string }).milestone);
    const ticked = await tickMilestone(ctx, requireUser(request), p, milestone, done.data === 'yes');
    if (!ticked.ok) return refuse(reply, ticked.error);
    return reply.redirect(`/partnerships/${p.id}#milestones`, 303);
  });
};

export default partnershipForms;
