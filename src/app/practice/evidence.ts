import { impactReport } from '../../data/partnership-impact.ts';
import { getPartnership, listPartnerships } from '../../data/partnerships.ts';
import { getSchoolRecord } from '../../data/schools.ts';
import {
  assessEvidence,
  figuresFor,
  type ComparisonEstimate,
  type PracticeEvidence,
} from '../../domain/practice/evidence.ts';
import type { PracticeContent } from '../../domain/practice/model.ts';
import { participants, type Partnership } from '../../domain/partnerships/model.ts';
import { today, type AppContext } from '../context.ts';

/** A partnership can stand behind a record once it has closed as completed, with the school in it. */
const completedWith = (p: Partnership, urn: number) =>
  p.status === 'closed' && p.closure === 'completed' && participants(p.members).some((m) => m.urn === urn);

/** The completed partnerships a school took part in: those a record may name as its evidence. */
export async function completedPartnerships(ctx: Pick<AppContext, 'db' | 'now'>, urn: number) {
  const summaries = await listPartnerships(ctx.db, [urn], today(ctx));
  return summaries
    .filter((p) => p.status === 'closed' && p.closure === 'completed')
    .map((p) => ({ id: p.id, title: p.title, startDate: p.startDate, endDate: p.endDate }));
}

/** Is this a partnership the school may name as evidence? */
export async function isCompletedPartnershipOf(ctx: Pick<AppContext, 'db'>, id: number, urn: number) {
  const partnership = await getPartnership(ctx.db, id);
  return !!partnership && completedWith(partnership, urn);
}

/** The partnership's estimates of its effect on published measures, from its impact report. */
async function partnershipEstimates(
  ctx: Pick<AppContext, 'db' | 'now'>,
  id: number,
  urn: number,
): Promise<ComparisonEstimate[]> {
  const partnership = await getPartnership(ctx.db, id);
  if (!partnership || !completedWith(partnership, urn)) return [];
  return estimatesOf(await impactReport(ctx.db, partnership, today(ctx)));
}

/** An impact report's estimates of the partnership's effect on published measures. */
export function estimatesOf(report: Awaited<ReturnType<typeof impactReport>>): ComparisonEstimate[] {
  return (report?.objectives ?? []).flatMap(({ registry }) =>
    registry?.result
      ? [
          {
            measure: registry.measure,
            label: registry.info.label,
            unit: registry.info.unit,
            estimate: registry.result.estimate,
            interval: registry.result.interval,
            comparisonSchools: registry.result.comparisonCount,
          },
        ]
      : [],
  );
}

/**
 * What S2S can check of a version's evidence, from the figures it holds: the school's published
 * results either side of the start, a named partnership's impact report, and (set by a
 * moderator) whether the external evaluation is real.
 */
export async function gatherEvidence(
  ctx: Pick<AppContext, 'db' | 'now'>,
  urn: number,
  content: PracticeContent,
  externalChecked: boolean,
): Promise<PracticeEvidence> {
  const [school, estimates] = await Promise.all([
    getSchoolRecord(ctx.db, urn),
    content.partnershipId === null ? [] : partnershipEstimates(ctx, content.partnershipId, urn),
  ]);
  return assessEvidence({
    figures: figuresFor(school?.performance ?? [], content.focusAreas, content.startedIn),
    estimates,
    externalEvaluation: content.externalEvaluation,
    externalChecked,
  });
}
