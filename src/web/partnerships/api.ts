import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.ts';
import { impactReport } from '../../data/partnership-impact.ts';
import { partnershipRecord } from '../../data/partnership-records.ts';
import { listPartnerships, schoolsSharingWith, type PartnershipSummary } from '../../data/partnerships.ts';
import { listCarriedActions } from '../../data/readiness.ts';
import { isOrganisationOfficer, type SessionUser } from '../../domain/access.ts';
import { partnershipAccess } from '../../domain/partnerships/access.ts';
import { participants } from '../../domain/partnerships/model.ts';
import type { AppContext } from '../../app/context.ts';
import { writeCsv } from '../../app/csv.ts';
import { agreementsOf } from '../../app/partnerships/agreement.ts';
import { forbid, requireSignedIn } from '../http/guards.ts';
import { loadPartnership, today, viewerOf } from './context.ts';

/** Partnerships a user may read: their schools' and those of schools sharing with their organisations. */
async function visiblePartnerships(db: Db, user: SessionUser): Promise<PartnershipSummary[]> {
  const viewer = await viewerOf(db, user);
  const all = await listPartnerships(db, [...user.schools.map((s) => s.urn), ...viewer.sharedUrns], today());
  return all.filter((p) => {
    const access = partnershipAccess(p.members, viewer);
    return access === 'contribute' || access === 'read';
  });
}

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

function csv(reply: FastifyReply, name: string, rows: PartnershipSummary[]) {
  const body = writeCsv(
    CSV_COLUMNS,
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
  const { db } = ctx;
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
      const all = await visiblePartnerships(db, request.user!);
      return { total: all.length, limit, offset, items: all.slice(offset, offset + limit) };
    },
  );

  app.get(
    '/api/partnerships/export.csv',
    { ...signedIn, schema: { tags: ['partnerships'], summary: 'Partnerships you may see, as CSV' } },
    async (request, reply) => csv(reply, 'partnerships.csv', await visiblePartnerships(db, request.user!)),
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
      const loaded = await loadPartnership(db, request, reply, 'read');
      if (!loaded) return reply;
      const id = loaded.partnership.id;
      const [record, readinessActions, agreements] = await Promise.all([
        partnershipRecord(db, id),
        listCarriedActions(db, id),
        agreementsOf(ctx, id),
      ]);
      return { ...loaded.partnership, ...record, readinessActions, agreements };
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
      const loaded = await loadPartnership(db, request, reply, 'read');
      if (!loaded) return reply;
      return (await impactReport(db, loaded.partnership, today())) ?? { until: null, objectives: [] };
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
      if (!isOrganisationOfficer(request.user, organisationId)) return forbid(request, reply);
      const rows = await listPartnerships(db, await schoolsSharingWith(db, [organisationId]), today());
      return csv(reply, `organisation-${organisationId}-partnerships.csv`, rows);
    },
  );
};

export default partnershipsApi;
