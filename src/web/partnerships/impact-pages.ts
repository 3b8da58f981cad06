import type { FastifyPluginAsync } from 'fastify';
import { impactReport } from '../../data/partnership-impact.ts';
import { listPartnerships, schoolsSharingWith } from '../../data/partnerships.ts';
import { getPartnership } from '../../data/partnerships.ts';
import { isOrganisationOfficer } from '../../domain/access.ts';
import type { RegistryImpact } from '../../domain/partnerships/impact/evaluate.ts';
import { readTargetProgress } from '../../domain/partnerships/impact/reading.ts';
import type { AppContext } from '../../app/context.ts';
import { forbid, requireSignedIn } from '../http/guards.ts';
import { trendChart } from './chart.ts';
import { loadPartnership, today } from './context.ts';
import { statusTag } from './presenters.ts';

const count = new Intl.NumberFormat('en-GB');
const plural = (n: number, one: string, many: string) => `${count.format(n)} ${n === 1 ? one : many}`;

/** The comparison and the source of the interval, in the report's words. */
function describeComparison(r: RegistryImpact) {
  return {
    schoolsText: plural(r.result?.treatedCount ?? r.members.length, 'school', 'schools'),
    comparisonText:
      `${plural(r.comparison.schools, 'school', 'schools')} not in a partnership, weighted towards those like ` +
      `the partnership’s schools in free school meals, size and phase (worth about ` +
      `${plural(Math.round(r.comparison.effectiveSchools), 'school', 'schools')} weighted equally)`,
    uncertaintyText:
      r.result?.uncertaintyFrom === 'similar-schools'
        ? 'Similar schools not in a partnership: the same calculation run on each of them shows how far a result strays by chance'
        : 'How much the partnership’s own schools differ from one another, and the comparison’s',
  };
}

/** The impact report of one partnership, and an organisation officer's dashboard of them all. */
const partnershipImpact: FastifyPluginAsync<AppContext> = async (app, { db }) => {
  const signedIn = { preHandler: requireSignedIn };

  app.get('/partnerships/:id/impact', signedIn, async (request, reply) => {
    const loaded = await loadPartnership(db, request, reply, 'read');
    if (!loaded) return reply;
    const p = loaded.partnership;
    const report = await impactReport(db, p, today());
    return reply.page('partnerships/impact.njk', {
      title: `Impact: ${p.title}`,
      partnership: p,
      report,
      items: (report?.objectives ?? []).map((item) => ({
        ...item,
        ...(item.registry ? describeComparison(item.registry) : {}),
        chart: item.registry ? trendChart(item.registry.trend, item.registry.baselineYear) : null,
        customReading: item.custom
          ? readTargetProgress(item.objective.baseline, item.objective.target, item.custom)
          : null,
      })),
    });
  });

  app.get('/organisations/:organisationId/partnerships', signedIn, async (request, reply) => {
    const organisationId = Number((request.params as { organisationId: string }).organisationId);
    const organisation = request.user!.organisations.find((o) => o.id === organisationId);
    if (!organisation || !isOrganisationOfficer(request.user, organisationId)) return forbid(request, reply);
    const day = today();
    const shared = await schoolsSharingWith(db, [organisationId]);
    const summaries = await listPartnerships(db, shared, day);
    const rows = await Promise.all(
      summaries.map(async (s) => {
        const p = (await getPartnership(db, s.id))!;
        const started = p.status !== 'proposed' && p.status !== 'agreed';
        const report = started ? await impactReport(db, p, day) : null;
        const measured = report?.objectives.find((o) => o.registry?.result);
        return {
          ...s,
          tag: statusTag(s),
          impact: measured?.registry?.result
            ? {
                objective: measured.objective.description,
                estimate: measured.registry.result.estimate,
                interval: measured.registry.result.interval,
                unit: measured.registry.info.unit,
              }
            : null,
        };
      }),
    );
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    return reply.page('partnerships/dashboard.njk', {
      title: `Partnerships: ${organisation.name}`,
      organisation,
      rows,
      sharedCount: shared.length,
      totals: {
        running: count('agreed') + count('active') + count('reviewing'),
        proposed: count('proposed'),
        closed: count('closed'),
        overdue: rows.reduce((n, r) => n + r.overdueActions, 0),
      },
    });
  });
};

export default partnershipImpact;
