import { sql } from 'kysely';
import type { Consent, GroupModel, GroupSchool } from '../../domain/peer-review/groups.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import type { Db } from '../db.ts';

type Actor = NonNullable<AuditEntry['actor']>;

export interface ReviewGroup {
  id: number;
  name: string;
  model: GroupModel;
  createdAt: string;
  schools: (GroupSchool & { name: string })[];
}

/** A group proposed by one school (which joins at once) inviting the others, in one transaction. */
export async function createGroup(
  db: Db,
  group: { name: string; model: GroupModel; proposerUrn: number; invitedUrns: readonly number[] },
  actor: Actor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('peer_review_groups')
      .values({ name: group.name, model: group.model, created_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('peer_review_group_schools')
      .values([
        { group_id: id, urn: group.proposerUrn, consent: 'joined', answered_by: actor.id, answered_at: sql<Date>`now()` },
        ...group.invitedUrns.map((urn) => ({ group_id: id, urn, consent: 'invited' as const })),
      ])
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'peer-review.group-created',
      subject: `peer-review group ${id}`,
      urn: group.proposerUrn,
      details: { model: group.model, invited: group.invitedUrns },
    });
    return id;
  });
}

export async function getGroup(db: Db, id: number): Promise<ReviewGroup | undefined> {
  const group = await db.selectFrom('peer_review_groups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!group) return undefined;
  const schools = await db
    .selectFrom('peer_review_group_schools as g')
    .innerJoin('schools as s', 's.urn', 'g.urn')
    .select(['g.urn', 'g.consent', 's.name'])
    .where('g.group_id', '=', id)
    .orderBy('s.name')
    .execute();
  return {
    id: group.id,
    name: group.name,
    model: group.model,
    createdAt: new Date(group.created_at).toISOString(),
    schools: schools.map((s) => ({ urn: s.urn, consent: s.consent, name: s.name })),
  };
}

/** Groups any of these schools is in or has been asked to join, newest first. */
export async function listGroupsOf(db: Db, urns: readonly number[]): Promise<ReviewGroup[]> {
  if (urns.length === 0) return [];
  const ids = await db
    .selectFrom('peer_review_group_schools as g')
    .innerJoin('peer_review_groups as p', 'p.id', 'g.group_id')
    .select('p.id')
    .distinct()
    .where('g.urn', 'in', urns)
    .where('g.consent', 'in', ['invited', 'joined'])
    .orderBy('p.id', 'desc')
    .execute();
  const groups = await Promise.all(ids.map((r) => getGroup(db, r.id)));
  return groups.filter((g): g is ReviewGroup => g !== undefined);
}

/** A school's answer to an invitation, or its leaving; false when its consent was not `from`. */
export async function answerGroup(
  db: Db,
  groupId: number,
  urn: number,
  from: Consent,
  to: Consent,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('peer_review_group_schools')
      .set({ consent: to, answered_by: actor.id, answered_at: sql<Date>`now()` })
      .where('group_id', '=', groupId)
      .where('urn', '=', urn)
      .where('consent', '=', from)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await recordAudit(trx, {
      actor,
      action: `peer-review.group-${to}`,
      subject: `peer-review group ${groupId}`,
      urn,
    });
    return true;
  });
}
