import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Opened } from '../../app/readiness/access.ts';
import {
  changeAction,
  findAction,
  shareAssessment,
  shareableOrganisations,
  stopSharing,
} from '../../app/readiness/plan.ts';
import type { StoredAction } from '../../app/readiness/plan.ts';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../domain/readiness/action-plan.ts';
import { inReaderLanguage } from '../../domain/readiness/localise.ts';
import { requireSignedIn } from '../http/guards.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';
import { openFor, type ReadinessDeps } from './load.ts';

const noErrors: FormErrors = { errors: [], fieldErrors: {} };

const actionForm = z
  .object({
    owner: z.string().trim().max(200, 'Owner must be 200 characters or fewer').default(''),
    'dueOn-day': z.string().trim().default(''),
    'dueOn-month': z.string().trim().default(''),
    'dueOn-year': z.string().trim().default(''),
    status: z.enum(ACTION_STATUSES, 'Choose the status of the action'),
  })
  .transform((form, ctx) => {
    const parts = [form['dueOn-day'], form['dueOn-month'], form['dueOn-year']];
    let dueOn: string | null = null;
    if (parts.some((p) => p !== '')) {
      const [day, month, year] = parts.map(Number) as [number, number, number];
      const date = new Date(Date.UTC(year, month - 1, day));
      const real =
        parts.every((p) => /^\d+$/.test(p)) &&
        year >= 2000 &&
        year <= 2100 &&
        date.getUTCDate() === day &&
        date.getUTCMonth() === month - 1;
      if (!real) {
        ctx.addIssue({
          code: 'custom',
          path: ['dueOn-day'],
          message: 'Due date must be a real date, like 31 3 2027',
        });
        return z.NEVER;
      }
      dueOn = date.toISOString().slice(0, 10);
    }
    return { owner: form.owner, dueOn, status: form.status };
  });

const shareForm = z.object({
  grantee: z.enum(['school', 'organisation'], 'Choose whom to share with'),
  urn: z.string().trim().default(''),
  organisationId: z.string().trim().default(''),
});

/** The action plan (owners, dates, status) and whom the school shares the assessment with. */
const plan: FastifyPluginAsync<ReadinessDeps> = async (app, deps) => {
  const { ctx } = deps;
  app.addHook('preHandler', requireSignedIn);

  async function renderAction(
    reply: FastifyReply,
    opened: Opened,
    action: StoredAction,
    form: FormErrors = noErrors,
    values?: Record<string, unknown>,
  ) {
    const [year, month, day] = action.dueOn ? action.dueOn.split('-') : ['', '', ''];
    return reply.page('readiness/action.njk', {
      assessment: opened.assessment,
      framework: opened.framework,
      action: { ...action, action: inReaderLanguage(opened.framework, action.action) },
      values: values ?? {
        owner: action.owner,
        'dueOn-day': day ? String(Number(day)) : '',
        'dueOn-month': month ? String(Number(month)) : '',
        'dueOn-year': year,
        status: action.status,
      },
      statusItems: ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABELS[s] })),
      ...form,
    });
  }

  const actionOf = async (opened: Opened, actionId: unknown) => {
    const found = await findAction(ctx, opened, Number(actionId));
    return found.ok ? found.value : undefined;
  };

  app.get('/readiness/assessments/:id/actions/:actionId', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'answer');
    if (!opened) return reply;
    const action = await actionOf(opened, (request.params as { actionId: string }).actionId);
    if (!action) return reply.callNotFound();
    return renderAction(reply, opened, action);
  });

  app.post('/readiness/assessments/:id/actions/:actionId', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'answer');
    if (!opened) return reply;
    const action = await actionOf(opened, (request.params as { actionId: string }).actionId);
    if (!action) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = actionForm.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return renderAction(reply, opened, action, formErrors(parsed.error), body);
    }
    await changeAction(ctx, request.user ?? null, opened, action.id, parsed.data);
    return reply.redirect(`/readiness/assessments/${opened.assessment.id}/report#action-plan`, 303);
  });

  async function renderSharing(
    reply: FastifyReply,
    opened: Opened,
    form: FormErrors = noErrors,
    values = {},
  ) {
    const organisations = await shareableOrganisations(ctx);
    return reply.page('readiness/sharing.njk', {
      assessment: opened.assessment,
      framework: opened.framework,
      organisationItems: [
        { value: '', text: reply.request.t('readiness.sharing.chooseOrganisation') },
        ...organisations.map((o) => ({ value: String(o.id), text: o.name })),
      ],
      organisationNames: Object.fromEntries(organisations.map((o) => [o.id, o.name])),
      values,
      ...form,
    });
  }

  app.get('/readiness/assessments/:id/sharing', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'manage');
    if (!opened) return reply;
    return renderSharing(reply, opened);
  });

  app.post('/readiness/assessments/:id/sharing', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'manage');
    if (!opened) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = shareForm.safeParse(body);
    const fail = (form: FormErrors) => {
      reply.code(400);
      return renderSharing(reply, opened, form, body);
    };
    if (!parsed.success) return fail(formErrors(parsed.error));
    const { grantee, urn, organisationId } = parsed.data;
    const shared = await shareAssessment(
      ctx,
      request.user ?? null,
      opened,
      grantee === 'school' ? { urn } : { organisationId },
    );
    if (!shared.ok) return fail(formErrors(shared.error));
    return reply.redirect(`/readiness/assessments/${opened.assessment.id}/sharing`, 303);
  });

  app.post('/readiness/assessments/:id/sharing/:shareId/revoke', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'manage');
    if (!opened) return reply;
    const shareId = Number((request.params as { shareId: string }).shareId);
    if (!Number.isSafeInteger(shareId)) return reply.callNotFound();
    const result = await stopSharing(ctx, request.user ?? null, opened, shareId);
    if (!result.ok) return reply.callNotFound();
    return reply.redirect(`/readiness/assessments/${opened.assessment.id}/sharing`, 303);
  });
};

export default plan;
