import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { capacityQuery } from '../../app/capacity/query.ts';
import { capacityAnswerWithLeaders, capacityFor } from '../../app/capacity/capacity.ts';
import { compiledSerializerCompiler } from '../http/compiled-serializer.ts';
import { withDataset, withDatasetSchema } from '../http/dataset.ts';
import { problemSchema, sendProblem } from '../http/problem.ts';

const area = z.object({
  code: z.string(),
  name: z.string(),
  highPerforming: z.number(),
  inNeed: z.number(),
  ratio: z
    .number()
    .nullable()
    .describe('High-performing schools per school in need; null when none is in need'),
  medianHighPerformingWithinRadius: z.number().nullable(),
  distribution: z.array(
    z.object({ label: z.string(), min: z.number(), max: z.number().nullable(), inNeed: z.number() }),
  ),
  inNeedOutOfReach: z.array(z.object({ urn: z.number(), name: z.string() })),
  inNeedNotLocated: z.number(),
  systemLeaders: z
    .number()
    .nullable()
    .describe('Published system-leader profiles whose school is in the area (of the phase, if given)'),
  systemLeaderDaysAvailable: z
    .number()
    .nullable()
    .describe(
      'Days those system leaders have left, from the current term to the end of their availability; null (as systemLeaders) while the database is unreachable',
    ),
});

/** Public: the figures are drawn from public data and name only schools. */
const capacityApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/capacity',
    {
      config: { heavy: true },
      serializerCompiler: compiledSerializerCompiler,
      schema: {
        tags: ['capacity'],
        summary:
          'High-performing and in-need schools, their ratio and reach, by country, region, local authority, constituency or (in Wales) regional consortium',
        querystring: capacityQuery,
        response: {
          200: withDatasetSchema(
            z.object({
              by: z.string(),
              phase: z.string().nullable(),
              radiusKm: z.number().nullable(),
              profile: z.object({ name: z.string(), title: z.string() }),
              total: area,
              items: z.array(area),
            }),
          ),
          400: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await capacityFor(ctx, request.query);
      return result.ok
        ? withDataset(app, await capacityAnswerWithLeaders(ctx, result.value))
        : sendProblem(request, reply, result.error);
    },
  );
};

export default capacityApi;
