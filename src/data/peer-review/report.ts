import { sql, type Transaction } from 'kysely';
import type { FocusArea } from '../../domain/focus-areas.ts';
import type { ChallengeOutcome, FindingKind, ReviewStatus } from '../../domain/peer-review/review.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import type { Db } from '../db.ts';
import type { Database } from '../schema.ts';

type Actor = NonNullable<AuditEntry['actor']>;

/**
 * Writing a review's report: the host's self-evaluation, the team's judgements and findings, the
 * submission and moderation, the host's challenges and their outcome, and whom it is shared with.
 * Each write checks the review's status in the same transaction, so a report that moved on in the
 * meantime is not changed (false). Audit entries name ids and fields, never the report's words.
 */

async function lockReview(trx: Transaction<Database>, reviewId: number) {
  return trx
    .selectFrom('peer_reviews')
    .select(['status', 'host_urn'])
    .where('id', '=', reviewId)
    .forUpdate()
    .executeTakeFirst();
}

async function whilePlanned(
  db: Db,
  reviewId: number,
  write: (trx: Transaction<Database>, hostUrn: number) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const review = await lockReview(trx, reviewId);
    if (review?.status !== 'planned') return false;
    await write(trx, review.host_urn);
    return true;
  });
}

export async function saveSelfEvaluation(
  db: Db,
  reviewId: number,
  input: { selfEvaluation: string; chosenFocus: FocusArea },
  actor: Actor,
): Promise<boolean> {
  return whilePlanned(db, reviewId, async (trx, urn) => {
    await trx
      .updateTable('peer_reviews')
      .set({ self_evaluation: input.selfEvaluation, chosen_focus: input.chosenFocus })
      .where('id', '=', reviewId)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'peer-review.self-evaluation-saved',
      subject: `peer review ${reviewId}`,
      urn,
      details: { chosenFocus: input.chosenFocus },
    });
  });
}

export async function saveJudgement(
  db: Db,
  reviewId: number,
  input: { areaId: string; judgement: number; evidence: string },
  actor: Actor,
): Promise<boolean> {
  return whilePlanned(db, reviewId, async (trx, urn) => {
    const values = {
      judgement: input.judgement,
      evidence: input.evidence,
      recorded_by: actor.id,
      updated_at: sql<Date>`now()`,
    };
    await trx
      .insertInto('peer_review_judgements')
      .values({ review_id: reviewId, area_id: input.areaId, ...values })
      .onConflict((oc) => oc.columns(['review_id', 'area_id']).doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'peer-review.judgement-recorded',
      subject: `peer review ${reviewId}`,
      urn,
      details: { areaId: input.areaId },
    });
  });
}

export async function addFinding(
  db: Db,
  reviewId: number,
  input: { areaId: string; focusArea: FocusArea; kind: FindingKind; finding: string; evidence: string },
  actor: Actor,
): Promise<boolean> {
  return whilePlanned(db, reviewId, async (trx, urn) => {
    const { id } = await trx
      .insertInto('peer_review_findings')
      .values({
        review_id: reviewId,
        area_id: input.areaId,
        focus_area: input.focusArea,
        kind: input.kind,
        finding: input.finding,
        evidence: input.evidence,
        recorded_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: 'peer-review.finding-recorded',
      subject: `peer review ${reviewId}`,
      urn,
      details: { findingId: id, areaId: input.areaId, kind: input.kind },
    });
  });
}

export async function removeFinding(db: Db, reviewId: number, findingId: number, actor: Actor): Promise<boolean> {
  return whilePlanned(db, reviewId, async (trx, urn) => {
    await trx.deleteFrom('peer_review_findings').where('id', '=', findingId).where('review_id', '=', reviewId).execute();
    await recordAudit(trx, {
      actor,
      action: 'peer-review.finding-removed',
      subject: `peer review ${reviewId}`,
      urn,
      details: { findingId },
    });
  });
}

/** Moves a report from `from` to `to` (submission or moderation), with the moderator's note; false if it had moved on. */
export async function moveReport(
  db: Db,
  reviewId: number,
  move: { from: ReviewStatus; to: ReviewStatus; today: string; note?: string | null },
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const review = await lockReview(trx, reviewId);
    if (review?.status !== move.from) return false;
    await trx
      .updateTable('peer_reviews')
      .set({
        status: move.to,
        final_on: move.to === 'final' ? move.today : null,
        ...(move.from === 'planned' ? { submitted_at: sql<Date>`now()` } : {}),
        ...(move.note !== undefined ? { moderation_note: move.note } : {}),
      })
      .where('id', '=', reviewId)
      .execute();
    await recordAudit(trx, {
      actor,
      action: `peer-review.report-${move.to === 'planned' ? 'returned' : move.to}`,
      subject: `peer review ${reviewId}`,
      urn: review.host_urn,
      details: { from: move.from, to: move.to },
    });
    return true;
  });
}

/** The host's challenge to a finding of a submitted or final report; false if already challenged. */
export async function challengeFinding(
  db: Db,
  reviewId: number,
  findingId: number,
  challenge: string,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const review = await lockReview(trx, reviewId);
    if (!review || review.status === 'planned') return false;
    const updated = await trx
      .updateTable('peer_review_findings')
      .set({ challenge, challenged_by: actor.id, challenged_at: sql<Date>`now()` })
      .where('id', '=', findingId)
      .where('review_id', '=', reviewId)
      .where('challenge', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await recordAudit(trx, {
      actor,
      action: 'peer-review.finding-challenged',
      subject: `peer review ${reviewId}`,
      urn: review.host_urn,
      details: { findingId },
    });
    return true;
  });
}

/** The moderator's decision on a challenge, once; an amended finding keeps its original words. */
export async function decideChallenge(
  db: Db,
  reviewId: number,
  findingId: number,
  decision: { outcome: ChallengeOutcome; response: string; amended: string | null },
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const review = await lockReview(trx, reviewId);
    if (!review) return false;
    const updated = await trx
      .updateTable('peer_review_findings')
      .set((eb) => ({
        challenge_outcome: decision.outcome,
        challenge_response: decision.response,
        decided_by: actor.id,
        decided_at: sql<Date>`now()`,
        ...(decision.outcome === 'amended' && decision.amended
          ? { original_finding: eb.ref('finding'), finding: decision.amended }
          : {}),
      }))
      .where('id', '=', findingId)
      .where('review_id', '=', reviewId)
      .where('challenge', 'is not', null)
      .where('challenge_outcome', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await recordAudit(trx, {
      actor,
      action: 'peer-review.challenge-decided',
      subject: `peer review ${reviewId}`,
      urn: review.host_urn,
      details: { findingId, outcome: decision.outcome },
    });
    return true;
  });
}

/** Whom the host school shares its report with: the rest of its group, and organisations. */
export async function setReportSharing(
  db: Db,
  reviewId: number,
  sharing: { withGroup: boolean; organisationIds: readonly number[] },
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const review = await lockReview(trx, reviewId);
    if (!review) return;
    await trx.updateTable('peer_reviews').set({ shared_with_group: sharing.withGroup }).where('id', '=', reviewId).execute();
    await trx.deleteFrom('peer_review_report_shares').where('review_id', '=', reviewId).execute();
    if (sharing.organisationIds.length > 0) {
      await trx
        .insertInto('peer_review_report_shares')
        .values(sharing.organisationIds.map((id) => ({ review_id: reviewId, organisation_id: id, granted_by: actor.id })))
        .execute();
    }
    await recordAudit(trx, {
      actor,
      action: 'peer-review.report-sharing-changed',
      subject: `peer review ${reviewId}`,
      urn: review.host_urn,
      details: { withGroup: sharing.withGroup, organisationIds: sharing.organisationIds },
    });
  });
}
