import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Opened } from '../../app/readiness/access.ts';
import {
  assessmentsFor,
  completeOpened,
  ownSchools,
  saveSection,
  startAssessment,
} from '../../app/readiness/assessments.ts';
import type { SessionUser } from '../../domain/access.ts';
import { translateMessage } from '../../i18n/index.ts';
import { PARTNERSHIP_TYPES, PARTNERSHIP_TYPE_LABELS } from '../../domain/partnerships/model.ts';
import { sectionProgress } from '../../domain/readiness/progress.ts';
import { answersByItem, scoreAssessment, type Answer } from '../../domain/readiness/scoring.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { fieldErrorsIn, formErrors, type FormErrors } from '../http/forms.ts';
import { frameworkTitleIn, openFor, type ReadinessDeps } from './load.ts';
import { localiseFramework } from '../../domain/readiness/localise.ts';
import { answerForm, EVIDENCE_MAX, sectionFormSchema } from './section-form.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The questionnaire: start an assessment, answer it section by section, check and complete it. */
const questionnaire: FastifyPluginAsync<ReadinessDeps> = async (app, deps) => {
  const { ctx, catalogue } = deps;
  app.addHook('preHandler', requireSignedIn);

  const startSchema = z.object({
    urn: z.coerce.number({ error: 'Choose the school' }).int().positive('Choose the school'),
    frameworkId: z.enum(
      catalogue.current().map((f) => f.id) as [string, ...string[]],
      'Choose what to assess your school against',
    ),
    partnershipType: z.enum(PARTNERSHIP_TYPES, 'Choose the kind of partnership you are considering'),
  });

  app.get('/readiness', async (request, reply) => renderHub(requireUser(request), reply));

  async function renderHub(
    user: SessionUser,
    reply: FastifyReply,
    form: FormErrors = { errors: [], fieldErrors: {} },
    values: Record<string, unknown> = {},
  ) {
    const all = await assessmentsFor(ctx, user);
    const language = reply.request.language;
    const row = (a: (typeof all)[number]) => ({
      ...a,
      ...frameworkTitleIn(catalogue, language, a.frameworkId, a.frameworkVersion),
      considering: translateMessage(reply.request.language, {
        message: PARTNERSHIP_TYPE_LABELS[a.partnershipType],
      }),
      when: isoDay(a.completedAt ?? a.startedAt),
    });
    return reply.page('readiness/hub.njk', {
      title: reply.request.t('readiness.hub.title'),
      schools: await ownSchools(ctx, user),
      frameworks: catalogue.current().map((f) => localiseFramework(f, language)),
      partnershipTypes: PARTNERSHIP_TYPES.map((t) => ({
        value: t,
        text: translateMessage(reply.request.language, { message: PARTNERSHIP_TYPE_LABELS[t] }),
      })),
      own: all.filter((a) => a.ownSchool).map(row),
      shared: all.filter((a) => !a.ownSchool).map(row),
      values,
      ...form,
    });
  }

  app.post('/readiness/assessments', async (request, reply) => {
    const user = requireUser(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = startSchema.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return renderHub(user, reply, formErrors(parsed.error), body);
    }
    const started = await startAssessment(ctx, user, parsed.data);
    if (!started.ok) {
      reply.code(400);
      return renderHub(user, reply, formErrors(started.error), body);
    }
    return reply.redirect(`/readiness/assessments/${started.value.id}`, 303);
  });

  app.get('/readiness/assessments/:id', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'read');
    if (!opened) return reply;
    const { assessment, framework, access } = opened;
    if (assessment.status === 'completed' || access === 'read') {
      return reply.redirect(`/readiness/assessments/${assessment.id}/report`, 303);
    }
    const progress = sectionProgress(framework, assessment.answers);
    return reply.page('readiness/task-list.njk', {
      title: framework.title,
      assessment,
      framework,
      considering: translateMessage(request.language, {
        message: PARTNERSHIP_TYPE_LABELS[assessment.partnershipType],
      }),
      progress,
      allRated: progress.every((p) => p.status === 'completed'),
      saved: (request.query as { saved?: string }).saved === '1',
    });
  });

  async function renderSection(
    opened: Opened,
    sectionId: string,
    reply: FastifyReply,
    form: FormErrors = { errors: [], fieldErrors: {} },
    typed?: Answer[],
  ) {
    const { assessment, framework } = opened;
    const index = framework.sections.findIndex((s) => s.id === sectionId);
    const section = framework.sections[index]!;
    // The section's items show each field's error themselves, so it is put in the reader's language here.
    const shownErrors = fieldErrorsIn(reply.request.language, form.fieldErrors);
    const answers = answersByItem(typed ?? assessment.answers);
    return reply.page('readiness/section.njk', {
      title: section.title,
      assessment,
      framework,
      section,
      position: { number: index + 1, of: framework.sections.length },
      items: section.items.map((item) => answerForm(framework, item, answers.get(item.id), shownErrors)),
      evidenceMax: EVIDENCE_MAX,
      ...form,
    });
  }

  const sectionOf = (opened: { framework: { sections: { id: string }[] } }, sectionId: string) =>
    opened.framework.sections.some((s) => s.id === sectionId);

  app.get('/readiness/assessments/:id/sections/:sectionId', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'answer');
    if (!opened) return reply;
    const { sectionId } = request.params as { sectionId: string };
    if (!sectionOf(opened, sectionId)) return reply.callNotFound();
    if (opened.assessment.status === 'completed') {
      return reply.redirect(`/readiness/assessments/${opened.assessment.id}/report`, 303);
    }
    return renderSection(opened, sectionId, reply);
  });

  app.post('/readiness/assessments/:id/sections/:sectionId', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'answer');
    if (!opened) return reply;
    const { sectionId } = request.params as { sectionId: string };
    if (!sectionOf(opened, sectionId)) return reply.callNotFound();
    const { assessment, framework } = opened;
    const section = framework.sections.find((s) => s.id === sectionId)!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = sectionFormSchema(framework, section).safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      const typed = section.items.map((it) => ({
        itemId: it.id,
        rating: Number(body[`rating-${it.id}`]) || null,
        evidence: typeof body[`evidence-${it.id}`] === 'string' ? (body[`evidence-${it.id}`] as string) : '',
      }));
      return renderSection(opened, sectionId, reply, formErrors(parsed.error), typed);
    }
    const saved = await saveSection(ctx, opened, parsed.data);
    if (!saved.ok) {
      reply.code(409);
      return reply.page('layout/errors/400.njk', {
        message: translateMessage(request.language, saved.error),
      });
    }
    const index = framework.sections.findIndex((s) => s.id === sectionId);
    const next = framework.sections[index + 1];
    const base = `/readiness/assessments/${assessment.id}`;
    if (body.action === 'save-and-return' || !next) return reply.redirect(`${base}?saved=1`, 303);
    return reply.redirect(`${base}/sections/${next.id}`, 303);
  });

  async function renderCheck(opened: Opened, reply: FastifyReply, errors: FormErrors['errors'] = []) {
    const { assessment, framework } = opened;
    const answers = answersByItem(assessment.answers);
    return reply.page('readiness/check.njk', {
      assessment,
      framework,
      sections: framework.sections.map((s) => ({
        ...s,
        items: s.items.map((item) => answerForm(framework, item, answers.get(item.id), {})),
      })),
      errors,
    });
  }

  app.get('/readiness/assessments/:id/check', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'answer');
    if (!opened) return reply;
    if (opened.assessment.status === 'completed') {
      return reply.redirect(`/readiness/assessments/${opened.assessment.id}/report`, 303);
    }
    return renderCheck(opened, reply);
  });

  app.post('/readiness/assessments/:id/complete', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'answer');
    if (!opened) return reply;
    const { assessment, framework } = opened;
    const { unanswered } = scoreAssessment(framework, assessment.answers);
    if (unanswered.length > 0) {
      reply.code(400);
      return renderCheck(
        opened,
        reply,
        unanswered.map((u) => ({
          text: translateMessage(request.language, {
            message: `Rate “${u.item.question}” before completing the assessment`,
            template: 'Rate “{{question}}” before completing the assessment',
            values: { question: u.item.question },
          }),
          href: `/readiness/assessments/${assessment.id}/sections/${u.sectionId}#rating-${u.item.id}`,
        })),
      );
    }
    const completed = await completeOpened(ctx, requireUser(request), opened);
    if (!completed.ok) return reply.callNotFound();
    return reply.redirect(`/readiness/assessments/${assessment.id}/report`, 303);
  });
};

export default questionnaire;
