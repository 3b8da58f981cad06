import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { capacityQuery } from '../../app/capacity/query.ts';
import { profileNameSchema } from '../../app/input.ts';
import { leaderPoints } from '../../app/map/leaders.ts';
import { mapPlaces } from '../../app/map/places.ts';
import { mapPoints } from '../../app/map/points.ts';
import { withDataset, withDatasetSchema } from '../http/dataset.ts';
import { sendProblem } from '../http/problem.ts';
import { leader } from '../leaders/api.ts';
import { sendCompressible } from './compressed.ts';

/** Public: every school's place, phase and group, as compact binary points for the map. */
const mapApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/map/schools',
    {
      schema: {
        tags: ['map'],
        summary: 'Every located open school as binary points (see src/geo/point-codec.ts)',
        querystring: z.object({ profile: profileNameSchema }),
      },
    },
    async (request, reply) => {
      const points = await mapPoints(ctx, request.query.profile);
      if (!points.ok) return sendProblem(request, reply, points.error);
      return sendCompressible(request, reply, 'application/octet-stream', points.value);
    },
  );

  app.get(
    '/api/map/places',
    {
      schema: {
        tags: ['map'],
        summary: 'Towns to label the map with, from the registry: the biggest first',
      },
    },
    async () => withDataset(fastify, { items: await mapPlaces(ctx) }),
  );

  app.get(
    '/api/map/system-leaders',
    {
      schema: {
        tags: ['map', 'system leaders'],
        summary:
          'Published system leaders as GeoJSON points at the school each works from (only those working with a phase, if given)',
        querystring: z.object({ phase: capacityQuery.shape.phase }),
        response: {
          200: withDatasetSchema(
            z.object({
              type: z.literal('FeatureCollection'),
              features: z.array(
                z.object({
                  type: z.literal('Feature'),
                  id: z.number(),
                  geometry: z.object({
                    type: z.literal('Point'),
                    coordinates: z.tuple([z.number(), z.number()]).describe('Longitude and latitude'),
                  }),
                  properties: leader,
                }),
              ),
            }),
          ),
        },
      },
    },
    async (request) => withDataset(fastify, await leaderPoints(ctx, request.query.phase ?? null)),
  );
};

export default mapApi;
