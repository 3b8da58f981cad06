import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { participants } from '../../domain/partnerships/model.ts';
import { today, type AppContext } from '../../app/context.ts';
import { writeCsv } from '../../app/csv.ts';
import {
  organisationPartnerships,
  visiblePartnerships,
  type PartnershipSummary,
} from '../../app/partnerships/access.ts';
import { impactInEnglish, impactOf } from '../../app/partnerships/impact.ts';
import { partnershipDocument } from '../../app/partnerships/record.ts';
import { forbid, requireSignedIn, requireUser } from '../http/guards.ts';
import { loadPartnership } from './context.ts';

const CSV_COLUMNS = [
  'id',
  'title',
  'type',
  'status',
  'closure',
  'startDate',
  'endDate',
  'schools',
  'urns',
  'overdueActions',
];

/** The partnerships as CSV, under headings in the reader's language. */
function csv(reply: FastifyReply, name: string, rows: PartnershipSummary[]) {
  const body = writeCsv(
    CSV_COLUMNS.map((column) => reply.request.t(`csv.partnerships.${column}`)),
    rows.map((p) => {
      const taking = participants(p.members);
      return [
        p.id,
        p.title,
        p.type,
        p.status,
        p.closure ?? '',
        p.startDate ?? '',
        p.endDate ?? '',
        taking.map((m) => m.name).join('; '),
        taking.map((m) => m.urn).join('; '),
        p.overdueActions,
      ];
    }),
  );
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(body);
}

const page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const partnershipsApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const signedIn = { preHandler: requireSignedIn };

  app.get(
    '/api/partnerships',
    {
      ...signedIn,
      schema: { tags: ['partnerships'], summary: 'Partnerships you may see', querystring: page },
    },
    async (request) => {
      const { limit, offset } = request.query;
      const all = await visiblePartnerships(ctx, requireUser(request), today(ctx));
      return { total: all.length, limit, offset, items: all.slice(offset, offset + limit) };
    },
  );

  app.get(
    '/api/partnerships/export.csv',
    { ...signedIn, schema: { tags: ['partnerships'], summary: 'Partnerships you may see, as CSV' } },
    async (request, reply) =>
      csv(reply, 'partnerships.csv', await visiblePartnerships(ctx, requireUser(request), today(ctx))),
  );

  app.get(
    '/api/partnerships/:id',
    {
      ...signedIn,
      schema: {
        tags: ['partnerships'],
        summary: 'One partnership with its plan, record and history',
        params: z.object({ id: z.string() }),
      },
    },
    async (request, reply) => {
      const loaded = await loadPartnership(ctx.db, request, reply, 'read');
      if (!loaded) return reply;
      return { ...loaded.partnership, ...(await partnershipDocument(ctx, loaded.partnership)) };
    },
  );

  app.get(
    '/api/partnerships/:id/impact',
    {
      ...signedIn,
      schema: {
        tags: ['partnerships'],
        summary:
          'Impact so far, per objective: two-way fixed effects over every year against all eligible schools weighted by context, with the method, the comparison, pre-period trends, a parallel-trends check and an event study',
        params: z.object({ id: z.string() }),
      },
    },
    async (request, reply) => {
      const loaded = await loadPartnership(ctx.db, request, reply, 'read');
      if (!loaded) return reply;
      const report = await impactOf(ctx, loaded.partnership, today(ctx));
      return report ? impactInEnglish(report) : { until: null, objectives: [], sponsorships: [] };
    },
  );

  app.get(
    '/api/organisations/:organisationId/partnerships.csv',
    {
      ...signedIn,
      schema: {
        tags: ['partnerships'],
        summary: "An organisation's schools' partnerships, as CSV",
        params: z.object({ organisationId: z.coerce.number().int() }),
      },
    },
    async (request, reply) => {
      const { organisationId } = request.params;
      const listed = await organisationPartnerships(ctx, requireUser(request), organisationId, today(ctx));
      if (!listed.ok) return forbid(request, reply);
      return csv(reply, `organisation-${organisationId}-partnerships.csv`, listed.value.summaries);
    },
  );
};

export default partnershipsApi;
