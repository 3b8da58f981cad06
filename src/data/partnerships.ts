import { sql, type Transaction } from 'kysely';
import type { LifecycleEvent, Transition, InvitationAnswer } from '../domain/partnerships/lifecycle.ts';
import type {
  Closure,
  Cost,
  InvitationStatus,
  Member,
  MemberRole,
  Milestone,
  Objective,
  Partnership,
  PartnershipPlan,
  PartnershipStatus,
  PartnershipType,
  Seniority,
  StaffMember,
  TitleWords,
} from '../domain/partnerships/model.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import type { Db } from './db.ts';
import { schoolsOfOrganisations } from './organisations.ts';
import type { Database } from './schema.ts';

/** Who did it, for the audit log, written in the same transaction as the change. */
type Actor = AuditEntry['actor'];

export interface NewPartnership {
  title: string;
  /** The template and values of a title the service wrote, for pages in other languages. */
  titleWords?: TitleWords;
  type: PartnershipType;
  proposer: { urn: number; role: MemberRole };
  invited: { urn: number; role: MemberRole }[];
  /** A short message to the invited schools. */
  message?: string | null;
  createdBy: number;
  at: string;
  actor?: Actor;
}

/**
 * A proposal from one school to others, with its first event, in one transaction (the caller's,
 * when given one, so a proposal made from elsewhere lands with what prompted it).
 */
export async function createPartnership(db: Db | Transaction<Database>, input: NewPartnership): Promise<number> {
  const within = <T>(write: (trx: Transaction<Database>) => Promise<T>) =>
    db.isTransaction ? write(db as Transaction<Database>) : db.transaction().execute(write);
  return within(async (trx) => {
    const { id } = await trx
      .insertInto('partnerships')
      .values({
        title: input.title,
        title_words: input.titleWords ?? null,
        type: input.type,
        proposal_message: input.message ?? null,
        created_by: input.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('partnership_members')
      .values([
        { partnership_id: id, urn: input.proposer.urn, role: input.proposer.role, invitation: 'proposer' },
        ...input.invited.map((m) => ({ partnership_id: id, urn: m.urn, role: m.role, invitation: 'invited' as const })),
      ])
      .execute();
    await trx
      .insertInto('partnership_events')
      .values({
        partnership_id: id,
        kind: 'proposed',
        from_status: null,
        to_status: 'proposed',
        urn: input.proposer.urn,
        by_user_id: input.createdBy,
        at: input.at,
        reason: null,
      })
      .execute();
    await recordAudit(trx, {
      actor: input.actor ?? null,
      action: 'partnership.proposed',
      subject: `partnership ${id}`,
      urn: input.proposer.urn,
      // Ids, not the plan's words: platform administrators read the audit log, not schools' records.
      details: { invited: input.invited.map((m) => m.urn) },
    });
    return id;
  });
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export async function getMembers(db: Db, id: number): Promise<Member[]> {
  const rows = await db
    .selectFrom('partnership_members as m')
    .innerJoin('schools as s', 's.urn', 'm.urn')
    .select(['m.urn', 's.name', 'm.role', 'm.invitation', 'm.responded_at'])
    .where('m.partnership_id', '=', id)
    .orderBy(sql`m.invitation = 'proposer'`, 'desc')
    .orderBy('s.name')
    .execute();
  return rows.map((r) => ({
    urn: r.urn,
    name: r.name,
    role: r.role,
    invitation: r.invitation,
    respondedAt: iso(r.responded_at),
  }));
}

export async function getPartnership(db: Db, id: number): Promise<Partnership | undefined> {
  const row = await db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [members, staff, objectives, costs, milestones] = await Promise.all([
    getMembers(db, id),
    db.selectFrom('partnership_staff').selectAll().where('partnership_id', '=', id).orderBy('id').execute(),
    db.selectFrom('partnership_objectives').selectAll().where('partnership_id', '=', id).orderBy('id').execute(),
    db.selectFrom('partnership_costs').selectAll().where('partnership_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('partnership_milestones')
      .selectAll()
      .where('partnership_id', '=', id)
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
  ]);
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    status: row.status,
    planVersion: row.plan_version,
    proposalMessage: row.proposal_message,
    closure: row.closure,
    endReason: row.end_reason,
    focusAreas: row.focus_areas,
    need: row.need,
    priorities: row.priorities,
    staffDays: row.staff_days,
    releaseTime: row.release_time,
    startDate: row.start_date,
    endDate: row.end_date,
    exitStrategy: row.exit_strategy,
    sustainability: row.sustainability,
    members,
    staff: staff.map(
      (s): StaffMember => ({
        id: s.id,
        urn: s.urn,
        name: s.name,
        jobTitle: s.job_title,
        seniority: s.seniority as Seniority,
        systemLeader: s.system_leader,
      }),
    ),
    objectives: objectives.map(
      (o): Objective => ({
        id: o.id,
        description: o.description,
        successCriteria: o.success_criteria,
        measure: o.measure,
        customMeasureName: o.custom_measure_name,
        baseline: o.baseline,
        target: o.target,
      }),
    ),
    costs: costs.map((c): Cost => ({ id: c.id, item: c.item, amountPounds: c.amount_pounds, paidBy: c.paid_by })),
    milestones: milestones.map(
      (m): Milestone => ({ id: m.id, title: m.title, dueDate: m.due_date, doneOn: m.done_on }),
    ),
  };
}

export interface PartnershipSummary {
  id: number;
  title: string;
  type: PartnershipType;
  status: PartnershipStatus;
  closure: Closure | null;
  startDate: string | null;
  endDate: string | null;
  members: Member[];
  overdueActions: number;
}

/**
 * Partnerships any of these schools takes part in or (with `invitedToo`) is invited to, newest
 * first, with each one's overdue actions as of `today`.
 */
export async function listPartnerships(
  db: Db,
  urns: number[],
  today: string,
  { invitedToo = false }: { invitedToo?: boolean } = {},
): Promise<PartnershipSummary[]> {
  if (urns.length === 0) return [];
  const invitations: InvitationStatus[] = invitedToo ? ['proposer', 'accepted', 'invited'] : ['proposer', 'accepted'];
  const rows = await db
    .selectFrom('partnerships as p')
    .select([
      'p.id',
      'p.title',
      'p.type',
      'p.status',
      'p.closure',
      'p.start_date',
      'p.end_date',
      (eb) =>
        eb
          .selectFrom('partnership_actions as a')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('a.partnership_id', '=', 'p.id')
          .where('a.due_date', '<', today)
          .where('a.status', 'not in', ['done', 'cancelled'])
          .as('overdue'),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('partnership_members as m')
          .select('m.urn')
          .whereRef('m.partnership_id', '=', 'p.id')
          .where('m.urn', 'in', urns)
          .where('m.invitation', 'in', invitations),
      ),
    )
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      title: r.title,
      type: r.type,
      status: r.status,
      closure: r.closure,
      startDate: r.start_date,
      endDate: r.end_date,
      members: await getMembers(db, r.id),
      overdueActions: r.overdue ?? 0,
    })),
  );
}

const PLAN_COLUMNS = {
  title: 'title',
  type: 'type',
  focusAreas: 'focus_areas',
  need: 'need',
  priorities: 'priorities',
  staffDays: 'staff_days',
  releaseTime: 'release_time',
  startDate: 'start_date',
  endDate: 'end_date',
  exitStrategy: 'exit_strategy',
  sustainability: 'sustainability',
} as const;

export async function updatePlan(db: Db, id: number, plan: Partial<PartnershipPlan>): Promise<void> {
  const values: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(PLAN_COLUMNS)) {
    const value = plan[key as keyof PartnershipPlan];
    if (value !== undefined) values[column] = value;
  }
  // A title the service wrote keeps its words while it stands; one someone wrote has none.
  if (plan.title !== undefined) values.title_words = sql`case when title = ${plan.title} then title_words end`;
  await db
    .updateTable('partnerships')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** The words of each of these partnerships' titles the service wrote, by partnership. */
export async function titleWordsOf(db: Db, ids: readonly number[]): Promise<Map<number, TitleWords>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('partnerships')
    .select(['id', 'title_words'])
    .where('id', 'in', ids)
    .where('title_words', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.title_words!]));
}

/** Another school invited while the partnership is still a proposal. */
export async function inviteSchool(db: Db, id: number, urn: number, role: MemberRole): Promise<boolean> {
  const result = await db
    .insertInto('partnership_members')
    .values({ partnership_id: id, urn, role, invitation: 'invited' })
    .onConflict((oc) => oc.columns(['partnership_id', 'urn']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setMemberRole(db: Db, id: number, urn: number, role: MemberRole): Promise<void> {
  await db.updateTable('partnership_members').set({ role }).where('partnership_id', '=', id).where('urn', '=', urn).execute();
}

/** Withdraws an invitation nobody has answered yet. */
export async function withdrawInvitation(db: Db, id: number, urn: number): Promise<void> {
  await db
    .deleteFrom('partnership_members')
    .where('partnership_id', '=', id)
    .where('urn', '=', urn)
    .where('invitation', '=', 'invited')
    .execute();
}

export async function addStaff(db: Db, id: number, staff: Omit<StaffMember, 'id'>): Promise<void> {
  await db
    .insertInto('partnership_staff')
    .values({
      partnership_id: id,
      urn: staff.urn,
      name: staff.name,
      job_title: staff.jobTitle,
      seniority: staff.seniority,
      system_leader: staff.systemLeader,
    })
    .execute();
}

export async function addObjective(db: Db, id: number, objective: Omit<Objective, 'id'>): Promise<void> {
  await db
    .insertInto('partnership_objectives')
    .values({
      partnership_id: id,
      description: objective.description,
      success_criteria: objective.successCriteria,
      measure: objective.measure,
      custom_measure_name: objective.customMeasureName,
      baseline: objective.baseline,
      target: objective.target,
    })
    .execute();
}

export async function addCost(db: Db, id: number, cost: Omit<Cost, 'id'>): Promise<void> {
  await db
    .insertInto('partnership_costs')
    .values({ partnership_id: id, item: cost.item, amount_pounds: cost.amountPounds, paid_by: cost.paidBy })
    .execute();
}

export async function addMilestone(db: Db, id: number, milestone: Omit<Milestone, 'id'>): Promise<void> {
  await db
    .insertInto('partnership_milestones')
    .values({ partnership_id: id, title: milestone.title, due_date: milestone.dueDate, done_on: milestone.doneOn })
    .execute();
}

/** Records a milestone as done on a day, or not done (null), with its audit entry. */
export async function setMilestoneDone(
  db: Db,
  id: number,
  milestoneId: number,
  doneOn: string | null,
  actor: Actor = null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('partnership_milestones')
      .set({ done_on: doneOn })
      .where('partnership_id', '=', id)
      .where('id', '=', milestoneId)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    await recordAudit(trx, {
      actor,
      action: doneOn ? 'partnership.milestone-done' : 'partnership.milestone-reopened',
      subject: `partnership ${id}`,
      details: { milestoneId, ...(doneOn ? { doneOn } : {}) },
    });
    return true;
  });
}

export type PlanPart = 'staff' | 'objectives' | 'costs' | 'milestones';
const PART_TABLES = {
  staff: 'partnership_staff',
  objectives: 'partnership_objectives',
  costs: 'partnership_costs',
  milestones: 'partnership_milestones',
} as const;

/** Removes one row of the plan, only if it belongs to this partnership. */
export async function removePlanItem(db: Db, id: number, part: PlanPart, itemId: number): Promise<void> {
  await db.deleteFrom(PART_TABLES[part]).where('partnership_id', '=', id).where('id', '=', itemId).execute();
}

export async function recordEvent(trx: Db, id: number, event: LifecycleEvent): Promise<void> {
  await trx
    .insertInto('partnership_events')
    .values({
      partnership_id: id,
      kind: event.kind,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      urn: event.urn,
      by_user_id: event.byUserId,
      at: event.at,
      reason: event.reason,
    })
    .execute();
}

/**
 * Applies a lifecycle change decided by the domain, only if nobody changed the status in the
 * meantime (false otherwise), with its event, in one transaction.
 */
export async function applyTransition(
  db: Db,
  id: number,
  from: PartnershipStatus,
  t: Transition,
  actor: Actor = null,
): Promise<boolean> {
  return db.transaction().execute((trx) => writeTransition(trx, id, t, actor, { from }));
}

/**
 * A step of the lifecycle written in the caller's transaction: the partnership's new status, its
 * event and audit entry. With `from`, only if the partnership is still in that status (false if not).
 */
export async function writeTransition(
  trx: Transaction<Database>,
  id: number,
  t: Transition,
  actor: Actor,
  { from, details = {} }: { from?: PartnershipStatus; details?: Record<string, unknown> } = {},
): Promise<boolean> {
  let update = trx
    .updateTable('partnerships')
    .set({ status: t.status, closure: t.closure, end_reason: t.endReason, updated_at: sql`now()` })
    .where('id', '=', id);
  if (from) update = update.where('status', '=', from);
  const updated = await update.executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return false;
  await recordEvent(trx, id, t.event);
  await recordAudit(trx, {
    actor,
    action: `partnership.${t.event.kind}`,
    subject: `partnership ${id}`,
    // The reason stays in the partnership's own history, which only its readers see.
    details: { from: from ?? t.event.fromStatus, to: t.status, ...details },
  });
  return true;
}

export async function applyInvitationAnswer(
  db: Db,
  id: number,
  answer: InvitationAnswer,
  actor: Actor = null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('partnership_members')
      .set({
        invitation: answer.member.invitation,
        responded_at: answer.member.respondedAt,
        responded_by: answer.event.byUserId,
      })
      .where('partnership_id', '=', id)
      .where('urn', '=', answer.member.urn)
      .where('invitation', '=', 'invited')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await recordEvent(trx, id, answer.event);
    await recordAudit(trx, {
      actor,
      action: `partnership.${answer.event.kind}`,
      subject: `partnership ${id}`,
      urn: answer.member.urn,
    });
    return true;
  });
}

export type RecordedEvent = LifecycleEvent & { schoolName: string | null; byName: string | null };

export async function listEvents(db: Db, id: number): Promise<RecordedEvent[]> {
  const rows = await db
    .selectFrom('partnership_events as e')
    .leftJoin('schools as s', 's.urn', 'e.urn')
    .leftJoin('users as u', 'u.id', 'e.by_user_id')
    .select([
      'e.kind',
      'e.from_status',
      'e.to_status',
      'e.urn',
      'e.by_user_id',
      'e.at',
      'e.reason',
      's.name',
      'u.name as byName',
    ])
    .where('e.partnership_id', '=', id)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    kind: r.kind as LifecycleEvent['kind'],
    fromStatus: r.from_status,
    toStatus: r.to_status,
    urn: r.urn,
    byUserId: r.by_user_id,
    at: new Date(r.at).toISOString(),
    reason: r.reason,
    schoolName: r.name,
    byName: r.byName,
  }));
}

/** Schools that share their records with any of these organisations (their officers read them). */
export const schoolsSharingWith = (db: Db, organisationIds: number[]): Promise<number[]> =>
  schoolsOfOrganisations(db, organisationIds, { sharingOnly: true });

/**
 * How many partnerships each school is in now: agreed, running or under review, as a member
 * that proposed or accepted. A proposal not yet agreed, and a closed partnership, take no time.
 */
export async function countCurrentPartnerships(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('partnership_members as m')
    .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
    .select(['m.urn', (eb) => eb.fn.countAll<string>().as('partnerships')])
    .where('p.status', 'in', ['agreed', 'active', 'reviewing'])
    .where('m.invitation', 'in', ['proposer', 'accepted'])
    .groupBy('m.urn')
    .execute();
  return new Map(rows.map((r) => [r.urn, Number(r.partnerships)]));
}

/** Each school's partners in current partnerships (counted as countCurrentPartnerships does). */
export async function listCurrentPartners(db: Db): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('partnership_members as m')
    .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
    .innerJoin('partnership_members as o', 'o.partnership_id', 'm.partnership_id')
    .select(['m.urn', 'o.urn as partner'])
    .distinct()
    .where('p.status', 'in', ['agreed', 'active', 'reviewing'])
    .where('m.invitation', 'in', ['proposer', 'accepted'])
    .where('o.invitation', 'in', ['proposer', 'accepted'])
    .whereRef('o.urn', '<>', 'm.urn')
    .execute();
  const partners = new Map<number, number[]>();
  for (const { urn, partner } of rows) partners.set(urn, [...(partners.get(urn) ?? []), partner]);
  return partners;
}
