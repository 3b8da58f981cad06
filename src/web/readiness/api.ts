import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentDocument, assessmentsFor } from '../../app/readiness/assessments.ts';
import { withDataset } from '../http/dataset.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { sendApiProblem } from '../http/problem.ts';
import { openFor, type ReadinessDeps } from './load.ts';

/** Readiness as JSON: the frameworks (public) and an assessment's report (its readers only). */
const readinessApi: FastifyPluginAsync<ReadinessDeps> = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { catalogue } = deps;

  app.get(
    '/api/readiness/frameworks',
    { schema: { tags: ['readiness'], summary: 'The readiness frameworks on hand (newest versions)' } },
    async () => {
      const items = catalogue
        .current()
        .map(({ id, version, title, summary, audience, appliesTo, sources }) => ({
          id,
          version,
          title,
          summary,
          audience,
          appliesTo,
          sources,
        }));
      return withDataset(app, { total: items.length, limit: items.length, offset: 0, items });
    },
  );

  app.get(
    '/api/readiness/frameworks/:id',
    {
      schema: {
        tags: ['readiness'],
        summary: 'One framework in full: sections, items, scale, guidance and sources',
        params: z.object({ id: z.string() }),
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request, reply) => {
      const framework = catalogue.find(request.params.id, request.query.version);
      if (!framework) {
        return sendApiProblem(reply, 404, `No framework "${request.params.id}"`);
      }
      return withDataset(app, framework);
    },
  );

  app.get(
    '/api/readiness/assessments',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['readiness'],
        summary: 'Assessments of your schools and those shared with you, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const all = await assessmentsFor(deps.ctx, requireUser(request));
      const items = all.slice(offset, offset + limit).map((a) => ({
        id: a.id,
        urn: a.urn,
        schoolName: a.schoolName,
        framework: { id: a.frameworkId, version: a.frameworkVersion },
        partnershipType: a.partnershipType,
        status: a.status,
        startedAt: a.startedAt.toISOString(),
        completedAt: a.completedAt?.toISOString() ?? null,
        ownSchool: a.ownSchool,
      }));
      return { total: all.length, limit, offset, items };
    },
  );

  app.get(
    '/api/readiness/assessments/:id',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['readiness'],
        summary: 'An assessment’s scored report: sections, strengths, ranked gaps, answers and action plan',
        params: z.object({ id: z.string() }),
      },
    },
    async (request, reply) => {
      const opened = await openFor(deps, request, reply, 'read');
      if (!opened) return reply;
      return assessmentDocument(deps.ctx, opened);
    },
  );
};

export default readinessApi;
