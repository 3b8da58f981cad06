import { clientSchoolText } from './presenters.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import {
  findSystemLeaders,
  leaderSummary,
  systemLeaderProfile,
  systemLeadersAnswer,
} from '../../app/leaders/directory.ts';
import { leaderQuery } from '../../app/leaders/query.ts';
import { withDataset, withDatasetSchema } from '../http/dataset.ts';
import { idParams } from '../http/params.ts';
import { problemSchema, sendProblem } from '../http/problem.ts';

/** A published leader as every public answer describes them (the map's layer too). */
export const leader = z.object({
  id: z.number(),
  name: z.string(),
  jobTitle: z.string(),
  school: z.object({ urn: z.number(), name: z.string() }).describe('The school the leader works from'),
  designations: z.array(
    z.object({
      code: z.string().describe('NLE, LLE, SLE or NLG'),
      verified: z.boolean().describe('Recorded by a platform administrator, not only stated by the person'),
    }),
  ),
  expertise: z.array(z.string()),
  phases: z.array(z.string()),
  daysAvailable: z.number().describe('Days free from the current term to the end of their availability'),
  travelKm: z.number().nullable(),
  worksRemotely: z.boolean(),
  example: z.boolean().describe('Made up for the demo (synthetic): no such person'),
});

const term = z.object({
  key: z.string(),
  label: z.string(),
  declared: z.number(),
  committed: z.number(),
  left: z.number(),
});

/** Public: only profiles their owners published, and what those owners chose to say. */
const leadersApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/system-leaders',
    {
      schema: {
        tags: ['system leaders'],
        summary:
          'Published system-leader profiles matching expertise, phase, designation, reach and availability, with reasons',
        querystring: leaderQuery,
        response: {
          200: withDatasetSchema(
            z.object({
              total: z.number(),
              limit: z.number(),
              offset: z.number(),
              near: z.object({ urn: z.number(), name: z.string() }).nullable(),
              items: z.array(
                leader.extend({
                  distanceKm: z.number().nullable().optional().describe('From the school named by near'),
                  reasons: z
                    .array(z.string())
                    .optional()
                    .describe('Why the leader matches each filter given'),
                }),
              ),
            }),
          ),
          400: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await findSystemLeaders(ctx, request.query);
      return result.ok
        ? withDataset(app, systemLeadersAnswer(result.value))
        : sendProblem(request, reply, result.error);
    },
  );

  app.get(
    '/api/system-leaders/:id',
    {
      schema: {
        tags: ['system leaders'],
        summary: 'One published system-leader profile with its availability by term',
        params: idParams,
        response: {
          200: withDatasetSchema(
            leader.extend({
              experience: z.string(),
              dayRatePounds: z.number().nullable(),
              freeWithin: z.enum(['trust', 'local-authority']).nullable(),
              availability: z.object({ daysPerTerm: z.number(), from: z.string(), to: z.string() }),
              terms: z.array(term),
              deploymentsThroughS2s: z
                .array(
                  z.object({
                    days: z.number(),
                    start: z.string(),
                    end: z.string(),
                    school: z.string().describe('The client school by phase and area, not by name'),
                  }),
                )
                .describe('Deployments the leader accepted through S2S'),
            }),
          ),
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await systemLeaderProfile(ctx, request.user, request.params.id);
      if (!result.ok) return sendProblem(request, reply, result.error);
      const { profile, capacity, deployments } = result.value;
      return withDataset(app, {
        ...leaderSummary(profile, capacity),
        experience: profile.experience,
        dayRatePounds: profile.dayRatePounds,
        freeWithin: profile.freeWithin,
        availability: profile.availability,
        terms: capacity.terms.map(({ key, label, declared, committed, left }) => ({
          key,
          label,
          declared,
          committed,
          left,
        })),
        // The API's words are English, as published.
        deploymentsThroughS2s: deployments.map((d) => ({ ...d, school: clientSchoolText(d.school, 'en') })),
      });
    },
  );
};

export default leadersApi;
