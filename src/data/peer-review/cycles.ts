import type { ReviewStatus } from '../../domain/peer-review/review.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import type { Db } from '../db.ts';

type Actor = NonNullable<AuditEntry['actor']>;

export interface NewCycle {
  groupId: number;
  title: string;
  framework: { id: string; version: number };
  startsOn: string;
  endsOn: string;
  moderatorUserId: number;
  /** Each host's visit in schedule order, and whether its report is in the moderator's sample. */
  visits: { urn: number; visitOn: string; sampled: boolean }[];
}

/** A cycle and its schedule of reviews, in one transaction. */
export async function createCycle(db: Db, cycle: NewCycle, actor: Actor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('peer_review_cycles')
      .values({
        group_id: cycle.groupId,
        title: cycle.title,
        framework_id: cycle.framework.id,
        framework_version: cycle.framework.version,
        starts_on: cycle.startsOn,
        ends_on: cycle.endsOn,
        moderator_user_id: cycle.moderatorUserId,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('peer_reviews')
      .values(
        cycle.visits.map((v, position) => ({
          cycle_id: id,
          host_urn: v.urn,
          position,
          visit_on: v.visitOn,
          sampled: v.sampled,
        })),
      )
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'peer-review.cycle-scheduled',
      subject: `peer-review cycle ${id}`,
      details: { groupId: cycle.groupId, hosts: cycle.visits.map((v) => v.urn), moderator: cycle.moderatorUserId },
    });
    return id;
  });
}

export interface CycleReview {
  id: number;
  hostUrn: number;
  hostName: string;
  position: number;
  visitOn: string;
  status: ReviewStatus;
  sampled: boolean;
  lead: string | null;
  teamSize: number;
}

export interface Cycle {
  id: number;
  groupId: number;
  groupName: string;
  title: string;
  framework: { id: string; version: number };
  startsOn: string;
  endsOn: string;
  moderator: { userId: number; name: string } | null;
  reviews: CycleReview[];
}

export async function getCycle(db: Db, id: number): Promise<Cycle | undefined> {
  const cycle = await db
    .selectFrom('peer_review_cycles as c')
    .innerJoin('peer_review_groups as g', 'g.id', 'c.group_id')
    .leftJoin('users as m', 'm.id', 'c.moderator_user_id')
    .select([
      'c.id',
      'c.group_id',
      'g.name as group_name',
      'c.title',
      'c.framework_id',
      'c.framework_version',
      'c.starts_on',
      'c.ends_on',
      'c.moderator_user_id',
      'm.name as moderator_name',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!cycle) return undefined;
  const reviews = await db
    .selectFrom('peer_reviews as r')
    .innerJoin('schools as s', 's.urn', 'r.host_urn')
    .select((eb) => [
      'r.id',
      'r.host_urn',
      's.name',
      'r.position',
      'r.visit_on',
      'r.status',
      'r.sampled',
      eb
        .selectFrom('peer_review_team as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select('u.name')
        .whereRef('t.review_id', '=', 'r.id')
        .where('t.role', '=', 'lead')
        .as('lead'),
      eb
        .selectFrom('peer_review_team as t')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('t.review_id', '=', 'r.id')
        .as('team_size'),
    ])
    .where('r.cycle_id', '=', id)
    .orderBy('r.position')
    .execute();
  return {
    id: cycle.id,
    groupId: cycle.group_id,
    groupName: cycle.group_name,
    title: cycle.title,
    framework: { id: cycle.framework_id, version: cycle.framework_version },
    startsOn: cycle.starts_on,
    endsOn: cycle.ends_on,
    moderator:
      cycle.moderator_user_id !== null && cycle.moderator_name !== null
        ? { userId: cycle.moderator_user_id, name: cycle.moderator_name }
        : null,
    reviews: reviews.map((r) => ({
      id: r.id,
      hostUrn: r.host_urn,
      hostName: r.name,
      position: r.position,
      visitOn: r.visit_on,
      status: r.status,
      sampled: r.sampled,
      lead: r.lead ?? null,
      teamSize: Number(r.team_size ?? 0),
    })),
  };
}

/** Cycles of groups the schools agreed to join, and those the person reviews in or moderates; newest first. */
export async function listCycleIdsFor(db: Db, who: { urns: readonly number[]; userId: number }): Promise<number[]> {
  const rows = await db
    .selectFrom('peer_review_cycles as c')
    .select('c.id')
    .where((eb) =>
      eb.or([
        eb('c.moderator_user_id', '=', who.userId),
        eb.exists(
          eb
            .selectFrom('peer_reviews as r')
            .innerJoin('peer_review_team as t', 't.review_id', 'r.id')
            .select('r.id')
            .whereRef('r.cycle_id', '=', 'c.id')
            .where('t.user_id', '=', who.userId),
        ),
        ...(who.urns.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('peer_review_group_schools as g')
                  .select('g.urn')
                  .whereRef('g.group_id', '=', 'c.group_id')
                  .where('g.consent', '=', 'joined')
                  .where('g.urn', 'in', who.urns),
              ),
            ]
          : []),
      ]),
    )
    .orderBy('c.starts_on', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}
