import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import {
  answerAsLeader,
  commissionDeployment,
  deploymentFor,
  startCommission,
  withdrawAsCommissioner,
  yourDeployments,
  type CommissionStart,
} from '../../app/leaders/deployments.ts';
import { addToTeam, removeFromTeam, teamCandidates } from '../../app/leaders/deployment-team.ts';
import { PAYER_LABELS, PAYERS } from '../../domain/leaders/costing.ts';
import { FREE_WITHIN_LABELS } from '../../domain/leaders/profile.ts';
import { translateMessage } from '../../i18n/index.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { idParams } from '../http/params.ts';
import { sendProblem } from '../http/problem.ts';
import { chargingText, daysText, pounds } from './presenters.ts';
import { deploymentView } from './deployment-presenters.ts';
import { dateParts, postedValues } from './form-values.ts';

type Values = Record<string, unknown>;

/** `/deployments/:id/team/:userId/…` */
const memberParams = idParams.extend({ userId: z.coerce.number().int().positive() });

/** The form as the person typed it. */
const posted = (body: unknown): Values =>
  postedValues(body, {
    text: [
      'clientUrn',
      'scope',
      'objectives',
      'successCriteria',
      'days',
      'dayRatePounds',
      'paidBy',
      'reportsTo',
      'exitStrategy',
    ],
    dates: ['startDate', 'endDate'],
  });

/** Commissioning a system leader, the leader's answer, and each side's list of deployments. */
const deploymentPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };

  function renderForm(
    reply: FastifyReply,
    start: CommissionStart,
    values: Values,
    extra: Partial<FormErrors> = {},
  ) {
    const { profile, schools } = start;
    const { language, t } = reply.request;
    const freeWithin =
      profile.freeWithin && profile.dayRatePounds
        ? translateMessage(language, { message: FREE_WITHIN_LABELS[profile.freeWithin] }).toLowerCase()
        : null;
    const rate = profile.dayRatePounds ? pounds(profile.dayRatePounds) : null;
    const rateHint = [
      rate === null
        ? t('leaders.commission.noCharge', { name: profile.name })
        : freeWithin
          ? t('leaders.commission.rateWith', { name: profile.name, rate, freeWithin })
          : t('leaders.commission.rateIs', { name: profile.name, rate }),
      t('leaders.commission.rateHint'),
    ].join(' ');
    return reply.page('leaders/commission.njk', {
      profile,
      charging: chargingText(profile, language),
      rateHint,
      values,
      schoolItems: schools.map((s) => ({
        value: String(s.urn),
        text: s.name,
        hint: {
          text: s.organisationName
            ? t('leaders.commission.forOrganisation', { organisation: s.organisationName, urn: s.urn })
            : t('leaders.commission.yourSchool', { urn: s.urn }),
        },
        checked: values.clientUrn === String(s.urn),
      })),
      payerItems: PAYERS.map((p) => ({
        value: p,
        text: translateMessage(language, { message: PAYER_LABELS[p] }),
        checked: values.paidBy === p,
      })),
      ...extra,
    });
  }

  app.get('/system-leaders/:id/commission', signedIn, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const start = await startCommission(ctx, requireUser(request), params.data.id);
    if (!start.ok) return sendProblem(request, reply, start.error);
    const only = start.value.schools.length === 1 ? String(start.value.schools[0]!.urn) : '';
    return renderForm(reply, start.value, {
      clientUrn: only,
      startDate: dateParts(),
      endDate: dateParts(),
    });
  });

  app.post('/system-leaders/:id/commission', signedIn, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const user = requireUser(request);
    const values = posted(request.body);
    const done = await commissionDeployment(ctx, user, params.data.id, values);
    if (!done.ok) {
      if (done.error.code !== 'invalid-input') return sendProblem(request, reply, done.error);
      const start = await startCommission(ctx, user, params.data.id);
      if (!start.ok) return sendProblem(request, reply, start.error);
      reply.code(400);
      return renderForm(reply, start.value, values, formErrors(done.error));
    }
    return reply.redirect(`/deployments/${done.value.id}?done=commissioned`, 303);
  });

  app.get('/deployments', signedIn, async (request, reply) => {
    const mine = await yourDeployments(ctx, requireUser(request));
    return reply.page('leaders/deployments.njk', {
      title: request.t('leaders.list.title'),
      asLeader: mine.asLeader.map(deploymentView(request.language)),
      forSchools: mine.forSchools.map(deploymentView(request.language)),
      organisations: mine.organisations.map((o) => ({
        ...o,
        deployments: o.deployments.map(deploymentView(request.language)),
        summary: {
          schools: o.summary.schools.map((s) => ({
            ...s,
            daysText: daysText(s.days, request.language),
            cost: pounds(s.totalPounds),
          })),
          total: {
            ...o.summary.total,
            daysText: daysText(o.summary.total.days, request.language),
            cost: pounds(o.summary.total.totalPounds),
          },
        },
      })),
    });
  });

  /** One deployment's page; with the team form as it was posted and its errors, after a refusal. */
  async function renderDeployment(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    teamForm: { values: Values; errors: FormErrors } | null = null,
  ) {
    const user = requireUser(request);
    const found = await deploymentFor(ctx, user, id, request.language);
    if (!found.ok) return sendProblem(request, reply, found.error);
    const view = deploymentView(request.language)(found.value);
    const query = request.query as Record<string, unknown>;
    const candidates = found.value.canChangeTeam ? await teamCandidates(ctx, user, found.value) : [];
    const values = teamForm?.values ?? {};
    return reply.page('leaders/deployment.njk', {
      title: view.title,
      d: view,
      canAnswer: found.value.canAnswer,
      canAccept: found.value.canAccept,
      readiness: found.value.readiness,
      canWithdraw: found.value.canWithdraw,
      canChangeTeam: found.value.canChangeTeam,
      candidateItems: [
        { value: '', text: request.t('leaders.team.choose') },
        ...candidates.map((p) => ({
          value: String(p.id),
          text: `${p.name}, ${p.schoolName}`,
          selected: values.profileId === String(p.id),
        })),
      ],
      teamValues: values,
      ...(teamForm?.errors ?? {}),
      done: typeof query.done === 'string' ? query.done : '',
    });
  }

  app.get('/deployments/:id', signedIn, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    return renderDeployment(request, reply, params.data.id);
  });

  app.post('/deployments/:id/team', signedIn, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const values = postedValues(request.body, { text: ['profileId', 'days', 'dayRatePounds'] });
    const done = await addToTeam(ctx, requireUser(request), params.data.id, values);
    if (!done.ok) {
      if (done.error.code !== 'invalid-input') return sendProblem(request, reply, done.error);
      reply.code(400);
      return renderDeployment(request, reply, params.data.id, { values, errors: formErrors(done.error) });
    }
    return reply.redirect(`/deployments/${params.data.id}?done=member-added#team`, 303);
  });

  app.post('/deployments/:id/team/:userId/remove', signedIn, async (request, reply) => {
    const params = memberParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const done = await removeFromTeam(ctx, requireUser(request), params.data.id, params.data.userId);
    if (!done.ok) return sendProblem(request, reply, done.error);
    return reply.redirect(`/deployments/${params.data.id}?done=member-removed#team`, 303);
  });

  app.post('/deployments/:id/answer', signedIn, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const done = await answerAsLeader(ctx, requireUser(request), params.data.id, body.answer);
    if (!done.ok) return sendProblem(request, reply, done.error);
    return reply.redirect(`/deployments/${params.data.id}?done=${done.value.answer}`, 303);
  });

  app.post('/deployments/:id/withdraw', signedIn, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const done = await withdrawAsCommissioner(ctx, requireUser(request), params.data.id);
    if (!done.ok) return sendProblem(request, reply, done.error);
    return reply.redirect(`/deployments/${params.data.id}?done=withdrawn`, 303);
  });
};

export default deploymentPages;
