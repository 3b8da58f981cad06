import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { profileNameSchema } from '../../app/input.ts';
import { mapPlaces } from '../../app/map/places.ts';
import { mapPoints } from '../../app/map/points.ts';
import { withDataset } from '../http/dataset.ts';
import { sendProblem } from '../http/problem.ts';
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
};

export default mapApi;
