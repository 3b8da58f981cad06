import { peopleOfSchools } from '../../data/notifications.ts';
import type { Review } from '../../data/peer-review/reviews.ts';
import type { SessionUser } from '../../domain/access.ts';
import type { NotificationKind } from '../../domain/notifications.ts';
import type { Words } from '../../domain/words.ts';
import type { AppContext } from '../context.ts';
import { notifyPeople } from '../notifications/notifications.ts';

/**
 * Who hears what happened in a review. The words say only what happened and to whose review,
 * never a finding or the self-evaluation: the report is the host school's, and an email travels.
 */
export type ReviewAudience = 'host' | 'team' | 'lead' | 'moderator';

export async function tellAboutReview(
  ctx: AppContext,
  actor: SessionUser,
  review: Review,
  kind: NotificationKind,
  audience: readonly ReviewAudience[],
  notification: { subject: Words; link?: string },
): Promise<void> {
  const ids = new Set<number>();
  if (audience.includes('host'))
    for (const p of await peopleOfSchools(ctx.db, [review.hostUrn])) ids.add(p.userId);
  for (const t of review.team)
    if (audience.includes('team') || (audience.includes('lead') && t.role === 'lead')) ids.add(t.userId);
  const moderator = review.cycle.moderator?.userId;
  if (audience.includes('moderator') && moderator !== undefined) ids.add(moderator);
  ids.delete(actor.id);
  await notifyPeople(ctx, [...ids], kind, {
    subject: notification.subject,
    link: notification.link ?? `/peer-review/reviews/${review.id}`,
  });
}
