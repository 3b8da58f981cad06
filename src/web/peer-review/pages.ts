import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import {
  answerInvitation,
  createReviewGroup,
  groupPage,
  peerReviewHome,
  scheduleCycle,
  scheduleForm,
} from '../../app/peer-review/groups.ts';
import { cyclesFor } from '../../app/peer-review/cycles.ts';
import {
  declareOwnConflict,
  ownReviewerEntry,
  saveOwnReviewerEntry,
  withdrawOwnConflict,
} from '../../app/peer-review/reviewers.ts';
import {
  actionable,
  addAction,
  addReviewer,
  decideFindingChallenge,
  decidesChallenges,
  deleteFinding,
  moderateReport,
  openFinding,
  raiseChallenge,
  recordFinding,
  recordJudgement,
  recordSelfEvaluation,
  removeReviewer,
  reviewPage,
  setActionStatus,
  shareReport,
  submitReport,
} from '../../app/peer-review/reviews.ts';
import {
  organisationSummary,
  peerReviewSummary,
  SUMMARY_GROUPINGS,
  summaryQuery,
  type SummaryGrouping,
} from '../../app/peer-review/summary.ts';
import type { AppError, Result } from '../../app/result.ts';
import { FOCUS_AREA_IN_SENTENCE, FOCUS_AREA_LABELS, FOCUS_AREAS } from '../../domain/focus-areas.ts';
import { DECLARED_CONFLICT_KINDS, DECLARED_CONFLICT_LABELS } from '../../domain/peer-review/conflicts.ts';
import { judgementLabel } from '../../domain/peer-review/framework.ts';
import { localisePeerReviewFramework } from '../../domain/peer-review/localise.ts';
import { CONSENT_LABELS, GROUP_MODEL_LABELS, GROUP_MODELS } from '../../domain/peer-review/groups.ts';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  CHALLENGE_OUTCOME_LABELS,
  CHALLENGE_OUTCOMES,
  FINDING_KIND_LABELS,
  REVIEW_STATUS_LABELS,
} from '../../domain/peer-review/review.ts';
import { TEAM_ROLE_LABELS } from '../../domain/peer-review/team.ts';
import { formErrors } from '../http/forms.ts';
import { labelsIn } from '../http/labels.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { idParams } from '../http/params.ts';
import { sendProblem } from '../http/problem.ts';
import { translateMessage } from '../../i18n/index.ts';

type Body = Record<string, unknown>;
const bodyOf = (request: FastifyRequest): Body => (request.body ?? {}) as Body;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The id in the path, or a 404 page. */
function idOf(request: FastifyRequest): number | undefined {
  const parsed = idParams.safeParse(request.params);
  return parsed.success ? parsed.data.id : undefined;
}

/** A form's fields are named apart on a page with several forms; the use case reads its own names. */
function renamed(body: Body, names: Record<string, string>): Body {
  const out: Body = { ...body };
  for (const [form, input] of Object.entries(names)) out[input] = body[form];
  return out;
}
function renameIssues(error: AppError, names: Record<string, string>): AppError {
  const back = Object.fromEntries(Object.entries(names).map(([form, input]) => [input, form]));
  return error.issues
    ? { ...error, issues: error.issues.map((i) => ({ ...i, field: back[i.field] ?? i.field })) }
    : error;
}

/**
 * Peer review's pages: groups and their invitations, scheduling a cycle, a review (its team under
 * the conflict rules, the host's self-evaluation, findings, submission, moderation, sharing), an
 * area to develop turned into an action with links to support, and a person's reviewer entry.
 */
const peerReviewPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };

  app.get('/peer-review', signedIn, async (request, reply) => {
    const home = await peerReviewHome(ctx, requireUser(request));
    return reply.page('peer-review/hub.njk', {
      title: request.t('peerReview.title'),
      home,
      consentLabels: labelsIn(request.language, CONSENT_LABELS),
      statusLabels: labelsIn(request.language, REVIEW_STATUS_LABELS),
    });
  });

  // The system's anonymised figures: public; one organisation's, for its officers.
  app.get('/peer-review/summary', async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const user = request.user;
    const officerOf = (user?.organisations ?? []).map((o) => ({ id: o.id, name: o.name }));
    if (query.organisation !== undefined) {
      const id = idParams.safeParse({ id: query.organisation });
      if (!id.success) return reply.callNotFound();
      const result = await organisationSummary(ctx, user, id.data.id);
      if (!result.ok) return sendProblem(request, reply, result.error);
      return reply.page('peer-review/summary.njk', {
        title: request.t('peerReview.summary.orgTitle', { organisation: result.value.organisation.name }),
        heading: request.t('peerReview.summary.orgTitle', { organisation: result.value.organisation.name }),
        orgSummary: result.value,
        suppressBelow: result.value.suppressBelow,
        officerOf,
      });
    }
    const by = summaryQuery.safeParse(query);
    if (!by.success)
      return sendProblem(request, reply, { code: 'invalid-input', message: 'Choose country, region or la' });
    const summary = await peerReviewSummary(ctx, by.data.by);
    return reply.page('peer-review/summary.njk', {
      title: request.t('peerReview.summary.pageTitle'),
      heading: request.t('peerReview.summary.pageTitle'),
      summary,
      by: summary.by,
      suppressBelow: summary.suppressBelow,
      groupings: SUMMARY_GROUPINGS.map((g: SummaryGrouping) => ({
        value: g,
        text: request.t(`peerReview.summary.by.${g}`),
      })),
      officerOf,
    });
  });

  // Groups.
  const renderGroupForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Body,
    error?: AppError,
  ) => {
    const home = await peerReviewHome(ctx, requireUser(request));
    const { errors, fieldErrors } = error ? formErrors(error) : { errors: [], fieldErrors: {} };
    if (error) reply.code(error.code === 'invalid-input' ? 400 : 409);
    return reply.page('peer-review/group-form.njk', {
      title: request.t('peerReview.startGroup'),
      errors,
      fieldErrors,
      values,
      schools: home.adminSchools,
      schoolItems: home.adminSchools.map((s) => ({
        value: String(s.urn),
        text: s.name,
        selected: str(values.proposerUrn) === String(s.urn),
      })),
      modelItems: GROUP_MODELS.map((m) => ({
        value: m,
        text: translateMessage(request.language, { message: GROUP_MODEL_LABELS[m] }),
        checked: values.model === m,
      })),
    });
  };
  app.get('/peer-review/groups/new', signedIn, (request, reply) =>
    renderGroupForm(request, reply, { model: 'cluster' }),
  );
  app.post('/peer-review/groups', signedIn, async (request, reply) => {
    const body = bodyOf(request);
    const result = await createReviewGroup(ctx, requireUser(request), body);
    if (!result.ok) return renderGroupForm(request, reply, body, result.error);
    return reply.redirect(`/peer-review/groups/${result.value}`, 303);
  });

  app.get('/peer-review/groups/:id', signedIn, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return reply.callNotFound();
    const page = await groupPage(ctx, requireUser(request), id);
    if (!page.ok) return sendProblem(request, reply, page.error);
    return reply.page('peer-review/group.njk', {
      title: page.value.group.name,
      page: page.value,
      consentLabels: labelsIn(request.language, CONSENT_LABELS),
      modelLabels: labelsIn(request.language, GROUP_MODEL_LABELS),
    });
  });
  app.post('/peer-review/groups/:id/answer', signedIn, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return reply.callNotFound();
    const result = await answerInvitation(ctx, requireUser(request), id, bodyOf(request));
    if (!result.ok) return sendProblem(request, reply, result.error);
    return reply.redirect(`/peer-review/groups/${id}`, 303);
  });

  // Scheduling a cycle.
  const renderCycleForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    values: Body,
    error?: AppError,
  ) => {
    const form = await scheduleForm(ctx, requireUser(request), id);
    if (!form.ok) return sendProblem(request, reply, form.error);
    const { errors, fieldErrors } = error ? formErrors(error) : { errors: [], fieldErrors: {} };
    if (error) reply.code(400);
    return reply.page('peer-review/cycle-form.njk', {
      title: request.t('peerReview.cycleForm.pageTitle', { group: form.value.group.name }),
      errors,
      fieldErrors,
      values,
      form: {
        ...form.value,
        frameworks: form.value.frameworks.map((f) => localisePeerReviewFramework(f, request.language)),
      },
    });
  };
  app.get('/peer-review/groups/:id/cycles/new', signedIn, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return reply.callNotFound();
    return renderCycleForm(request, reply, id, {});
  });
  app.post('/peer-review/groups/:id/cycles', signedIn, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return reply.callNotFound();
    const body = bodyOf(request);
    const visits = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith('visit-')));
    const result = await scheduleCycle(ctx, requireUser(request), id, { ...body, visits });
    if (!result.ok) {
      if (result.error.code !== 'invalid-input') return sendProblem(request, reply, result.error);
      return renderCycleForm(request, reply, id, body, result.error);
    }
    return reply.redirect(`/peer-review/cycles/${result.value}`, 303);
  });

  app.get('/peer-review/cycles/:id', signedIn, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return reply.callNotFound();
    const cycle = (await cyclesFor(ctx, requireUser(request))).find((c) => c.id === id);
    if (!cycle) return sendProblem(request, reply, { code: 'not-found', message: 'No such review cycle.' });
    return reply.page('peer-review/cycle.njk', {
      title: cycle.title,
      cycle,
      statusLabels: labelsIn(request.language, REVIEW_STATUS_LABELS),
    });
  });

  // A review.
  const renderReview = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    failed?: { form: string; values: Body; error: AppError },
  ) => {
    const page = await reviewPage(ctx, requireUser(request), id);
    if (!page.ok) return sendProblem(request, reply, page.error);
    const { errors, fieldErrors } = failed ? formErrors(failed.error) : { errors: [], fieldErrors: {} };
    if (failed) reply.code(failed.error.code === 'invalid-input' ? 400 : 409);
    const { review } = page.value;
    const framework = localisePeerReviewFramework(page.value.framework, request.language);
    const areaTitle = Object.fromEntries(framework.areas.map((a) => [a.id, a.title]));
    const focusLabels = labelsIn(request.language, FOCUS_AREA_LABELS);
    return reply.page('peer-review/review.njk', {
      title: request.t('peerReview.review.heading', { school: review.hostName }),
      page: page.value,
      errors,
      fieldErrors,
      failedForm: failed?.form,
      values: failed?.values ?? {},
      framework,
      areaTitle,
      conflictedCandidates: page.value.candidates.filter((c) => c.conflicts.length > 0),
      areaItems: framework.areas.map((a) => ({ value: a.id, text: a.title })),
      scaleItems: framework.scale.levels.map((l) => ({
        value: String(l.value),
        text: `${l.label}: ${l.description}`,
      })),
      judgementText: (value: number) => judgementLabel(framework, value),
      focusItems: FOCUS_AREAS.map((f) => ({ value: f, text: focusLabels[f] })),
      focusLabels,
      kindLabels: labelsIn(request.language, FINDING_KIND_LABELS),
      roleLabels: labelsIn(request.language, TEAM_ROLE_LABELS),
      statusLabels: labelsIn(request.language, REVIEW_STATUS_LABELS),
      outcomeLabels: labelsIn(request.language, CHALLENGE_OUTCOME_LABELS),
      actionStatusLabels: labelsIn(request.language, ACTION_STATUS_LABELS),
    });
  };
  app.get('/peer-review/reviews/:id', signedIn, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return reply.callNotFound();
    return renderReview(request, reply, id);
  });

  /** A form on the review page: the use case, the form's field names, and the part to go back to. */
  const reviewForm = (
    path: string,
    act: (user: ReturnType<typeof requireUser>, id: number, body: Body) => Promise<Result<unknown>>,
    names: Record<string, string> = {},
    part = path,
  ) =>
    app.post(`/peer-review/reviews/:id/${path}`, signedIn, async (request, reply) => {
      const id = idOf(request);
      if (id === undefined) return reply.callNotFound();
      const body = bodyOf(request);
      const result = await act(requireUser(request), id, renamed(body, names));
      if (!result.ok) {
        if (result.error.code === 'not-found' || result.error.code === 'forbidden')
          return sendProblem(request, reply, result.error);
        return renderReview(request, reply, id, {
          form: path,
          values: body,
          error: renameIssues(result.error, names),
        });
      }
      return reply.redirect(`/peer-review/reviews/${id}#${part}`, 303);
    });
  reviewForm('team', (user, id, body) => addReviewer(ctx, user, id, body));
  reviewForm('team/remove', (user, id, body) => removeReviewer(ctx, user, id, body), {}, 'team');
  reviewForm('self-evaluation', (user, id, body) => recordSelfEvaluation(ctx, user, id, body));
  reviewForm('judgements', (user, id, body) => recordJudgement(ctx, user, id, body), {
    judgementArea: 'areaId',
    judgementEvidence: 'evidence',
  });
  reviewForm('findings', (user, id, body) => recordFinding(ctx, user, id, body), {
    findingArea: 'areaId',
    findingEvidence: 'evidence',
    findingFocus: 'focusArea',
  });
  reviewForm('findings/remove', (user, id, body) => deleteFinding(ctx, user, id, body), {}, 'findings');
  reviewForm('submit', (user, id) => submitReport(ctx, user, id));
  reviewForm('moderation', (user, id, body) => moderateReport(ctx, user, id, body));
  reviewForm('sharing', (user, id, body) => shareReport(ctx, user, id, body));

  // A finding: the host's challenge and its outcome; for an area to develop, actions, a need and support.
  const renderFinding = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    failed?: { form: string; values: Body; error: AppError },
  ) => {
    const opened = await openFinding(ctx, requireUser(request), id);
    if (!opened.ok) return sendProblem(request, reply, opened.error);
    const { review, finding, rights } = opened.value;
    const { errors, fieldErrors } = failed ? formErrors(failed.error) : { errors: [], fieldErrors: {} };
    if (failed) reply.code(failed.error.code === 'invalid-input' ? 400 : 409);
    const focus = finding.focusArea;
    const kindLabels = labelsIn(request.language, FINDING_KIND_LABELS);
    const focusLabel = translateMessage(request.language, { message: FOCUS_AREA_LABELS[focus] });
    const outcomeLabels = labelsIn(request.language, CHALLENGE_OUTCOME_LABELS);
    const actionStatusLabels = labelsIn(request.language, ACTION_STATUS_LABELS);
    return reply.page('peer-review/finding.njk', {
      title: `${kindLabels[finding.kind]}: ${finding.finding}`,
      review,
      finding,
      rights,
      actionable: actionable(review, finding),
      decides: decidesChallenges(opened.value),
      errors,
      fieldErrors,
      failedForm: failed?.form,
      values: failed?.values ?? {},
      focusLabel,
      // Inside a sentence: "declare literacy (reading, writing, English) as a need", "datblygu’r Gymraeg".
      focusInSentence: translateMessage(request.language, { message: FOCUS_AREA_IN_SENTENCE[focus] }),
      kindLabel: kindLabels[finding.kind],
      outcomeLabels,
      outcomeItems: CHALLENGE_OUTCOMES.map((o) => ({ value: o, text: outcomeLabels[o] })),
      actionStatusItems: ACTION_STATUSES.map((a) => ({ value: a, text: actionStatusLabels[a] })),
      actionStatusLabels,
      support: {
        // A partner picked there is proposed as this finding's follow-up, while it may have one.
        partners: `/schools/${review.hostUrn}/partners?strategy=support${
          rights.shareReport && finding.partnershipId === null ? `&followUp=${finding.id}` : ''
        }`,
        practice: `/practice?focus=${encodeURIComponent(focus)}`,
        leaders: `/system-leaders?expertise=${encodeURIComponent(focus)}`,
      },
    });
  };
  app.get('/peer-review/findings/:id', signedIn, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return reply.callNotFound();
    return renderFinding(request, reply, id);
  });
  /** A form on the finding page: the use case and the part of the page to go back to. */
  const findingForm = (
    path: string,
    act: (user: ReturnType<typeof requireUser>, id: number, body: Body) => Promise<Result<unknown>>,
    part: string,
  ) =>
    app.post(`/peer-review/findings/:id/${path}`, signedIn, async (request, reply) => {
      const id = idOf(request);
      if (id === undefined) return reply.callNotFound();
      const body = bodyOf(request);
      const result = await act(requireUser(request), id, body);
      if (!result.ok) {
        if (result.error.code === 'not-found' || result.error.code === 'forbidden')
          return sendProblem(request, reply, result.error);
        return renderFinding(request, reply, id, { form: path, values: body, error: result.error });
      }
      return reply.redirect(`/peer-review/findings/${id}#${part}`, 303);
    });
  findingForm('actions', (user, id, body) => addAction(ctx, user, id, body), 'support');
  findingForm('action-status', (user, id, body) => setActionStatus(ctx, user, id, body), 'actions');
  findingForm('challenge', (user, id, body) => raiseChallenge(ctx, user, id, body), 'challenge-history');
  findingForm(
    'challenge-outcome',
    (user, id, body) => decideFindingChallenge(ctx, user, id, body),
    'challenge-history',
  );

  // The person's reviewer entry and declared conflicts.
  const renderReviewer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    failed?: { values: Body; error: AppError },
  ) => {
    const own = await ownReviewerEntry(ctx, requireUser(request));
    const { errors, fieldErrors } = failed ? formErrors(failed.error) : { errors: [], fieldErrors: {} };
    if (failed) reply.code(400);
    const e = own.entry;
    const conflictLabels = labelsIn(request.language, DECLARED_CONFLICT_LABELS);
    return reply.page('peer-review/reviewer.njk', {
      title: request.t('peerReview.reviewer.title'),
      own,
      errors,
      fieldErrors,
      values: failed?.values ?? {
        homeUrn: String(e?.homeUrn ?? ''),
        trainedOn: e?.trainedOn ?? '',
        trainedBy: e?.trainedBy ?? '',
        earlierReviews: e ? String(e.earlierReviews) : '0',
        experience: e?.experience ?? '',
      },
      kindItems: DECLARED_CONFLICT_KINDS.map((k) => ({ value: k, text: conflictLabels[k] })),
      kindLabels: conflictLabels,
    });
  };
  app.get('/peer-review/reviewer', signedIn, (request, reply) => renderReviewer(request, reply));
  app.post('/peer-review/reviewer', signedIn, async (request, reply) => {
    const body = bodyOf(request);
    const result = await saveOwnReviewerEntry(ctx, requireUser(request), body);
    if (!result.ok) return renderReviewer(request, reply, { values: body, error: result.error });
    return reply.redirect('/peer-review/reviewer', 303);
  });
  app.post('/peer-review/reviewer/conflicts', signedIn, async (request, reply) => {
    const body = bodyOf(request);
    const result = await declareOwnConflict(ctx, requireUser(request), body);
    if (!result.ok)
      return renderReviewer(request, reply, {
        values: { conflictUrn: str(body.urn), kind: str(body.kind) },
        error: result.error,
      });
    return reply.redirect('/peer-review/reviewer#conflicts', 303);
  });
  app.post('/peer-review/reviewer/conflicts/withdraw', signedIn, async (request, reply) => {
    const result = await withdrawOwnConflict(ctx, requireUser(request), bodyOf(request));
    if (!result.ok) return sendProblem(request, reply, result.error);
    return reply.redirect('/peer-review/reviewer#conflicts', 303);
  });
};

export default peerReviewPages;
