import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { cycleListQuery, cycleListSchema, listCyclesFor } from '../../app/peer-review/cycles.ts';
import { listPeerReviewFrameworks, peerReviewFramework } from '../../app/peer-review/frameworks.ts';
import { peerReviewSummary, summaryAnswerSchema, summaryQuery } from '../../app/peer-review/summary.ts';
import { withDataset, withDatasetSchema } from '../http/dataset.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { sendProblem } from '../http/problem.ts';

/** Peer review as JSON: the frameworks and the system's anonymised figures (public), a person's cycles (private). */
const peerReviewApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/peer-review/frameworks',
    {
      schema: {
        tags: ['peer review'],
        summary: 'The peer-review frameworks on hand (newest versions), in brief',
        response: {
          200: withDatasetSchema(
            z.object({
              total: z.number(),
              limit: z.number(),
              offset: z.number(),
              items: z.array(
                z.object({
                  id: z.string(),
                  version: z.number(),
                  title: z.string(),
                  summary: z.string(),
                  models: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
                  sources: z.array(
                    z.object({
                      citation: z.string(),
                      url: z.string().optional(),
                      note: z.string().optional(),
                    }),
                  ),
                }),
              ),
            }),
          ),
        },
      },
    },
    async () => withDataset(app, await listPeerReviewFrameworks()),
  );

  app.get(
    '/api/peer-review/frameworks/:id',
    {
      schema: {
        tags: ['peer review'],
        summary: 'One framework in full: areas with prompts and evidence types, the judgement scale, sources',
        params: z.object({ id: z.string().max(100) }),
        querystring: z.object({ version: z.coerce.number().int().positive().max(10_000).optional() }),
      },
    },
    async (request, reply) => {
      const result = await peerReviewFramework(request.params.id, request.query.version);
      return result.ok ? withDataset(app, result.value) : sendProblem(request, reply, result.error);
    },
  );

  app.get(
    '/api/peer-review/cycles',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['peer review'],
        summary:
          'Review cycles of the groups your schools agreed to join, and those you review in or moderate; newest first',
        querystring: cycleListQuery,
        response: { 200: cycleListSchema },
      },
    },
    async (request) => listCyclesFor(ctx, requireUser(request), request.query),
  );

  app.get(
    '/api/peer-review/summary',
    {
      schema: {
        tags: ['peer review'],
        summary:
          'Anonymised figures by country, region or local authority: schools in review cycles, areas found strong and to develop, support found within a term; withheld below a threshold of schools',
        querystring: summaryQuery,
        response: { 200: withDatasetSchema(summaryAnswerSchema) },
      },
    },
    async (request) => withDataset(app, await peerReviewSummary(ctx, request.query.by)),
  );
};

export default peerReviewApi;
