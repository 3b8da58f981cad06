import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { today, type AppContext } from '../../app/context.ts';
import { allocationAnswerSchema, partnersAnswerSchema } from '../../app/matching/answers.ts';
import { allocationPage, allocationQuery } from '../../app/matching/allocations.ts';
import { isWidePartnerSearch, partnersFor } from '../../app/matching/partners.ts';
import { partnersQuery } from '../../app/matching/query.ts';
import { AnswerCache } from '../http/answer-cache.ts';
import { compiledSerializerCompiler } from '../http/compiled-serializer.ts';
import { withDataset, withDatasetSchema } from '../http/dataset.ts';
import { urnParams } from '../http/params.ts';
import { problemSchema, sendProblem } from '../http/problem.ts';

/**
 * Partner searches answered again without searching: up to 7 KB each with their reasons (3 KB
 * without), so 500 of them fit in the 4 MB kept for them. The oldest written goes first, so a run
 * over more different searches than this finds none kept.
 */
export const PARTNER_ANSWERS_KEPT = 500;
const PARTNER_ANSWER_BYTES = 4 * 2 ** 20;

/** An answer already written by the route's serialiser, sent as it is with the type it gives. */
const sendWritten = (reply: FastifyReply, answer: string | Buffer) =>
  reply.type('application/json; charset=utf-8').send(answer);

/**
 * Partner search and the national allocation. Both read only published data about schools, so
 * they are open to everyone, like the school profiles they come from.
 */
const matchingApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const answers = new AnswerCache(PARTNER_ANSWERS_KEPT, PARTNER_ANSWER_BYTES);

  app.get(
    '/api/schools/:urn/partners',
    {
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
      // The answer rests on the snapshot, the data's provenance and the day (a sponsorship's
      // recency): the same request on the same basis gets the answer already written.
      // Without the provenance (the database gone) nothing written is served, nor kept.
      const info = await app.datasetInfo().catch(() => undefined);
      const basis = [await ctx.snapshots.get(), info?.provenance, today(ctx)];
      const key = `${request.language} ${request.url}`;
      const written = answers.get(key, basis);
      if (written !== undefined) return sendWritten(reply, written);
      const { urn } = request.params;
      if (await isWidePartnerSearch(ctx, urn, request.query.radiusKm)) await app.countHeavy(request, reply);
      const result = await partnersFor(ctx, urn, request.query);
      if (!result.ok) return sendProblem(request, reply, result.error);
      const answer = reply.serialize(await withDataset(app, result.value)) as string;
      // Kept once on its way: the copy into the cache's memory (about a tenth of the route's own
      // time) is then no part of what the client waits for.
      const sent = sendWritten(reply, answer);
      answers.set(key, basis, answer);
      return sent;
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
