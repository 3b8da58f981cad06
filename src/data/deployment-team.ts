import type { LeaderAnswer } from '../domain/leaders/deployment.ts';
import type { LeaderRuleBroken } from '../domain/leaders/outcome.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import type { Db } from './db.ts';
import { lockedFit, type Fits } from './deployments.ts';

type Actor = AuditEntry['actor'];

/**
 * The deployment's row and its partnership's, the partnership's locked first (as its lifecycle
 * steps lock it), so a change to the team and the deployment's start cannot cross. Undefined
 * when the deployment no longer takes changes to its team: started, closed, withdrawn or
 * declined by its lead.
 */
async function lockedBeforeStart(trx: Db, id: number) {
  const row = await trx
    .selectFrom('partnerships as p')
    .innerJoin('deployments as d', 'd.partnership_id', 'p.id')
    .select([
      'p.status',
      'p.start_date',
      'p.end_date',
      'd.leader_user_id',
      'd.client_urn',
      'd.organisation_id',
      'd.leader_answer',
      'd.withdrawn_at',
    ])
    .where('p.id', '=', id)
    .forUpdate('p')
    .executeTakeFirst();
  const open =
    row &&
    row.withdrawn_at === null &&
    row.leader_answer !== 'declined' &&
    (row.status === 'proposed' || row.status === 'agreed');
  return open ? row : undefined;
}

export interface NewMember {
  userId: number;
  days: number;
  dayRatePounds: number;
}

export type MemberAdded =
  | { added: true }
  | { refused: LeaderRuleBroken }
  | { noProfile: true }
  | { already: true }
  | { closed: true };

/**
 * Adds a published system leader to a deployment's team before it starts, after `lockedFit`
 * has found their days free between the deployment's dates; in one transaction, audited.
 */
export async function addTeamMember(
  db: Db,
  id: number,
  member: NewMember,
  fits: (dates: { start: string; end: string }) => Fits,
  by: { userId: number; at: string; actor: Actor },
): Promise<MemberAdded> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedBeforeStart(trx, id);
    if (!row || row.start_date === null || row.end_date === null) return { closed: true as const };
    const onTeam =
      row.leader_user_id === member.userId ||
      (await trx
        .selectFrom('deployment_members')
        .select('user_id')
        .where('partnership_id', '=', id)
        .where('user_id', '=', member.userId)
        .executeTakeFirst()) !== undefined;
    if (onTeam) return { already: true as const };
    const checked = await lockedFit(trx, member.userId, fits({ start: row.start_date, end: row.end_date }), {
      published: true,
    });
    if ('noProfile' in checked) return checked;
    if (checked.refused) return { refused: checked.refused };
    await trx
      .insertInto('deployment_members')
      .values({
        partnership_id: id,
        user_id: member.userId,
        days: member.days,
        day_rate_pounds: member.dayRatePounds,
        added_by: by.userId,
        added_at: new Date(by.at),
      })
      .execute();
    await recordAudit(trx, {
      actor: by.actor,
      action: 'deployment.member-added',
      subject: `deployment ${id}`,
      urn: row.client_urn,
      organisationId: row.organisation_id ?? undefined,
      details: { memberUserId: member.userId, days: member.days },
    });
    return { added: true as const };
  });
}

/** Removes a further member from the team before the deployment starts; false when it has started or they are not on it. */
export async function removeTeamMember(
  db: Db,
  id: number,
  userId: number,
  by: { at: string; actor: Actor },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedBeforeStart(trx, id);
    if (!row) return false;
    const removed = await trx
      .deleteFrom('deployment_members')
      .where('partnership_id', '=', id)
      .where('user_id', '=', userId)
      .returning('user_id')
      .executeTakeFirst();
    if (!removed) return false;
    await recordAudit(trx, {
      actor: by.actor,
      action: 'deployment.member-removed',
      subject: `deployment ${id}`,
      urn: row.client_urn,
      organisationId: row.organisation_id ?? undefined,
      details: { memberUserId: userId },
    });
    return true;
  });
}

/** A further member's own answer, once, before the deployment starts; false when already answered or too late. */
export async function answerTeamPlace(
  db: Db,
  id: number,
  answer: LeaderAnswer,
  by: { userId: number; at: string; actor: Actor },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedBeforeStart(trx, id);
    if (!row) return false;
    const answered = await trx
      .updateTable('deployment_members')
      .set({ answer, answered_at: by.at })
      .where('partnership_id', '=', id)
      .where('user_id', '=', by.userId)
      .where('answer', 'is', null)
      .returning('user_id')
      .executeTakeFirst();
    if (!answered) return false;
    await recordAudit(trx, {
      actor: by.actor,
      action: answer === 'accepted' ? 'deployment.member-accepted' : 'deployment.member-declined',
      subject: `deployment ${id}`,
      urn: row.client_urn,
    });
    return true;
  });
}

/** How many further members of a deployment's team have not accepted their place (none for a team of one). */
export async function membersNotAccepted(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom('deployment_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('partnership_id', '=', id)
    .where((eb) => eb.or([eb('answer', 'is', null), eb('answer', '<>', 'accepted')]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The further members of a deployment's team with their days, for checks of its dates. */
export async function teamMembersDays(db: Db, id: number): Promise<{ userId: number; days: number }[]> {
  const rows = await db
    .selectFrom('deployment_members')
    .select(['user_id', 'days'])
    .where('partnership_id', '=', id)
    .where((eb) => eb.or([eb('answer', 'is', null), eb('answer', '<>', 'declined')]))
    .execute();
  return rows.map((r) => ({ userId: r.user_id, days: Number(r.days) }));
}

/** Whether the person is a further member of the deployment's team. */
export async function isTeamMember(db: Db, id: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('deployment_members')
    .select('user_id')
    .where('partnership_id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
