import type { Conflict } from '../../domain/peer-review/conflicts.ts';
import type { TeamRole } from '../../domain/peer-review/team.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import type { Db } from '../db.ts';

type Actor = NonNullable<AuditEntry['actor']>;

/**
 * Puts a reviewer on a team, with the conflicts found and any moderator's override, while the
 * review is still planned; false when it no longer is. The database refuses a second lead and a
 * conflicted place without an override's reason, whatever the caller checked.
 */
export async function addToTeam(
  db: Db,
  reviewId: number,
  place: { userId: number; role: TeamRole; conflicts: Conflict[]; override: { reason: string } | null },
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('peer_reviews')
      .select(['status', 'host_urn'])
      .where('id', '=', reviewId)
      .forUpdate()
      .executeTakeFirst();
    if (review?.status !== 'planned') return false;
    await trx
      .insertInto('peer_review_team')
      .values({
        review_id: reviewId,
        user_id: place.userId,
        role: place.role,
        conflicts: JSON.stringify(place.conflicts),
        override_by: place.override ? actor.id : null,
        override_reason: place.override?.reason ?? null,
        added_by: actor.id,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: place.override ? 'peer-review.conflict-overridden' : 'peer-review.reviewer-added',
      subject: `peer review ${reviewId}`,
      urn: review.host_urn,
      // Kinds, not reasons: the reasons stay on the review, which only its readers see.
      details: { userId: place.userId, role: place.role, conflicts: place.conflicts.map((c) => c.kind) },
    });
    return true;
  });
}

/** Takes a reviewer off a planned review's team; false when there was nothing to remove. */
export async function removeFromTeam(db: Db, reviewId: number, userId: number, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('peer_reviews')
      .select(['status', 'host_urn'])
      .where('id', '=', reviewId)
      .forUpdate()
      .executeTakeFirst();
    if (review?.status !== 'planned') return false;
    const removed = await trx
      .deleteFrom('peer_review_team')
      .where('review_id', '=', reviewId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await recordAudit(trx, {
      actor,
      action: 'peer-review.reviewer-removed',
      subject: `peer review ${reviewId}`,
      urn: review.host_urn,
      details: { userId },
    });
    return true;
  });
}
