import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { allocationAnswerSchema, partnersAnswerSchema } from '../../app/matching/answers.ts';
import { allocationPage, allocationQuery } from '../../app/matching/allocations.ts';
import { partnersFor } from '../../app/matching/partners.ts';
import { partnersQuery } from '../../app/matching/query.ts';
import { compiledSerializerCompiler } from '../http/compiled-serializer.ts';
import { withDataset, withDatasetSchema } from '../http/dataset.ts';
import { urnParams } from '../http/params.ts';
import { problemSchema, sendProblem } from '../http/problem.ts';

/**
 * Partner search and the national allocation. Both read only published data about schools, so
 * they are open to everyone, like the school profiles they come from.
 */
const matchingApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/schools/:urn/partners',
    {
      config: { heavy: true },
      serializerCompiler: compiledSerializerCompiler,
      schema: {
        tags: ['matching'],
        summary: 'Ranked, explained candidate partners for one school',
        params: urnParams,
        querystring: partnersQuery,
        response: {
          200: withDatasetSchema(partnersAnswerSchema),
          400: problemSchema,
          404: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await partnersFor(ctx, request.params.urn, request.query);
      return result.ok ? withDataset(app, result.value) : sendProblem(request, reply, result.error);
    },
  );

  app.get(
    '/api/allocations',
    {
      config: { heavy: true },
      serializerCompiler: compiledSerializerCompiler,
      schema: {
        tags: ['matching'],
        summary: 'The national allocation: a supporter for every school in need that can have one',
        querystring: allocationQuery,
        response: {
          200: withDatasetSchema(allocationAnswerSchema),
          400: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await allocationPage(ctx, request.query);
      return result.ok ? withDataset(app, result.value) : sendProblem(request, reply, result.error);
    },
  );
};

export default matchingApi;
