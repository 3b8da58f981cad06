import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import {
  evidenceLevelsSchema,
  practiceListSchema,
  practiceRecordSchema,
} from '../../app/practice/answers.ts';
import { practiceSearchQuery } from '../../app/practice/input.ts';
import { practiceRecordAnswer } from '../../app/practice/record-answer.ts';
import { evidenceLevels, findPractice } from '../../app/practice/search.ts';
import { withDataset, withDatasetSchema } from '../http/dataset.ts';
import { idParams } from '../http/params.ts';
import { problemSchema, sendProblem } from '../http/problem.ts';

/** The library as JSON: search, one record, and the published scale of evidence strength. */
const practiceApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/practice',
    {
      schema: {
        tags: ['practice'],
        summary:
          'Search published practice: full text (title, summary, account) and filters; evidence means "at least"; ranked by match and evidence strength',
        querystring: practiceSearchQuery,
        response: { 200: withDatasetSchema(practiceListSchema) },
      },
    },
    async (request) => withDataset(app, await findPractice(ctx, request.query)),
  );

  app.get(
    '/api/practice/evidence-levels',
    {
      schema: {
        tags: ['practice'],
        summary: 'The published scale of evidence strength, weakest first',
        response: { 200: withDatasetSchema(evidenceLevelsSchema) },
      },
    },
    async () => withDataset(app, evidenceLevels()),
  );

  app.get(
    '/api/practice/:id',
    {
      schema: {
        tags: ['practice'],
        summary:
          'One practice record: its published version, with the evidence S2S found (a draft only for its school and moderators)',
        params: idParams,
        response: { 200: withDatasetSchema(practiceRecordSchema), 404: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await practiceRecordAnswer(ctx, request.user, request.params.id);
      return result.ok ? withDataset(app, result.value) : sendProblem(request, reply, result.error);
    },
  );
};

export default practiceApi;
