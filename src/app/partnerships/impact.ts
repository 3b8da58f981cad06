import { impactReport } from '../../data/partnership-impact.ts';
import { getPartnership, type PartnershipSummary } from '../../data/partnerships.ts';
import type { Partnership } from '../../domain/partnerships/model.ts';
import type { AppContext } from '../context.ts';

type Ctx = Pick<AppContext, 'db'>;

/** A partnership's impact so far, per objective (null before it has anything to measure against). */
export const impactOf = (ctx: Ctx, partnership: Partnership, today: string) =>
  impactReport(ctx.db, partnership, today);

export type ImpactReport = NonNullable<Awaited<ReturnType<typeof impactOf>>>;

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
