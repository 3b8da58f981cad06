import type { SchoolRole } from '../domain/access.ts';
import type { JoinRequest, JoinRequestReason } from '../domain/join-requests.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { insertInvitation } from './invitations.ts';
import { normaliseEmail } from './users.ts';

type Actor = { id: number; email: string };

const pending = (db: Db) =>
  db
    .selectFrom('join_requests as j')
    .leftJoin('schools as s', 's.urn', 'j.urn')
    .leftJoin('users as u', 'u.id', 'j.requested_by')
    .select([
      'j.id',
      'j.email',
      'j.urn',
      's.name as school_name',
      'j.school_role',
      'j.reason',
      'j.note',
      'j.partnership_id',
      'j.requested_by',
      'u.name as requester_name',
      'j.created_at',
    ])
    .where('j.decided_at', 'is', null);

type Row = Awaited<ReturnType<ReturnType<typeof pending>['executeTakeFirstOrThrow']>>;

const toRequest = (r: Row): JoinRequest => ({
  id: r.id,
  email: r.email,
  urn: r.urn,
  schoolName: r.school_name ?? `School ${r.urn}`,
  schoolRole: r.school_role,
  reason: r.reason,
  note: r.note,
  partnershipId: r.partnership_id,
  requestedBy: r.requested_by === null ? null : { id: r.requested_by, name: r.requester_name ?? '' },
  createdAt: r.created_at,
});

/** Records a request to join a school, and its audit entry. */
export async function createJoinRequest(
  db: Db,
  request: {
    email: string;
    urn: number;
    schoolRole: SchoolRole;
    reason: JoinRequestReason;
    note: string | null;
    partnershipId: number | null;
    requestedBy: Actor;
    now: Date;
  },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('join_requests')
      .values({
        email: normaliseEmail(request.email),
        urn: request.urn,
        school_role: request.schoolRole,
        reason: request.reason,
        note: request.note,
        partnership_id: request.partnershipId,
        requested_by: request.requestedBy.id,
        created_at: request.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: request.requestedBy,
      action: 'school.join-requested',
      subject: normaliseEmail(request.email),
      urn: request.urn,
      details: { role: request.schoolRole, reason: request.reason },
    });
    return id;
  });
}

/** A request still waiting for a decision. */
export async function findPendingJoinRequest(db: Db, id: number): Promise<JoinRequest | undefined> {
  const row = await pending(db).where('j.id', '=', id).executeTakeFirst();
  return row && toRequest(row);
}

/**
 * Requests waiting for a decision: those of a platform administrator into `schoolsAdministered`,
 * and those for a first administrator of `firstAdministratorSchools` (every school with 'all').
 */
export async function listPendingJoinRequests(
  db: Db,
  scope: { schoolsAdministered: number[]; firstAdministratorSchools: number[] | 'all' },
): Promise<JoinRequest[]> {
  const { schoolsAdministered: administered, firstAdministratorSchools: overseen } = scope;
  if (administered.length === 0 && overseen !== 'all' && overseen.length === 0) return [];
  const rows = await pending(db)
    .where((eb) =>
      eb.or([
        ...(administered.length
          ? [eb.and([eb('j.reason', '=', 'platform-administrator'), eb('j.urn', 'in', administered)])]
          : []),
        ...(overseen === 'all'
          ? [eb('j.reason', '=', 'first-administrator')]
          : overseen.length
            ? [eb.and([eb('j.reason', '=', 'first-administrator'), eb('j.urn', 'in', overseen)])]
            : []),
      ]),
    )
    .orderBy('j.created_at')
    .execute();
  return rows.map(toRequest);
}

/** Requests for a school still waiting for a decision, whoever decides them. */
export async function pendingJoinRequestsFor(db: Db, urn: number): Promise<JoinRequest[]> {
  return (await pending(db).where('j.urn', '=', urn).orderBy('j.created_at').execute()).map(toRequest);
}

/**
 * Decides a request in one transaction: marks it decided and, when approved, makes the invitation
 * (in the requester's name) whose token is returned for the email. Undefined when it was decided
 * meanwhile.
 */
export async function decideJoinRequest(
  db: Db,
  id: number,
  decision: { outcome: 'approved' | 'refused'; by: Actor; now: Date; validMs: number },
): Promise<{ token?: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('join_requests')
      .selectAll()
      .where('id', '=', id)
      .where('decided_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return undefined;
    await trx
      .updateTable('join_requests')
      .set({ decided_at: decision.now, decided_by: decision.by.id, outcome: decision.outcome })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor: decision.by,
      action: decision.outcome === 'approved' ? 'school.join-approved' : 'school.join-refused',
      subject: row.email,
      urn: row.urn,
      details: { role: row.school_role, reason: row.reason },
    });
    if (decision.outcome === 'refused') return {};
    const requester = row.requested_by
      ? await trx.selectFrom('users').select(['id', 'email']).where('id', '=', row.requested_by).executeTakeFirst()
      : undefined;
    const token = await insertInvitation(trx, {
      email: row.email,
      target: { urn: row.urn, schoolRole: row.school_role },
      invitedBy: requester ?? decision.by,
      now: decision.now,
      validMs: decision.validMs,
    });
    return { token };
  });
}

/** The platform administrators and the officers of a school's organisations: who oversees it. */
export async function overseersOf(db: Db, urn: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('platform_admin', '=', true)
    .union(
      db
        .selectFrom('organisation_officers as oo')
        .innerJoin('organisation_schools as os', 'os.organisation_id', 'oo.organisation_id')
        .select('oo.user_id as id')
        .where('os.urn', '=', urn),
    )
    .execute();
  return rows.map((r) => r.id);
}
