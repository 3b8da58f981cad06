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
import { findPractice } from '../../app/practice/search.ts';
import { searchAreas } from '../../app/schools/search.ts';
import type { AppError } from '../../app/result.ts';
import { FOCUS_AREA_LABELS, FOCUS_AREAS } from '../../domain/focus-areas.ts';
import { EVIDENCE_SCALE, evidenceInfo } from '../../domain/practice/evidence.ts';
import { PRACTICE_PHASES } from '../../domain/practice/model.ts';
import { PARTNERSHIP_TYPE_LABELS, PARTNERSHIP_TYPES } from '../../domain/partnerships/model.ts';
import { PHASE_LABELS } from '../../domain/school.ts';
import { asList, formErrors, type FormErrors } from '../http/forms.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { idParams } from '../http/params.ts';
import { sendProblem } from '../http/problem.ts';
import { contentRows, contentValues, evidenceTag, formChoices, paragraphs, stateTag } from './presenters.ts';

const LIST_FIELDS = ['phases', 'pupilGroups', 'focusAreas'];
const TEXT_FIELDS = [
  'urn',
  'title',
  'summary',
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
  values: readonly T[],
  labels: Record<T, string>,
  chosen: unknown,
  any: string,
) => [
  { value: '', text: any },
  ...values.map((value) => ({ value, text: labels[value], selected: value === chosen })),
];

/** The library: search, a record's page, and a school's publishing and editing of its records. */
const practicePages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };

  app.get('/practice', async (request, reply) => {
    const parsed = practiceSearchQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : practiceSearchQuery.parse({});
    const [results, areas] = await Promise.all([findPractice(ctx, query), searchAreas(ctx)]);
    const raw = request.query as Record<string, unknown>;
    return reply.page('practice/search.njk', {
      title: 'Good practice',
      query,
      raw,
      results: {
        ...results,
        items: results.items.map((item) => ({ ...item, tag: evidenceTag(item.evidence.level) })),
      },
      ...formErrors(parsed.success ? [] : parsed.error),
      focusItems: select(FOCUS_AREAS, FOCUS_AREA_LABELS, query.focus[0], 'Any focus area'),
      phaseItems: select(PRACTICE_PHASES, PHASE_LABELS, query.phase, 'Any phase'),
      evidenceItems: [
        { value: '', text: 'Any evidence' },
        ...EVIDENCE_SCALE.map((l) => ({
          value: l.level,
          text: l.rank === 1 ? l.label : `${l.label} or stronger`,
          selected: l.level === query.evidence,
        })),
      ],
      typeItems: select(PARTNERSHIP_TYPES, PARTNERSHIP_TYPE_LABELS, query.type, 'Any way of working'),
      laItems: [
        { value: '', text: 'All local authorities' },
        ...areas.localAuthorities.map((a) => ({
          value: a.code,
          text: a.name,
          selected: a.code === query.la,
        })),
      ],
      regionItems: [
        { value: '', text: 'All regions' },
        ...areas.regions.map((a) => ({ value: a.code, text: a.name, selected: a.code === query.region })),
      ],
      canPublish: (request.user?.schools.length ?? 0) > 0,
    });
  });

  app.get('/practice/evidence', async (request, reply) =>
    reply.page('practice/evidence.njk', { title: 'How S2S rates evidence', scale: EVIDENCE_SCALE }),
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
        text: `${s.name} (URN ${s.urn})`,
        selected: String(s.urn) === page.values.urn,
      })),
      partnershipItems: partnerships.length ? [{ value: '', text: 'None' }, ...partnerships] : [],
      ...formChoices(page.values),
    });
  }

  app.get('/practice/new', signedIn, async (request, reply) =>
    formPage(request, reply, {
      action: '/practice',
      heading: 'Share your practice',
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
        { action: '/practice', heading: 'Share your practice', back: '/practice', values },
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
      rows: contentRows(v.content),
      text: {
        whatWeDid: paragraphs(v.content.whatWeDid),
        resources: paragraphs(v.content.resources),
        whatChanged: paragraphs(v.content.whatChanged),
        howWeKnow: paragraphs(v.content.howWeKnow),
      },
      evidenceInfo: evidenceInfo(v.evidence.level),
      evidenceTag: evidenceTag(v.evidence.level),
    });
    return reply.page('practice/show.njk', {
      title: shown.content.title,
      record,
      rights,
      shown: view(shown),
      pending: pending && { ...view(pending), stateTag: stateTag(record.workingState) },
      stateTag: stateTag(record.workingState),
      isPublic: record.publishedVersion !== null && !record.withdrawn,
      history,
      reports,
      flags: flags.map(describeFlag),
      ...extra,
    });
  }

  app.get('/practice/:id', async (request, reply) => {
    const found = await loadPage(request, reply);
    return found ? showPage(request, reply, found) : reply;
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
      heading: 'Change your practice record',
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
          heading: 'Change your practice record',
          back: `/practice/${id}`,
          values,
          fixedUrn: found.record.urn,
        },
        formErrors(edited.error, 'title'),
      );
    }
    return reply.redirect(`/practice/${found.record.id}`, 303);
  });

  app.post('/practice/:id/submit', signedIn, async (request, reply) => {
    const found = await loadPage(request, reply);
    if (!found) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const submitted = await submitPractice(ctx, requireUser(request), found.record.id, {
      version: Number(body.version),
      confirmNoPersonalData: body.confirmNoPersonalData === 'yes',
    });
    if (!submitted.ok) return submitProblem(request, reply, found, submitted.error);
    return reply.redirect(`/practice/${found.record.id}`, 303);
  });

  /** A refused submission on the record's page: personal data to check, or someone else's change. */
  function submitProblem(
    request: FastifyRequest,
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof loadPage>>>,
    error: AppError,
  ) {
    if (error.code === 'forbidden' || error.code === 'not-found') return sendProblem(request, reply, error);
    reply.code(error.code === 'conflict' ? 409 : 400);
    const messages = error.issues?.map((i) => i.message) ?? [error.message];
    return showPage(request, reply, found, {
      errors: messages.map((text) => ({ text, href: '#submit' })),
      submitError: {
        text:
          error.code === 'conflict' ? error.message : 'Check each passage, then confirm or change the record',
      },
    });
  }
};

export default practicePages;
