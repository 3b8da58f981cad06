import type { Language } from '../../domain/language.ts';
import { translateMessage, translatePhrase } from '../../i18n/index.ts';
import { inSentence } from '../http/labels.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { practiceSearchQuery } from '../../app/practice/input.ts';
import {
  createPractice,
  describeFlag,
  editPractice,
  personalDataIssues,
  practicePage,
  publishingSchools,
  submitPractice,
} from '../../app/practice/records.ts';
import {
  approvePractice,
  dismissReports,
  moderationQueue,
  reportPractice,
  returnPractice,
  withdrawPractice,
} from '../../app/practice/moderation.ts';
import { findPracticeWithReasons } from '../../app/practice/search.ts';
import {
  approveCaseStudy,
  caseStudyPreview,
  chooseCaseStudyParts,
  partsKey,
  withdrawCaseStudy,
} from '../../app/practice/case-study.ts';
import {
  CASE_STUDY_PART_LABELS,
  CASE_STUDY_PARTS,
  type CaseStudyPart,
} from '../../domain/practice/case-study.ts';
import { searchAreas } from '../../app/schools/search.ts';
import type { AppError, Result } from '../../app/result.ts';
import type { SessionUser } from '../../domain/access.ts';
import { FOCUS_AREA_LABELS, FOCUS_AREAS } from '../../domain/focus-areas.ts';
import { isPracticeModerator } from '../../domain/practice/access.ts';
import { EVIDENCE_SCALE, evidenceInfo, evidenceLabel } from '../../domain/practice/evidence.ts';
import { headlineFor, PRACTICE_PHASES } from '../../domain/practice/model.ts';
import { PARTNERSHIP_TYPE_LABELS, PARTNERSHIP_TYPES } from '../../domain/partnerships/model.ts';
import { PHASE_LABELS } from '../../domain/school.ts';
import { asList, formErrors, type FormErrors } from '../http/forms.ts';
import { areaItems } from '../http/places.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { idParams } from '../http/params.ts';
import { sendProblem } from '../http/problem.ts';
import { contentRows, contentValues, evidenceTag, formChoices, paragraphs, stateTag } from './presenters.ts';

const LIST_FIELDS = ['phases', 'pupilGroups', 'focusAreas'];
const TEXT_FIELDS = [
  'urn',
  'title',
  'summary',
  'titleCy',
  'summaryCy',
  'whatWeDid',
  'collaboration',
  'resources',
  'whatChanged',
  'howWeKnow',
  'startedIn',
  'links',
  'externalEvaluation',
  'partnershipId',
  'language',
];

/** The publishing form's fields as typed: text as strings, checkboxes as lists. */
function formValues(body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) values[name] = typeof b[name] === 'string' ? b[name] : '';
  for (const name of LIST_FIELDS) values[name] = asList(b[name]).map(String);
  return values;
}

const select = <T extends string>(
  language: Language,
  values: readonly T[],
  labels: Record<T, string>,
  chosen: unknown,
  any: string,
) => [
  { value: '', text: any },
  ...values.map((value) => ({
    value,
    text: translateMessage(language, { message: labels[value] }),
    selected: value === chosen,
  })),
];

/** What a moderator or reporter is told once their action is done (`?done=…`). */
const DONE = new Map([
  ['approved', 'You approved the record: it is now public.'],
  ['returned', 'You returned the record to its school with what to change.'],
  ['dismissed', 'You closed the reports: the record stays public.'],
  ['reported', 'Thank you. The moderators will read your report.'],
  ['case-study-saved', 'You chose what the case study shows. Each school’s administrator now approves it.'],
  ['case-study-approved', 'You approved the case study for your school. It waits for the other schools.'],
  [
    'case-study-sent',
    'Every school has approved the case study: it is with the moderators, and public once they approve it.',
  ],
  ['case-study-withdrawn', 'You withdrew the case study. It is not shown in the library.'],
]);
const doneMessage = (request: FastifyRequest) => {
  const done = DONE.get(String((request.query as Record<string, unknown>).done));
  return done && translateMessage(request.language, { message: done });
};

/** The library: search, a record's page, and a school's publishing and editing of its records. */
const practicePages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };

  app.get('/practice', async (request, reply) => {
    const parsed = practiceSearchQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : practiceSearchQuery.parse({});
    const [results, areas] = await Promise.all([findPracticeWithReasons(ctx, query), searchAreas(ctx)]);
    const raw = request.query as Record<string, unknown>;
    const { language, t } = request;
    const tm = (message: string) => translateMessage(language, { message });
    return reply.page('practice/search.njk', {
      title: t('practice.title'),
      query,
      raw,
      results: {
        ...results,
        items: results.items.map(({ why, ...item }) => ({
          ...item,
          matched: why.map((p) => translatePhrase(language, p)),
          ...headlineFor(item, language),
          tag: evidenceTag(item.evidence.level, language),
        })),
      },
      ...formErrors(parsed.success ? [] : parsed.error),
      focusItems: select(language, FOCUS_AREAS, FOCUS_AREA_LABELS, query.focus[0], t('practice.anyFocus')),
      phaseItems: select(language, PRACTICE_PHASES, PHASE_LABELS, query.phase, t('practice.anyPhase')),
      evidenceItems: [
        { value: '', text: t('practice.anyEvidence') },
        ...EVIDENCE_SCALE.map((l) => ({
          value: l.level,
          text: l.rank === 1 ? tm(l.label) : t('practice.orStronger', { level: tm(l.label) }),
          selected: l.level === query.evidence,
        })),
      ],
      typeItems: select(
        language,
        PARTNERSHIP_TYPES,
        PARTNERSHIP_TYPE_LABELS,
        query.type,
        t('practice.anyType'),
      ),
      laItems: areaItems(language, areas.localAuthorities, query.la, tm('All local authorities')),
      regionItems: areaItems(language, areas.regions, query.region, tm('All regions')),
      canPublish: (request.user?.schools.length ?? 0) > 0,
      canModerate: isPracticeModerator(request.user),
    });
  });

  app.get('/practice/moderation', signedIn, async (request, reply) => {
    const queue = await moderationQueue(ctx, requireUser(request));
    if (!queue.ok) return sendProblem(request, reply, queue.error);
    return reply.page('practice/moderation.njk', {
      title: request.t('practice.toModerate'),
      ...queue.value,
      done: doneMessage(request),
    });
  });

  app.get('/partnerships/:id/case-study', signedIn, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const query = request.query as Record<string, unknown>;
    const preview = await caseStudyPreview(ctx, requireUser(request), params.data.id, { parts: query.parts });
    if (!preview.ok && preview.error.code !== 'invalid-input')
      return sendProblem(request, reply, preview.error);
    // Parts not on the list: the draft with every part, and the problem beside the checkboxes.
    const shown = preview.ok
      ? preview
      : await caseStudyPreview(ctx, requireUser(request), params.data.id, {});
    if (!shown.ok) return sendProblem(request, reply, shown.error);
    const { draft, parts, title, caseStudy, savedParts } = shown.value;
    if (!preview.ok) reply.code(400);
    const { language, t } = request;
    const partLabel = (part: CaseStudyPart) =>
      translateMessage(language, { message: CASE_STUDY_PART_LABELS[part] });
    return reply.page('practice/case-study.njk', {
      title: t('practice.caseStudy.title', { title }),
      partnershipId: params.data.id,
      partnershipTitle: title,
      caseStudy,
      done: doneMessage(request),
      // Approval is of the parts saved; a different choice on screen is only a preview until saved.
      savedPartsKey: savedParts ? partsKey(savedParts) : null,
      showingSaved: savedParts !== null && partsKey(savedParts) === partsKey(parts),
      savedPartLabels: (savedParts ?? []).map(partLabel),
      chosenParts: parts,
      partItems: CASE_STUDY_PARTS.map((part) => ({
        value: part,
        text: partLabel(part),
        checked: parts.includes(part),
      })),
      draft: {
        content: draft,
        // Drafted in English from the partnership's record, whoever reads it.
        inEnglish: language !== 'en',
        rows: contentRows(draft, language),
        text: {
          whatWeDid: paragraphs(draft.whatWeDid),
          resources: paragraphs(draft.resources),
          whatChanged: paragraphs(draft.whatChanged),
          howWeKnow: paragraphs(draft.howWeKnow),
        },
        evidence: { figures: [], estimates: [], externalChecked: false },
        evidenceInfo: evidenceInfo('own-account'),
        evidenceInSentence: inSentence(language, evidenceLabel('own-account')),
        evidenceTag: evidenceTag('own-account', language),
      },
      ...(preview.ok ? {} : formErrors(preview.error, 'parts')),
    });
  });

  // The case study's way to the library: choose its parts, each school approves, either withdraws.
  const caseStudyAction = (
    path: string,
    act: (user: SessionUser, id: number, body: Record<string, unknown>) => Promise<Result<unknown>>,
    done: (value: unknown) => string,
  ) =>
    app.post(`/partnerships/:id/case-study${path}`, signedIn, async (request, reply) => {
      const params = idParams.safeParse(request.params);
      if (!params.success) return reply.callNotFound();
      const body = (request.body ?? {}) as Record<string, unknown>;
      const result = await act(requireUser(request), params.data.id, body);
      if (!result.ok) return sendProblem(request, reply, result.error);
      return reply.redirect(`/partnerships/${params.data.id}/case-study?done=${done(result.value)}`, 303);
    });
  caseStudyAction(
    '',
    (user, id, body) => chooseCaseStudyParts(ctx, user, id, { parts: body.parts ?? [] }),
    () => 'case-study-saved',
  );
  caseStudyAction(
    '/approve',
    (user, id, body) => approveCaseStudy(ctx, user, id, { urn: body.urn, partsKey: body.partsKey }),
    (value) =>
      (value as { sentToModerators: boolean }).sentToModerators ? 'case-study-sent' : 'case-study-approved',
  );
  caseStudyAction(
    '/withdraw',
    (user, id) => withdrawCaseStudy(ctx, user, id),
    () => 'case-study-withdrawn',
  );

  app.get('/practice/evidence', async (request, reply) =>
    reply.page('practice/evidence.njk', {
      title: request.t('practice.evidencePage.title'),
      scale: EVIDENCE_SCALE,
    }),
  );

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    page: {
      action: string;
      heading: string;
      values: Record<string, unknown>;
      back: string;
      fixedUrn?: number;
    },
    errors?: FormErrors,
  ) {
    const { language, t } = request;
    const schools = await publishingSchools(ctx, requireUser(request));
    const inScope = page.fixedUrn === undefined ? schools : schools.filter((s) => s.urn === page.fixedUrn);
    const partnerships = inScope.flatMap((s) =>
      s.partnerships.map((p) => ({
        value: String(p.id),
        text: schools.length > 1 ? `${p.title} (${s.name})` : p.title,
        selected: String(p.id) === page.values.partnershipId,
      })),
    );
    if (errors) reply.code(400);
    return reply.page('practice/form.njk', {
      title: page.heading,
      ...page,
      ...errors,
      schools,
      schoolItems: schools.map((s) => ({
        value: String(s.urn),
        text: t('practice.form.schoolItem', { school: s.name, urn: s.urn }),
        selected: String(s.urn) === page.values.urn,
      })),
      partnershipItems: partnerships.length
        ? [{ value: '', text: t('practice.form.noPartnership') }, ...partnerships]
        : [],
      ...formChoices(page.values, language),
    });
  }

  app.get('/practice/new', signedIn, async (request, reply) =>
    formPage(request, reply, {
      action: '/practice',
      heading: request.t('practice.share'),
      back: '/practice',
      values: {
        urn: String(requireUser(request).schools[0]?.urn ?? ''),
        language: 'en',
        collaboration: 'none',
      },
    }),
  );

  app.post('/practice', signedIn, async (request, reply) => {
    const values = formValues(request.body);
    const created = await createPractice(ctx, requireUser(request), Number(values.urn), values);
    if (!created.ok)
      return formPage(
        request,
        reply,
        { action: '/practice', heading: request.t('practice.share'), back: '/practice', values },
        formErrors(created.error, 'title'),
      );
    return reply.redirect(`/practice/${created.value.id}`, 303);
  });

  /** The record's page, or for someone not signed in a way to sign in (a draft is never public). */
  async function loadPage(request: FastifyRequest, reply: FastifyReply) {
    const params = idParams.safeParse(request.params);
    if (!params.success) {
      reply.callNotFound();
      return undefined;
    }
    const found = await practicePage(ctx, request.user, params.data.id);
    if (!found.ok) {
      if (!request.user) reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      else await sendProblem(request, reply, found.error);
      return undefined;
    }
    return found.value;
  }

  async function showPage(
    request: FastifyRequest,
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof loadPage>>>,
    extra: Record<string, unknown> = {},
  ) {
    const { record, rights, history, reports } = found;
    const shown = rights.readPublished ? record.published! : record.working;
    const pending = rights.readWorking && record.working !== shown ? record.working : null;
    const flags = rights.submit ? personalDataIssues(record) : [];
    const view = (v: typeof shown) => ({
      ...v,
      headline: headlineFor(v.content, request.language),
      // The author's words, in the language the record is written in.
      inEnglish: request.language !== 'en' && v.content.language === 'en',
      rows: contentRows(v.content, request.language),
      text: {
        whatWeDid: paragraphs(v.content.whatWeDid),
        resources: paragraphs(v.content.resources),
        whatChanged: paragraphs(v.content.whatChanged),
        howWeKnow: paragraphs(v.content.howWeKnow),
      },
      evidenceInfo: evidenceInfo(v.evidence.level),
      evidenceInSentence: inSentence(request.language, evidenceInfo(v.evidence.level).label),
      evidenceTag: evidenceTag(v.evidence.level, request.language),
    });
    return reply.page('practice/show.njk', {
      title: headlineFor(shown.content, request.language).title,
      record,
      rights,
      shown: view(shown),
      pending: pending && { ...view(pending), stateTag: stateTag(record.workingState, request.language) },
      stateTag: stateTag(record.workingState, request.language),
      isPublic: record.publishedVersion !== null && !record.withdrawn,
      history,
      reports,
      flags: flags.map((flag) => translateMessage(request.language, describeFlag(flag))),
      ...extra,
    });
  }

  app.get('/practice/:id', async (request, reply) => {
    const found = await loadPage(request, reply);
    return found
      ? showPage(request, reply, found, {
          done: doneMessage(request),
        })
      : reply;
  });

  app.get('/practice/:id/edit', signedIn, async (request, reply) => {
    const found = await loadPage(request, reply);
    if (!found) return reply;
    if (!found.rights.edit)
      return sendProblem(request, reply, {
        code: 'forbidden',
        message: 'Only the school’s members can change this record.',
      });
    const id = found.record.id;
    return formPage(request, reply, {
      action: `/practice/${id}/edit`,
      heading: request.t('practice.form.changeHeading'),
      back: `/practice/${id}`,
      values: { ...contentValues(found.record.working.content), urn: String(found.record.urn) },
      fixedUrn: found.record.urn,
    });
  });

  app.post('/practice/:id/edit', signedIn, async (request, reply) => {
    const found = await loadPage(request, reply);
    if (!found) return reply;
    const values = { ...formValues(request.body), urn: String(found.record.urn) };
    const edited = await editPractice(ctx, requireUser(request), found.record.id, values);
    if (!edited.ok) {
      if (edited.error.code !== 'invalid-input') return sendProblem(request, reply, edited.error);
      const id = found.record.id;
      return formPage(
        request,
        reply,
        {
          action: `/practice/${id}/edit`,
          heading: request.t('practice.form.changeHeading'),
          back: `/practice/${id}`,
          values,
          fixedUrn: found.record.urn,
        },
        formErrors(edited.error, 'title'),
      );
    }
    return reply.redirect(`/practice/${found.record.id}`, 303);
  });

  /**
   * The actions on a record's page, each a form posting to `/practice/{id}/{path}`: the use case
   * it runs, the form's field its problems show against, and where to go once it is done.
   */
  const actions: Record<
    string,
    {
      run: (user: SessionUser, id: number, body: Record<string, unknown>) => Promise<Result<unknown>>;
      field: string;
      done: (id: number) => string;
    }
  > = {
    submit: {
      run: (user, id, body) =>
        submitPractice(ctx, user, id, {
          version: Number(body.version),
          confirmNoPersonalData: body.confirmNoPersonalData === 'yes',
        }),
      field: 'submit',
      done: (id) => `/practice/${id}`,
    },
    approve: {
      run: (user, id, body) =>
        approvePractice(ctx, user, id, {
          version: Number(body.version),
          externalChecked: body.externalChecked === 'yes',
        }),
      field: 'approve',
      done: () => '/practice/moderation?done=approved',
    },
    return: {
      run: (user, id, body) =>
        returnPractice(ctx, user, id, { version: Number(body.version), reason: body.reason }),
      field: 'returnReason',
      done: () => '/practice/moderation?done=returned',
    },
    report: {
      run: (user, id, body) => reportPractice(ctx, user, id, { reason: body.reason }),
      field: 'reportReason',
      done: (id) => `/practice/${id}?done=reported`,
    },
    withdraw: {
      run: (user, id, body) => withdrawPractice(ctx, user, id, { reason: body.reason }),
      field: 'withdrawReason',
      done: (id) => `/practice/${id}`,
    },
    'reports/dismiss': {
      run: (user, id) => dismissReports(ctx, user, id),
      field: 'dismiss',
      done: () => '/practice/moderation?done=dismissed',
    },
  };

  for (const [path, action] of Object.entries(actions)) {
    app.post(`/practice/:id/${path}`, signedIn, async (request, reply) => {
      const found = await loadPage(request, reply);
      if (!found) return reply;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const result = await action.run(requireUser(request), found.record.id, body);
      if (result.ok) return reply.redirect(action.done(found.record.id), 303);
      return actionProblem(request, reply, found, result.error, action.field, body);
    });
  }

  /**
   * A refused action on the record's page, with its problem against the form it came from: personal
   * data to check, a missing reason, or someone else's change in between.
   */
  function actionProblem(
    request: FastifyRequest,
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof loadPage>>>,
    error: AppError,
    field: string,
    body: Record<string, unknown>,
  ) {
    if (error.code === 'forbidden' || error.code === 'not-found') return sendProblem(request, reply, error);
    reply.code(error.code === 'conflict' ? 409 : 400);
    const messages = error.issues?.map((issue) => translateMessage(request.language, issue)) ?? [
      translateMessage(request.language, error),
    ];
    const summary =
      field === 'submit' && error.code !== 'conflict'
        ? request.t('practice.show.checkPassages')
        : messages[0]!;
    return showPage(request, reply, found, {
      errors: messages.map((text) => ({ text, href: `#${field}` })),
      actionErrors: { [field]: { text: summary, visuallyHiddenText: request.t('layout.errorHidden') } },
      typed: { [field]: typeof body.reason === 'string' ? body.reason : '' },
    });
  }
};

export default practicePages;
