import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  completeAssessment,
  createAssessment,
  listSchoolAssessments,
  listSharedWith,
  saveAnswers,
} from '../../data/readiness.ts';
import { getSchoolNames } from '../../data/school-names.ts';
import type { SessionUser } from '../../domain/access.ts';
import { planFromGaps } from '../../domain/readiness/action-plan.ts';
import { rankGaps } from '../../domain/readiness/gaps.ts';
import { PARTNERSHIP_TYPES, PARTNERSHIP_TYPE_LABELS } from '../../domain/partnerships/model.ts';
import { sectionProgress } from '../../domain/readiness/progress.ts';
import { answersByItem, scoreAssessment, type Answer } from '../../domain/readiness/scoring.ts';
import { requireSignedIn } from '../http/guards.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';
import { openAssessment, type Opened, type ReadinessDeps } from './load.ts';
import { answerForm, EVIDENCE_MAX, sectionFormSchema } from './section-form.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The questionnaire: start an assessment, answer it section by section, check and complete it. */
const questionnaire: FastifyPluginAsync<ReadinessDeps> = async (app, deps) => {
  const { db, catalogue } = deps;
  app.addHook('preHandler', requireSignedIn);

  const startSchema = z.object({
    urn: z.coerce.number({ error: 'Choose the school' }).int().positive('Choose the school'),
    frameworkId: z.enum(
      catalogue.current().map((f) => f.id) as [string, ...string[]],
      'Choose what to assess your school against',
    ),
    partnershipType: z.enum(PARTNERSHIP_TYPES, 'Choose the kind of partnership you are considering'),
  });

  app.get('/readiness', async (request, reply) => renderHub(request.user!, reply));

  async function renderHub(
    user: SessionUser,
    reply: FastifyReply,
    form: FormErrors = { errors: [], fieldErrors: {} },
    values: Record<string, unknown> = {},
  ) {
    const urns = user.schools.map((s) => s.urn);
    const names = await getSchoolNames(db, urns);
    const own = (await Promise.all(urns.map((urn) => listSchoolAssessments(db, urn)))).flat();
    const shared = await listSharedWith(db, { urns, organisationIds: user.organisations.map((o) => o.id) });
    const title = (id: string, version: number) => catalogue.find(id, version)?.title ?? id;
    const row = (a: (typeof own)[number]) => ({
      ...a,
      frameworkTitle: title(a.frameworkId, a.frameworkVersion),
      considering: PARTNERSHIP_TYPE_LABELS[a.partnershipType],
      when: isoDay(a.completedAt ?? a.startedAt),
    });
    return reply.page('readiness/hub.njk', {
      title: 'Readiness for collaboration',
      schools: urns.map((urn) => ({ urn, name: names.get(urn) ?? `URN ${urn}` })),
      frameworks: catalogue.current(),
      partnershipTypes: PARTNERSHIP_TYPES.map((t) => ({ value: t, text: PARTNERSHIP_TYPE_LABELS[t] })),
      own: own.map(row),
      shared: shared.filter((a) => !urns.includes(a.urn)).map(row),
      values,
      ...form,
    });
  }

  app.post('/readiness/assessments', async (request, reply) => {
    const user = request.user!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = startSchema.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return renderHub(user, reply, formErrors(parsed.error), body);
    }
    const { urn, frameworkId, partnershipType } = parsed.data;
    const framework = catalogue.find(frameworkId)!;
    const problem = !user.schools.some((s) => s.urn === urn)
      ? { field: 'urn', text: 'Choose a school you are a member of' }
      : !framework.appliesTo.includes(partnershipType)
        ? {
            field: 'partnershipType',
            text: `${framework.title} is for ${framework.appliesTo.map((t) => PARTNERSHIP_TYPE_LABELS[t].toLowerCase()).join(' or ')}`,
          }
        : undefined;
    if (problem) {
      reply.code(400);
      return renderHub(
        user,
        reply,
        {
          errors: [{ text: problem.text, href: `#${problem.field}` }],
          fieldErrors: { [problem.field]: { text: problem.text } },
        },
        body,
      );
    }
    const id = await createAssessment(db, {
      urn,
      frameworkId,
      frameworkVersion: framework.version,
      partnershipType,
      startedBy: user.id,
    });
    return reply.redirect(`/readiness/assessments/${id}`, 303);
  });

  app.get('/readiness/assessments/:id', async (request, reply) => {
    const opened = await openAssessment(deps, request, reply, 'read');
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
      considering: PARTNERSHIP_TYPE_LABELS[assessment.partnershipType],
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
    const answers = answersByItem(typed ?? assessment.answers);
    return reply.page('readiness/section.njk', {
      title: section.title,
      assessment,
      framework,
      section,
      position: { number: index + 1, of: framework.sections.length },
      items: section.items.map((item) => answerForm(framework, item, answers.get(item.id), form.fieldErrors)),
      evidenceMax: EVIDENCE_MAX,
      ...form,
    });
  }

  const sectionOf = (opened: { framework: { sections: { id: string }[] } }, sectionId: string) =>
    opened.framework.sections.some((s) => s.id === sectionId);

  app.get('/readiness/assessments/:id/sections/:sectionId', async (request, reply) => {
    const opened = await openAssessment(deps, request, reply, 'answer');
    if (!opened) return reply;
    const { sectionId } = request.params as { sectionId: string };
    if (!sectionOf(opened, sectionId)) return reply.callNotFound();
    if (opened.assessment.status === 'completed') {
      return reply.redirect(`/readiness/assessments/${opened.assessment.id}/report`, 303);
    }
    return renderSection(opened, sectionId, reply);
  });

  app.post('/readiness/assessments/:id/sections/:sectionId', async (request, reply) => {
    const opened = await openAssessment(deps, request, reply, 'answer');
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
    const result = await saveAnswers(db, assessment.id, parsed.data);
    if (!result.ok) {
      reply.code(409);
      return reply.page('layout/errors/400.njk', {
        message:
          'This assessment has been completed, so its answers can no longer be changed. Start a new one to record changes.',
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
      title: 'Check your answers',
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
    const opened = await openAssessment(deps, request, reply, 'answer');
    if (!opened) return reply;
    if (opened.assessment.status === 'completed') {
      return reply.redirect(`/readiness/assessments/${opened.assessment.id}/report`, 303);
    }
    return renderCheck(opened, reply);
  });

  app.post('/readiness/assessments/:id/complete', async (request, reply) => {
    const opened = await openAssessment(deps, request, reply, 'answer');
    if (!opened) return reply;
    const { assessment, framework } = opened;
    const { unanswered } = scoreAssessment(framework, assessment.answers);
    if (unanswered.length > 0) {
      reply.code(400);
      return renderCheck(
        opened,
        reply,
        unanswered.map((u) => ({
          text: `Rate “${u.item.question}” before completing the assessment`,
          href: `/readiness/assessments/${assessment.id}/sections/${u.sectionId}#rating-${u.item.id}`,
        })),
      );
    }
    const now = new Date();
    const plan = planFromGaps(rankGaps(framework, assessment.answers, assessment.partnershipType), {
      startedOn: isoDay(now),
    });
    const result = await completeAssessment(db, assessment.id, now, plan, request.user);
    if (!result.ok && result.reason === 'not-found') return reply.callNotFound();
    return reply.redirect(`/readiness/assessments/${assessment.id}/report`, 303);
  });
};

export default questionnaire;
