import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { answersCsv } from '../../app/readiness/export.ts';
import { levelLabel } from '../../domain/readiness/framework.ts';
import { comparePair } from '../../domain/readiness/pairing.ts';
import { PARTNERSHIP_TYPES } from '../../domain/partnerships/model.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { openFor, type ReadinessDeps } from './load.ts';
import { reportView } from './report-view.ts';

const reportQuery = z.object({ type: z.enum(PARTNERSHIP_TYPES).optional() });

/** The scored report (page, print and CSV) and the paired view of a deployment. */
const report: FastifyPluginAsync<ReadinessDeps> = async (app, deps) => {
  app.addHook('preHandler', requireSignedIn);

  app.get('/readiness/assessments/:id/report', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'read');
    if (!opened) return reply;
    const query = reportQuery.safeParse(request.query);
    const asked = query.success ? query.data.type : undefined;
    const type =
      asked && opened.framework.appliesTo.includes(asked) ? asked : opened.assessment.partnershipType;
    return reply.page(
      'readiness/report.njk',
      await reportView(deps.ctx, deps.catalogue, opened, requireUser(request), type, request.language),
    );
  });

  app.get('/readiness/assessments/:id/answers.csv', async (request, reply) => {
    const opened = await openFor(deps, request, reply, 'read');
    if (!opened) return reply;
    const { assessment, framework } = opened;
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="readiness-${assessment.urn}-${framework.id}-${assessment.id}.csv"`,
      )
      .send(answersCsv(framework, assessment.answers, request.t));
  });

  app.get('/readiness/assessments/:id/compare/:otherId', async (request, reply) => {
    const ours = await openFor(deps, request, reply, 'read');
    if (!ours) return reply;
    const theirs = await openFor(deps, request, reply, 'read', 'otherId');
    if (!theirs) return reply;
    if (ours.framework.pair?.with !== theirs.framework.id) {
      reply.code(400);
      return reply.page('layout/errors/400.njk', { message: request.t('readiness.compare.notAPair') });
    }
    const notRated = request.t('readiness.notRated');
    const rows = comparePair(
      { framework: ours.framework, answers: ours.assessment.answers },
      { framework: theirs.framework, answers: theirs.assessment.answers },
    ).map((r) => ({
      ...r,
      ourLabel: r.ours.rating === null ? notRated : levelLabel(ours.framework, r.ours.rating),
      theirLabel: r.theirs.rating === null ? notRated : levelLabel(theirs.framework, r.theirs.rating),
    }));
    return reply.page('readiness/compare.njk', {
      ours,
      theirs,
      rows,
      disagreements: rows.filter((r) => r.disagree).length,
      threshold: ours.framework.pair.disagreementAtLeast,
    });
  });
};

export default report;
