import { z } from 'zod';
import {
  approvePracticeVersion,
  dismissPracticeReports,
  listModerationQueue,
  reportPracticeRecord,
  returnPracticeVersion,
  withdrawPracticeRecord,
} from '../../data/practice.ts';
import type { SessionUser } from '../../domain/access.ts';
import { isPracticeModerator } from '../../domain/practice/access.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, parseInput, type Result, wordedCheck } from '../result.ts';
import { gatherEvidence } from './evidence.ts';
import { practiceFor } from './records.ts';

/**
 * Keeping the library trustworthy: moderators approve or return what schools send, anyone
 * signed in reports a public record, and a record is withdrawn without losing it. Each step is
 * audited where it is written (src/data/practice.ts).
 */

type Ctx = Pick<AppContext, 'db' | 'now'>;

const REASON_LIMIT = 1000;
/** A reason asked for in whole words ("Enter why the record is withdrawn"), so a page can say it in Welsh. */
const reason = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .refine(
      (v) => v.length <= REASON_LIMIT,
      wordedCheck('The reason must be {{max}} characters or fewer', { max: REASON_LIMIT }),
    );

const CHANGED = 'The record has changed since you read it; read it again before you decide.';

/** What waits for this moderator: versions sent for moderation and public records people reported. */
export async function moderationQueue(ctx: Pick<AppContext, 'db'>, user: SessionUser) {
  if (!isPracticeModerator(user))
    return fail('forbidden', 'Only platform administrators and organisation officers moderate practice.');
  return ok(
    await listModerationQueue(ctx.db, {
      everySchool: user.platformAdmin,
      organisationIds: user.organisations.map((o) => o.id),
      ownUrns: user.schools.map((s) => s.urn),
    }),
  );
}

/**
 * A moderator approves the version they read: it becomes the public one. S2S sets its evidence
 * again from the figures it holds at that moment; an external evaluation counts only when the
 * moderator says they checked it.
 */
export async function approvePractice(
  ctx: Ctx,
  actor: SessionUser,
  id: number,
  input: { version: number; externalChecked: boolean },
): Promise<Result<{ id: number }>> {
  const found = await practiceFor(ctx, actor, id);
  if (!found.ok) return found;
  const { record, rights } = found.value;
  if (!rights.moderate) return fail('forbidden', 'You cannot moderate this record.');
  if (record.workingVersion !== input.version) return fail('conflict', CHANGED);
  const content = record.working.content;
  const evidence = await gatherEvidence(
    ctx,
    record.urn,
    content,
    input.externalChecked && content.externalEvaluation.trim() !== '',
  );
  if (!(await approvePracticeVersion(ctx.db, id, input.version, evidence, actor)))
    return fail('conflict', CHANGED);
  return ok({ id });
}

/** A moderator sends the version back to its school, saying what to change. */
export async function returnPractice(
  ctx: Ctx,
  actor: SessionUser,
  id: number,
  input: { version: number; reason: unknown },
): Promise<Result<{ id: number }>> {
  const found = await practiceFor(ctx, actor, id);
  if (!found.ok) return found;
  const { record, rights } = found.value;
  if (!rights.moderate) return fail('forbidden', 'You cannot moderate this record.');
  const note = parseInput(z.object({ reason: reason('Enter what the school should change') }), input);
  if (!note.ok) return note;
  if (record.workingVersion !== input.version) return fail('conflict', CHANGED);
  if (!(await returnPracticeVersion(ctx.db, id, input.version, note.value.reason, actor)))
    return fail('conflict', CHANGED);
  return ok({ id });
}

/** Someone signed in, outside the school, tells the moderators what is wrong with a public record. */
export async function reportPractice(
  ctx: Ctx,
  actor: SessionUser,
  id: number,
  input: { reason: unknown },
): Promise<Result<{ id: number }>> {
  const found = await practiceFor(ctx, actor, id);
  if (!found.ok) return found;
  if (!found.value.rights.report) return fail('forbidden', 'You cannot report this record.');
  const parsed = parseInput(z.object({ reason: reason('Enter what is wrong with the record') }), input);
  if (!parsed.ok) return parsed;
  await reportPracticeRecord(ctx.db, id, parsed.value.reason, actor);
  return ok({ id });
}

/** The school, or a moderator, hides the record from the public; every version is kept. */
export async function withdrawPractice(
  ctx: Ctx,
  actor: SessionUser,
  id: number,
  input: { reason: unknown },
): Promise<Result<{ id: number }>> {
  const found = await practiceFor(ctx, actor, id);
  if (!found.ok) return found;
  if (!found.value.rights.withdraw) return fail('forbidden', 'You cannot withdraw this record.');
  const parsed = parseInput(z.object({ reason: reason('Enter why the record is withdrawn') }), input);
  if (!parsed.ok) return parsed;
  if (!(await withdrawPracticeRecord(ctx.db, id, parsed.value.reason, actor)))
    return fail('conflict', 'The record has already been withdrawn.');
  return ok({ id });
}

/** A moderator finds nothing wrong in the reports: they are closed and the record stays public. */
export async function dismissReports(
  ctx: Ctx,
  actor: SessionUser,
  id: number,
): Promise<Result<{ id: number; dismissed: number }>> {
  const found = await practiceFor(ctx, actor, id);
  if (!found.ok) return found;
  if (!found.value.rights.reviewReports)
    return fail('forbidden', 'You cannot review reports on this record.');
  return ok({ id, dismissed: await dismissPracticeReports(ctx.db, id, actor) });
}
