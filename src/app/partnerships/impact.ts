import { impactReport } from '../../data/partnership-impact.ts';
import { getPartnership, type PartnershipSummary } from '../../data/partnerships.ts';
import { listSponsorships } from '../../data/sponsorships.ts';
import { participants, type Partnership } from '../../domain/partnerships/model.ts';
import { sponsorshipsBeside } from '../../domain/sponsorship.ts';
import type { AppContext } from '../context.ts';

type Ctx = Pick<AppContext, 'db'>;

/**
 * A partnership's impact so far, per objective (null before it has anything to measure against),
 * with the sponsorships of its schools that began before it (and still ran) or during it: a
 * school taken on by a sponsor changed for a reason besides the partnership.
 */
export async function impactOf(ctx: Ctx, partnership: Partnership, today: string) {
  const report = await impactReport(ctx.db, partnership, today);
  if (!report) return null;
  const urns = participants(partnership.members).map((m) => m.urn);
  const ofMembers = (await listSponsorships(ctx.db, { urns })).filter((s) => urns.includes(s.urn));
  return {
    ...report,
    sponsorships: sponsorshipsBeside(ofMembers, { start: partnership.startDate!, until: report.until }),
  };
}

export type ImpactReport = NonNullable<Awaited<ReturnType<typeof impactOf>>>;

/**
 * The report as the API answers it: each reading and check in English, without the phrases a
 * page writes them from in its reader's language.
 */
export const impactInEnglish = (report: ImpactReport) => ({
  ...report,
  objectives: report.objectives.map((item) => {
    if (!item.registry) return item;
    const { readingWords: _readingWords, parallelTrends, ...registry } = item.registry;
    const { noteWords: _noteWords, ...trends } = parallelTrends;
    return { ...item, registry: { ...registry, parallelTrends: trends } };
  }),
});

/** Each partnership with its first measured objective's estimate, for an officer's dashboard. */
export async function withHeadlineImpact(ctx: Ctx, summaries: readonly PartnershipSummary[], today: string) {
  return Promise.all(
    summaries.map(async (summary) => {
      const p = (await getPartnership(ctx.db, summary.id))!;
      const started = p.status !== 'proposed' && p.status !== 'agreed';
      const report = started ? await impactOf(ctx, p, today) : null;
      const measured = report?.objectives.find((o) => o.registry?.result);
      return {
        summary,
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
}
