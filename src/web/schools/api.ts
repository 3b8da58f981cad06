import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { nearPlaceSchema } from '../../app/places.ts';
import { sameSchoolAs, schoolRecord } from '../../app/schools/profile.ts';
import { schoolSearchQuery } from '../../app/schools/query.ts';
import { findSchools } from '../../app/schools/search.ts';
import { classificationAnswer } from '../../domain/classification/types.ts';
import { LANGUAGE_MEDIA } from '../../domain/wales.ts';
import { withDataset, withDatasetSchema } from '../http/dataset.ts';
import { urnParams } from '../http/params.ts';
import { sendProblem } from '../http/problem.ts';

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
  languageMedium: z
    .enum(LANGUAGE_MEDIA)
    .nullable()
    .describe(
      'Wales only: the language the school teaches through (null in England and for nursery and special schools)',
    ),
  welshMediumType: z
    .string()
    .nullable()
    .describe('Wales only: the Welsh medium type as the Welsh Government publishes it'),
});

const schoolsApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/schools',
    {
      schema: {
        tags: ['schools'],
        summary:
          'Search schools by name, URN, postcode or town, with filters; with near, the schools within radiusKm of a place, nearest first',
        querystring: schoolSearchQuery,
        response: {
          200: withDatasetSchema(
            z.object({
              total: z
                .number()
                .describe('how many schools match; when totalIsExact is false, more than this many do'),
              totalIsExact: z
                .boolean()
                .describe(
                  'false when more than 1,000 schools (or than the page asked for) match: they are not all counted',
                ),
              limit: z.number(),
              offset: z.number(),
              near: nearPlaceSchema.optional().describe('with near: the place found and the radius searched'),
              items: z.array(
                schoolSchema.extend({
                  distanceKm: z.number().optional().describe('with near: how far from the place, in km'),
                }),
              ),
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      const result = await findSchools(ctx, request.query);
      return result.ok ? withDataset(app, result.value) : sendProblem(request, reply, result.error);
    },
  );

  app.get(
    '/api/schools/:urn',
    {
      schema: {
        tags: ['schools'],
        summary:
          'One school with its inspections, performance, and its group under the default profile with the reasons; `urn` is a URN or, for a school in Wales, its LA and school number (7 digits); a Welsh school carries `wales` (language medium, consortium, Estyn inspections)',
        params: urnParams,
      },
    },
    async (request, reply) => {
      // GIAS's row of a Welsh school the registry holds from the Welsh Government's list.
      // Both read at once: the record is seldom of a school listed under another number.
      const [same, result] = await Promise.all([
        sameSchoolAs(ctx, request.params.urn),
        schoolRecord(ctx, request.params.urn),
      ]);
      if (same !== null) return reply.redirect(`/api/schools/${same}`, 301);
      if (!result.ok) return sendProblem(request, reply, result.error);
      const { classification } = result.value;
      return withDataset(app, {
        ...result.value,
        classification: classification && classificationAnswer(classification),
      });
    },
  );
};

export default schoolsApi;
