import { z } from 'zod';
import {
  approveCaseStudy as recordApproval,
  getCaseStudy,
  saveCaseStudyParts,
  withdrawCaseStudy as recordWithdrawal,
  type CaseStudy,
} from '../../data/case-studies.ts';
import { impactReport } from '../../data/partnership-impact.ts';
import { getPracticeRecord } from '../../data/practice.ts';
import { listActions, listUpdates } from '../../data/partnership-records.ts';
import { getSchoolRecord } from '../../data/schools.ts';
import type { SessionUser } from '../../domain/access.ts';
import { CASE_STUDY_PARTS, caseStudyDraft, type CaseStudyPart } from '../../domain/practice/case-study.ts';
import { PRACTICE_PHASES, type PracticePhase } from '../../domain/practice/model.ts';
import { participants, type Partnership } from '../../domain/partnerships/model.ts';
import { isPublic } from '../../domain/practice/model.ts';
import { today, type AppContext } from '../context.ts';
import { openPartnership } from '../partnerships/access.ts';
import { estimatesOf, gatherEvidence } from './evidence.ts';
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

/** The draft of a completed partnership's case study, from its record, showing the parts chosen. */
async function draftOf(ctx: Ctx, p: Partnership, parts: readonly CaseStudyPart[]) {
  const urns = participants(p.members).map((m) => m.urn);
  const [actions, updates, report, records] = await Promise.all([
    listActions(ctx.db, p.id),
    listUpdates(ctx.db, p.id),
    impactReport(ctx.db, p, today(ctx)),
    Promise.all(urns.map((urn) => getSchoolRecord(ctx.db, urn))),
  ]);
  const objectives = report?.objectives ?? [];
  return caseStudyDraft(
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
    parts,
  );
}

/** Only a school's own administrators speak for it on its case study (not platform administrators). */
const administers = (user: SessionUser, urn: number) =>
  user.schools.some((s) => s.urn === urn && s.role === 'admin');

/** Stored parts, in the list's order, as the domain names them. */
const storedParts = (study: CaseStudy): CaseStudyPart[] =>
  CASE_STUDY_PARTS.filter((part) => study.parts.includes(part));

/** A completed partnership this person's school took part in, or why not. */
async function completedPartnership(ctx: Ctx, user: SessionUser, id: number): Promise<Result<Partnership>> {
  const opened = await openPartnership(ctx, user, id, 'contribute');
  if (!opened.ok) return opened;
  const p = opened.value.partnership;
  if (p.status !== 'closed' || p.closure !== 'completed')
    return fail('conflict', 'A case study is offered once the partnership has closed as completed.');
  return ok(p);
}

export type CaseStudyStage = 'not-started' | 'draft' | 'with-moderators' | 'published' | 'withdrawn';

/**
 * Where the case study stands, for the partnership's schools: each school and whether it has
 * approved, the record once written, and what this person may do.
 */
async function standing(ctx: Ctx, user: SessionUser, p: Partnership, study: CaseStudy | undefined) {
  const schools = participants(p.members).map((m) => ({
    urn: m.urn,
    name: m.name,
    approved: !!study?.approvals.some((a) => a.urn === m.urn),
  }));
  const record = study?.recordId ? await getPracticeRecord(ctx.db, study.recordId) : undefined;
  const stage: CaseStudyStage = !study
    ? 'not-started'
    : study.state === 'withdrawn'
      ? 'withdrawn'
      : study.state === 'draft'
        ? 'draft'
        : record && isPublic(record)
          ? 'published'
          : 'with-moderators';
  const own = schools.filter((s) => administers(user, s.urn));
  return {
    stage,
    schools,
    recordId: study?.recordId ?? null,
    withdrawnBy: schools.find((s) => s.urn === study?.withdrawnByUrn)?.name ?? null,
    /** Start it, or change the parts of the draft (which asks every school again). */
    mayChooseParts: own.length > 0 && (stage === 'not-started' || stage === 'draft'),
    approveFor:
      stage === 'draft' ? own.filter((s) => !s.approved).map(({ urn, name }) => ({ urn, name })) : [],
    mayWithdraw: own.length > 0 && stage !== 'not-started' && stage !== 'withdrawn',
  };
}

/**
 * The draft case study a completed partnership's schools are offered, built from its plan,
 * running record and impact report, showing the parts they choose (by default those of the
 * case study under way, or every part), with where the case study stands. Only the schools' own
 * members see it: the running record is theirs.
 */
export async function caseStudyPreview(ctx: Ctx, user: SessionUser, id: number, input: { parts?: unknown }) {
  const p = await completedPartnership(ctx, user, id);
  if (!p.ok) return p;
  const study = await getCaseStudy(ctx.db, id);
  const chosen =
    input.parts === undefined && study ? ok({ parts: storedParts(study) }) : parseInput(partsInput, input);
  if (!chosen.ok) return chosen;
  const draft = await draftOf(ctx, p.value, chosen.value.parts);
  return ok({
    id,
    title: p.value.title,
    parts: chosen.value.parts,
    savedParts: study ? storedParts(study) : null,
    draft,
    caseStudy: await standing(ctx, user, p.value, study),
  });
}

/**
 * A school administrator of the partnership starts the case study with the parts chosen, or
 * changes the parts of the draft; every school is then asked (again) to approve.
 */
export async function chooseCaseStudyParts(
  ctx: Ctx,
  user: SessionUser,
  id: number,
  input: { parts?: unknown },
): Promise<Result<{ parts: CaseStudyPart[] }>> {
  const p = await completedPartnership(ctx, user, id);
  if (!p.ok) return p;
  const own = participants(p.value.members).find((m) => administers(user, m.urn));
  if (!own)
    return fail(
      'forbidden',
      'Only the administrators of the partnership’s schools decide on its case study.',
    );
  const chosen = parseInput(partsInput, input);
  if (!chosen.ok) return chosen;
  const saved = await saveCaseStudyParts(ctx.db, id, { parts: chosen.value.parts, urn: own.urn }, user);
  if (!saved)
    return fail('conflict', 'Every school has approved this case study already, or it was withdrawn.');
  return ok({ parts: chosen.value.parts });
}

const approvalInput = z.object({
  urn: z.coerce.number().int().positive(),
  /** The parts the approver read, comma-separated in the list's order ('' for none). */
  partsKey: z.string().max(500).default(''),
});

/** The parts as one string, as the approval form carries them. */
export const partsKey = (parts: readonly CaseStudyPart[]) => parts.join(',');

/**
 * A school's administrator approves the draft with the parts they read. When every school of
 * the partnership has approved, S2S writes the practice record (the proposing school's, its
 * evidence set from S2S's own figures) and sends it to the moderators: nothing is public before.
 */
export async function approveCaseStudy(
  ctx: Ctx,
  user: SessionUser,
  id: number,
  input: { urn?: unknown; partsKey?: unknown },
): Promise<Result<{ sentToModerators: boolean; recordId: number | null }>> {
  const p = await completedPartnership(ctx, user, id);
  if (!p.ok) return p;
  const parsed = parseInput(approvalInput, input);
  if (!parsed.ok) return parsed;
  const schools = participants(p.value.members).map((m) => m.urn);
  if (!schools.includes(parsed.value.urn) || !administers(user, parsed.value.urn))
    return fail('forbidden', 'Only an administrator of the school approves for it.');
  const study = await getCaseStudy(ctx.db, id);
  if (!study || study.state !== 'draft') return fail('conflict', 'There is no draft case study to approve.');
  const parts = storedParts(study);
  if (partsKey(parts) !== parsed.value.partsKey)
    return fail('conflict', 'The parts the case study shows have changed since you read it; read it again.');
  const owner = schools[0]!;
  const content = await draftOf(ctx, p.value, parts);
  const evidence = await gatherEvidence(ctx, owner, content, false);
  const approved = await recordApproval(
    ctx.db,
    id,
    { urn: parsed.value.urn, parts, schools, record: { urn: owner, content, evidence } },
    user,
  );
  if (approved === 'changed')
    return fail('conflict', 'The case study has changed since you read it; read it again.');
  return ok({ sentToModerators: approved.recordId !== null, recordId: approved.recordId });
}

/** Either school's administrator withdraws the case study, and the record with it if written. */
export async function withdrawCaseStudy(ctx: Ctx, user: SessionUser, id: number): Promise<Result<true>> {
  const p = await completedPartnership(ctx, user, id);
  if (!p.ok) return p;
  const own = participants(p.value.members).find((m) => administers(user, m.urn));
  if (!own)
    return fail('forbidden', 'Only the administrators of the partnership’s schools withdraw its case study.');
  if (!(await recordWithdrawal(ctx.db, id, own.urn, user)))
    return fail('conflict', 'There is no case study to withdraw.');
  return ok(true);
}
