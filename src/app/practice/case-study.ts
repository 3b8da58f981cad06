import { z } from 'zod';
import { impactReport } from '../../data/partnership-impact.ts';
import { listActions, listUpdates } from '../../data/partnership-records.ts';
import { getSchoolRecord } from '../../data/schools.ts';
import type { SessionUser } from '../../domain/access.ts';
import { CASE_STUDY_PARTS, caseStudyDraft, type CaseStudyPart } from '../../domain/practice/case-study.ts';
import { PRACTICE_PHASES, type PracticePhase } from '../../domain/practice/model.ts';
import { participants } from '../../domain/partnerships/model.ts';
import { today, type AppContext } from '../context.ts';
import { openPartnership } from '../partnerships/access.ts';
import { estimatesOf } from './evidence.ts';
import { fail, ok, parseInput, type Result } from '../result.ts';

type Ctx = Pick<AppContext, 'db' | 'now'>;

const partsInput = z.object({
  parts: z.preprocess(
    (v): unknown[] => (v === undefined ? [...CASE_STUDY_PARTS] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(z.enum(CASE_STUDY_PARTS, { error: 'Choose parts from the list' })),
  ),
});

const isPracticePhase = (phase: string): phase is PracticePhase =>
  (PRACTICE_PHASES as readonly string[]).includes(phase);

/**
 * The draft case study a completed partnership's schools are offered, built from its plan,
 * running record and impact report, showing the parts they choose. Only the schools' own
 * members see it: the running record is theirs.
 */
export async function caseStudyPreview(
  ctx: Ctx,
  user: SessionUser,
  id: number,
  input: { parts?: unknown },
): Promise<
  Result<{ id: number; title: string; parts: CaseStudyPart[]; draft: ReturnType<typeof caseStudyDraft> }>
> {
  const opened = await openPartnership(ctx, user, id, 'contribute');
  if (!opened.ok) return opened;
  const p = opened.value.partnership;
  if (p.status !== 'closed' || p.closure !== 'completed')
    return fail('conflict', 'A case study is offered once the partnership has closed as completed.');
  const chosen = parseInput(partsInput, input);
  if (!chosen.ok) return chosen;
  const urns = participants(p.members).map((m) => m.urn);
  const [actions, updates, report, records] = await Promise.all([
    listActions(ctx.db, id),
    listUpdates(ctx.db, id),
    impactReport(ctx.db, p, today(ctx)),
    Promise.all(urns.map((urn) => getSchoolRecord(ctx.db, urn))),
  ]);
  const objectives = report?.objectives ?? [];
  const draft = caseStudyDraft(
    {
      partnership: p,
      phases: [...new Set(records.flatMap((r) => (r && isPracticePhase(r.phase) ? [r.phase] : [])))],
      actions,
      updates,
      estimates: estimatesOf(report),
      ownMeasures: objectives.flatMap(({ objective, custom }) =>
        custom
          ? [
              {
                name: objective.customMeasureName ?? objective.description,
                baseline: objective.baseline,
                target: objective.target,
                latest: custom.latest,
                reached: custom.reached,
              },
            ]
          : [],
      ),
    },
    chosen.value.parts,
  );
  return ok({ id, title: p.title, parts: chosen.value.parts, draft });
}
