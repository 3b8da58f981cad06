import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getSchoolRecord, searchSchools } from '../../data/schools.ts';
import type { AppDeps } from '../app.ts';
import { classificationOf, urnsInGroup } from '../../app/schools/groups.ts';
import { schoolSearchQuery } from '../../app/schools/query.ts';

const area = z.object({ code: z.string(), name: z.string() }).nullable();
export const schoolSchema = z.object({
  urn: z.number(),
  name: z.string(),
  typeName: z.string().nullable(),
  typeGroup: z.string().nullable(),
  open: z.boolean(),
  statusName: z.string(),
  phase: z.string(),
  statutoryLowAge: z.number().nullable(),
  statutoryHighAge: z.number().nullable(),
  country: z.string(),
  localAuthority: area,
  region: area,
  constituency: area,
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  pupils: z.number().nullable(),
  fsmPercent: z.number().nullable(),
  ealPercent: z.number().nullable(),
  senPercent: z.number().nullable(),
  urbanRural: z.string().nullable(),
  trust: z.string().nullable(),
});

const schoolsApi: FastifyPluginAsync<AppDeps> = async (fastify, { db }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/schools',
    {
      schema: {
        tags: ['schools'],
        summary: 'Search schools by name, URN, postcode or town, with filters',
        querystring: schoolSearchQuery,
        response: {
          200: z.object({
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
            items: z.array(schoolSchema),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset, group, ...filters } = request.query;
      const urns = group ? await urnsInGroup(app.snapshots, group) : undefined;
      const page = await searchSchools(db, { ...filters, urns, limit, offset });
      return { ...page, limit, offset };
    },
  );

  app.get(
    '/api/schools/:urn',
    {
      schema: {
        tags: ['schools'],
        summary:
          'One school with its inspections, performance, and its group under the default profile with the reasons',
        params: z.object({ urn: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) => {
      const record = await getSchoolRecord(db, request.params.urn);
      if (!record)
        return reply
          .code(404)
          .send({ error: 'Not Found', message: `No school with URN ${request.params.urn}` });
      return { ...record, classification: await classificationOf(app.snapshots, record.urn) };
    },
  );
};

export default schoolsApi;
