import { sql, type ExpressionBuilder } from 'kysely';
import type { Commitment } from '../domain/leaders/availability.ts';
import { designationsHeld, type ProfileDetails, type SystemLeaderProfile } from '../domain/leaders/profile.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

type Actor = AuditEntry['actor'];

function profiles(db: Db) {
  return db
    .selectFrom('system_leader_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('system_leaders as sl', 'sl.user_id', 'p.user_id')
    .leftJoin('schools as s', 's.urn', 'p.urn')
    .selectAll('p')
    .select(['u.name', 'sl.designation', 's.name as school_name']);
}

type ProfileRow = Awaited<ReturnType<ReturnType<typeof profiles>['executeTakeFirstOrThrow']>>;

function toProfile(row: ProfileRow): SystemLeaderProfile {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    jobTitle: row.job_title,
    urn: row.urn,
    schoolName: row.school_name ?? `School ${row.urn}`,
    claimedDesignations: row.claimed_designations,
    designations: designationsHeld(row.designation, row.claimed_designations),
    expertise: row.expertise,
    phases: row.phases,
    experience: row.experience,
    availability: { daysPerTerm: row.days_per_term, from: row.available_from, to: row.available_to },
    travelKm: row.travel_km,
    worksRemotely: row.works_remotely,
    dayRatePounds: row.day_rate_pounds,
    freeWithin: row.free_within,
    publishedAt: row.published_at === null ? null : new Date(row.published_at).toISOString(),
    example: row.example,
  };
}

/** The person's own profile, published or not. */
export async function getProfileOfUser(db: Db, userId: number): Promise<SystemLeaderProfile | undefined> {
  const row = await profiles(db).where('p.user_id', '=', userId).executeTakeFirst();
  return row && toProfile(row);
}

export async function getProfile(db: Db, id: number): Promise<SystemLeaderProfile | undefined> {
  const row = await profiles(db).where('p.id', '=', id).executeTakeFirst();
  return row && toProfile(row);
}

/** Every published profile, by name: the directory (hidden ones never leave the database). */
export async function listPublishedProfiles(db: Db): Promise<SystemLeaderProfile[]> {
  const rows = await profiles(db).where('p.published_at', 'is not', null).orderBy('u.name').orderBy('p.id').execute();
  return rows.map(toProfile);
}

/** A profile's details as its columns. */
function profileColumns(details: ProfileDetails) {
  return {
    job_title: details.jobTitle,
    urn: details.urn,
    claimed_designations: details.claimedDesignations,
    expertise: details.expertise,
    phases: details.phases,
    experience: details.experience,
    days_per_term: details.availability.daysPerTerm,
    available_from: details.availability.from,
    available_to: details.availability.to,
    travel_km: details.travelKm,
    works_remotely: details.worksRemotely,
    day_rate_pounds: details.dayRatePounds,
    free_within: details.freeWithin,
    updated_at: sql<Date>`now()`,
  };
}

/** Creates or changes the person's profile, leaving whether it is published as it was; audited. */
export async function saveProfile(db: Db, userId: number, details: ProfileDetails, actor: Actor): Promise<number> {
  const values = profileColumns(details);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('system_leader_profiles')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: 'system-leader.profile-saved',
      subject: `system leader profile ${id}`,
      // Which fields, not their words: the audit log is read by platform administrators.
      details: { urn: details.urn, expertise: details.expertise, phases: details.phases },
    });
    return id;
  });
}

/**
 * A made-up system leader for the demo: a person who cannot sign in (no password, an address
 * that receives no mail) with a published profile marked as an example.
 */
export async function createExampleLeader(
  db: Db,
  person: { name: string; email: string },
  details: ProfileDetails,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('users')
      .values({ email: person.email, name: person.name, password_hash: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('system_leader_profiles')
      .values({ user_id: id, ...profileColumns(details), published_at: at, example: true })
      .execute();
  });
}

/** How many profiles there are, published or not. */
export async function profileCount(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('system_leader_profiles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Publishes (at `at`) or withdraws the person's profile; false when they have none. */
export async function setProfilePublished(
  db: Db,
  userId: number,
  at: string | null,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('system_leader_profiles')
      .set({ published_at: at, updated_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await recordAudit(trx, {
      actor,
      action: at ? 'system-leader.profile-published' : 'system-leader.profile-withdrawn',
      subject: `system leader profile ${row.id}`,
    });
    return true;
  });
}

/**
 * The days each of these people is committed to: every deployment not closed and not declined,
 * as its partnership's days and dates (a proposal holds its days until it is answered).
 */
export async function listCommitments(
  db: Db,
  userIds: readonly number[],
): Promise<Map<number, (Commitment & { partnershipId: number })[]>> {
  const byUser = new Map<number, (Commitment & { partnershipId: number })[]>();
  if (userIds.length === 0) return byUser;
  const open = (eb: ExpressionBuilder<Database, 'partnerships' | 'deployments'>) =>
    eb.and([
      eb('partnerships.status', '<>', 'closed'),
      eb.or([eb('deployments.leader_answer', 'is', null), eb('deployments.leader_answer', '<>', 'declined')]),
      eb('partnerships.start_date', 'is not', null),
      eb('partnerships.end_date', 'is not', null),
    ]);
  const asLead = await db
    .selectFrom('deployments')
    .innerJoin('partnerships', 'partnerships.id', 'deployments.partnership_id')
    .select([
      'deployments.leader_user_id as user_id',
      'deployments.partnership_id',
      'partnerships.staff_days as days',
      'partnerships.start_date',
      'partnerships.end_date',
    ])
    .where('deployments.leader_user_id', 'in', userIds)
    .where(open)
    .where('partnerships.staff_days', 'is not', null)
    .execute();
  // A member of a team holds their own days between the deployment's dates, until they decline.
  const asMember = await db
    .selectFrom('deployment_members as m')
    .innerJoin('deployments', 'deployments.partnership_id', 'm.partnership_id')
    .innerJoin('partnerships', 'partnerships.id', 'm.partnership_id')
    .select(['m.user_id', 'm.partnership_id', 'm.days', 'partnerships.start_date', 'partnerships.end_date'])
    .where('m.user_id', 'in', userIds)
    .where((eb) => eb.or([eb('m.answer', 'is', null), eb('m.answer', '<>', 'declined')]))
    .where(open)
    .execute();
  for (const r of [...asLead, ...asMember]) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({ partnershipId: r.partnership_id, days: Number(r.days), start: r.start_date!, end: r.end_date! });
    byUser.set(r.user_id, list);
  }
  return byUser;
}
