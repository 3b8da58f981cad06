import { sql } from 'kysely';
import type { DeclaredConflict, DeclaredConflictKind } from '../../domain/peer-review/conflicts.ts';
import type { Reviewer } from '../../domain/peer-review/reviewers.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import type { Db } from '../db.ts';

type Actor = NonNullable<AuditEntry['actor']>;

/** A register entry with what people read beside it. */
export interface RegisteredReviewer extends Reviewer {
  email: string;
  homeSchoolName: string;
  experience: string;
}

/** Reviews a person was on whose report is final. */
const finalReviewsOf = (db: Db) =>
  db
    .selectFrom('peer_review_team as t')
    .innerJoin('peer_reviews as r', 'r.id', 't.review_id')
    .where('r.status', '=', 'final')
    .select((eb) => ['t.user_id', eb.fn.countAll<number>().as('done')])
    .groupBy('t.user_id');

/** Register entries, of the given people or of everyone; by name. */
export async function listReviewers(db: Db, userIds?: readonly number[]): Promise<RegisteredReviewer[]> {
  if (userIds && userIds.length === 0) return [];
  let query = db
    .selectFrom('peer_reviewers as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('schools as s', 's.urn', 'p.home_urn')
    .leftJoin(finalReviewsOf(db).as('f'), 'f.user_id', 'p.user_id')
    .select([
      'p.user_id',
      'u.name',
      'u.email',
      'p.home_urn',
      's.name as home_school_name',
      'p.trained_on',
      'p.trained_by',
      'p.earlier_reviews',
      'p.experience',
      'p.agreed_at',
      'f.done',
    ]);
  if (userIds) query = query.where('p.user_id', 'in', userIds);
  const rows = await query.orderBy('u.name').orderBy('p.user_id').execute();
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    homeUrn: r.home_urn,
    homeSchoolName: r.home_school_name,
    trainedOn: r.trained_on,
    trainedBy: r.trained_by,
    earlierReviews: r.earlier_reviews,
    reviewsOnS2S: Number(r.done ?? 0),
    experience: r.experience,
    agreedAt: r.agreed_at ? new Date(r.agreed_at).toISOString() : null,
  }));
}

export async function getReviewer(db: Db, userId: number): Promise<RegisteredReviewer | undefined> {
  return (await listReviewers(db, [userId]))[0];
}

export interface ReviewerEntry {
  homeUrn: number;
  trainedOn: string;
  trainedBy: string;
  earlierReviews: number;
  experience: string;
}

/** A person's own entry: their training and experience, and their agreement to the undertaking (audited). */
export async function saveReviewer(db: Db, userId: number, entry: ReviewerEntry, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const values = {
      home_urn: entry.homeUrn,
      trained_on: entry.trainedOn,
      trained_by: entry.trainedBy,
      earlier_reviews: entry.earlierReviews,
      experience: entry.experience,
      agreed_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    };
    await trx
      .insertInto('peer_reviewers')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'peer-review.reviewer-registered',
      subject: `user ${userId}`,
      urn: entry.homeUrn,
      details: { trainedOn: entry.trainedOn, earlierReviews: entry.earlierReviews },
    });
  });
}

/** Conflicts people declared, of the given people. */
export async function listDeclaredConflicts(
  db: Db,
  userIds: readonly number[],
): Promise<(DeclaredConflict & { id: number; userId: number; schoolName: string; declaredAt: string })[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('peer_reviewer_conflicts as c')
    .innerJoin('schools as s', 's.urn', 'c.urn')
    .select(['c.id', 'c.user_id', 'c.urn', 'c.kind', 'c.declared_at', 's.name'])
    .where('c.user_id', 'in', userIds)
    .orderBy('c.declared_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    urn: r.urn,
    kind: r.kind,
    schoolName: r.name,
    declaredAt: new Date(r.declared_at).toISOString(),
  }));
}

/** Adds a declared conflict (a repeat changes nothing); audited. */
export async function declareConflict(
  db: Db,
  userId: number,
  conflict: { urn: number; kind: DeclaredConflictKind },
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('peer_reviewer_conflicts')
      .values({ user_id: userId, urn: conflict.urn, kind: conflict.kind })
      .onConflict((oc) => oc.columns(['user_id', 'urn', 'kind']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!added) return;
    await recordAudit(trx, {
      actor,
      action: 'peer-review.conflict-declared',
      subject: `user ${userId}`,
      details: { urn: conflict.urn, kind: conflict.kind },
    });
  });
}

/** Removes one of the person's own declared conflicts; false when they have no such entry. */
export async function withdrawConflict(db: Db, userId: number, id: number, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('peer_reviewer_conflicts')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .returning(['urn', 'kind'])
      .executeTakeFirst();
    if (!removed) return false;
    await recordAudit(trx, {
      actor,
      action: 'peer-review.conflict-withdrawn',
      subject: `user ${userId}`,
      details: { urn: removed.urn, kind: removed.kind },
    });
    return true;
  });
}
