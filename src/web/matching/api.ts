import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SCHOOL_GROUPS } from '../../domain/classification/types.ts';
import { searchPartners, unknownProfile } from '../../domain/snapshot.ts';
import type { AppDeps } from '../app.ts';
import { partnersQuery } from '../../app/matching/query.ts';

const location = z.object({ lat: z.number(), lon: z.number() });
const candidate = z.object({
  urn: z.number(),
  name: z.string(),
  phase: z.string(),
  group: z.enum(SCHOOL_GROUPS),
  distanceKm: z.number(),
  score: z.number(),
  remote: z.boolean(),
  reasons: z.array(z.string()),
  location,
});
const profileRef = z.object({ name: z.string(), version: z.number() });
const error = z.object({ error: z.string(), message: z.string() });

const errorStatus = { 'unknown-school': 404, 'no-location': 422, 'unknown-profile': 400 } as const;
const problem = (reply: FastifyReply, status: 400 | 404 | 422, message: string) =>
  reply.code(status).send({
    error: status === 404 ? 'Not Found' : status === 400 ? 'Bad Request' : 'Unprocessable Entity',
    message,
  });

/**
 * Partner search and the national allocation. Both read only published data about schools, so
 * they are open to everyone, like the school profiles they come from.
 */
const matchingApi: FastifyPluginAsync<AppDeps> = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/schools/:urn/partners',
    {
      schema: {
        tags: ['matching'],
        summary: 'Ranked, explained candidate partners for one school',
        params: z.object({ urn: z.coerce.number().int().positive() }),
        querystring: partnersQuery,
        response: {
          200: z.object({
            school: z.object({
              urn: z.number(),
              name: z.string(),
              phase: z.string(),
              group: z.enum(SCHOOL_GROUPS),
              sufficientEvidence: z.boolean(),
              reasons: z.array(z.string()),
              location,
            }),
            profile: profileRef,
            strategy: z.string(),
            radiusKm: z.number(),
            candidates: z.array(candidate),
          }),
          400: error,
          404: error,
          422: error,
        },
      },
    },
    async (request, reply) => {
      const { profile, ...query } = request.query;
      const snapshot = await app.snapshots.get();
      const result = searchPartners(snapshot, request.params.urn, query, profile);
      if (!result.ok) return problem(reply, errorStatus[result.error], result.message);
      const { school } = result;
      return {
        school: {
          urn: school.school.urn,
          name: school.school.name,
          phase: school.school.phase,
          group: school.classification.group,
          sufficientEvidence: school.classification.sufficientEvidence,
          reasons: school.classification.reasons.map((r) => r.text),
          location: school.school.location!,
        },
        profile: { name: result.profile.name, version: result.profile.version },
        strategy: query.strategy,
        radiusKm: result.radiusKm,
        candidates: result.candidates,
      };
    },
  );

  app.get(
    '/api/allocations',
    {
      schema: {
        tags: ['matching'],
        summary: 'The national allocation: a supporter for every school in need that can have one',
        querystring: z.object({
          profile: z.string().trim().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            profile: profileRef,
            summary: z.object({
              inNeed: z.number(),
              supported: z.number(),
              unsupported: z.number(),
              remote: z.number(),
              supporters: z.number(),
            }),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
            items: z.array(
              z.object({
                urn: z.number(),
                name: z.string(),
                supporterUrn: z.number(),
                supporterName: z.string(),
                distanceKm: z.number(),
                score: z.number(),
                remote: z.boolean(),
                reasons: z.array(z.string()),
              }),
            ),
            unsupported: z.array(
              z.object({ urn: z.number(), name: z.string(), reason: z.string(), text: z.string() }),
            ),
          }),
          400: error,
        },
      },
    },
    async (request, reply) => {
      const { profile, limit, offset } = request.query;
      const snapshot = await app.snapshots.get();
      const view = snapshot.view(profile);
      if (!view) return problem(reply, 400, unknownProfile(snapshot, profile).message);
      const allocation = view.allocation();
      return {
        profile: { name: view.profile.name, version: view.profile.version },
        summary: allocation.summary,
        total: allocation.assignments.length,
        limit,
        offset,
        items: allocation.assignments.slice(offset, offset + limit),
        unsupported: allocation.unsupported,
      };
    },
  );
};

export default matchingApi;
