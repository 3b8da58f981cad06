import { sql, type Transaction } from 'kysely';
import type { Availability, Commitment } from '../domain/leaders/availability.ts';
import { costing, teamCosting, type Payer } from '../domain/leaders/costing.ts';
import {
  deploymentStatus,
  holdsDays,
  teamDays,
  teamWaiting,
  type Deployment,
  type DeploymentParties,
  type LeaderAnswer,
  type TeamMember,
} from '../domain/leaders/deployment.ts';
import { READINESS_SIDES, type ReadinessSide } from '../domain/leaders/readiness.ts';
import type { LeaderRuleBroken } from '../domain/leaders/outcome.ts';
import type { FocusArea } from '../domain/focus-areas.ts';
import { wordsOf } from '../domain/words.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import type { Db } from './db.ts';
import { listCommitments } from './leaders.ts';
import { createPartnership, recordEvent } from './partnerships.ts';
import { createAssessment } from './readiness.ts';
import type { Database } from './schema.ts';

type Actor = AuditEntry['actor'];

export interface NewDeployment {
  leaderUserId: number;
  leaderName: string;
  clientUrn: number;
  clientName: string;
  organisationId: number | null;
  commissionedBy: number;
  scope: string;
  objectives: string;
  successCriteria: string;
  focusAreas: FocusArea[];
  days: number;
  start: string;
  end: string;
  dayRatePounds: number;
  paidBy: Payer;
  reportsTo: string;
  exitStrategy: string;
  at: string;
  /**
   * The paired readiness questions to give each side (seed 003): the client school's assessment
   * of the client-side framework, and one of the leader's school for the leader-side framework.
   */
  readiness?: {
    leaderUrn: number;
    client: { frameworkId: string; frameworkVersion: number };
    leader: { frameworkId: string; frameworkVersion: number };
  };
}

/** Whether a deployment's days and dates fit: null when they do, the rule broken when not. */
export type Fits = (availability: Availability, others: Commitment[]) => LeaderRuleBroken | null;

/**
 * Locks the leader's profile row, then asks `fits` with their declared availability and every
 * other open commitment (all but `except`, the deployment being changed). Every write of a
 * deployment's days or dates calls this inside its own transaction, before writing, so two
 * writes at once cannot both take the leader's last days. `published` asks for a published
 * profile, as commissioning does; a deployment already commissioned keeps the availability
 * declared even if the profile is later withdrawn.
 */
export async function lockedFit(
  trx: Db,
  leaderUserId: number,
  fits: Fits,
  { published, except }: { published: boolean; except?: number },
): Promise<{ refused: LeaderRuleBroken | null } | { noProfile: true }> {
  let profileRow = trx
    .selectFrom('system_leader_profiles')
    .select(['days_per_term', 'available_from', 'available_to'])
    .where('user_id', '=', leaderUserId);
  if (published) profileRow = profileRow.where('published_at', 'is not', null);
  const profile = await profileRow.forUpdate().executeTakeFirst();
  if (!profile) return { noProfile: true as const };
  const others = ((await listCommitments(trx, [leaderUserId])).get(leaderUserId) ?? []).filter(
    (c) => c.partnershipId !== except,
  );
  return {
    refused: fits(
      { daysPerTerm: Number(profile.days_per_term), from: profile.available_from, to: profile.available_to },
      others,
    ),
  };
}

/**
 * Commissions a deployment: its partnership (type "deployment", the client school as its one
 * school, the scope, days, dates, objective and exit strategy as the plan) and who is deployed
 * on what terms, in one transaction, after `lockedFit` has found the days free.
 */
export async function createDeployment(
  db: Db,
  input: NewDeployment,
  fits: Fits,
  actor: Actor,
): Promise<{ id: number } | { refused: LeaderRuleBroken } | { noProfile: true }> {
  return db.transaction().execute(async (trx) => {
    const checked = await lockedFit(trx, input.leaderUserId, fits, { published: true });
    if ('noProfile' in checked) return checked;
    if (checked.refused) return { refused: checked.refused };
    // Its title written by the service, kept with its words for pages in other languages.
    const values = { leader: input.leaderName, client: input.clientName };
    const title = wordsOf('Deployment of {{leader}} to {{client}}', values);
    const id = await createPartnership(trx, {
      title: title.message,
      titleWords: { template: title.template, values },
      type: 'deployment',
      proposer: { urn: input.clientUrn, role: 'supported' },
      invited: [],
      createdBy: input.commissionedBy,
      at: input.at,
      actor,
    });
    await trx
      .updateTable('partnerships')
      .set({
        need: input.scope,
        focus_areas: input.focusAreas,
        staff_days: input.days,
        start_date: input.start,
        end_date: input.end,
        exit_strategy: input.exitStrategy,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('partnership_objectives')
      .values({
        partnership_id: id,
        description: input.objectives,
        success_criteria: input.successCriteria,
        measure: 'custom',
        custom_measure_name: 'The deployment’s success criteria',
        baseline: null,
        target: null,
      })
      .execute();
    await trx
      .insertInto('deployments')
      .values({
        partnership_id: id,
        leader_user_id: input.leaderUserId,
        client_urn: input.clientUrn,
        organisation_id: input.organisationId,
        commissioned_by: input.commissionedBy,
        day_rate_pounds: input.dayRatePounds,
        paid_by: input.paidBy,
        reports_to: input.reportsTo,
      })
      .execute();
    if (input.readiness) await giveReadinessQuestions(trx, id, input, input.readiness);
    await recordAudit(trx, {
      actor,
      action: 'deployment.commissioned',
      subject: `deployment ${id}`,
      urn: input.clientUrn,
      organisationId: input.organisationId ?? undefined,
      // Ids and numbers, not the plan's words nor the costing: administrators read the audit log.
      details: { leaderUserId: input.leaderUserId, days: input.days },
    });
    return { id };
  });
}

/** Starts each side's assessment of the paired questions and records which side it is. */
async function giveReadinessQuestions(
  trx: Db,
  id: number,
  input: NewDeployment,
  readiness: NonNullable<NewDeployment['readiness']>,
): Promise<void> {
  for (const side of READINESS_SIDES) {
    const assessmentId = await createAssessment(trx, {
      urn: side === 'client' ? input.clientUrn : readiness.leaderUrn,
      ...readiness[side],
      partnershipType: 'deployment',
      startedBy: side === 'client' ? input.commissionedBy : input.leaderUserId,
    });
    await trx
      .insertInto('deployment_readiness')
      .values({ partnership_id: id, side, assessment_id: assessmentId })
      .execute();
  }
}

/** The assessments of a deployment's paired questions, by side; empty for one commissioned before they were given. */
export async function deploymentReadiness(
  db: Db,
  id: number,
): Promise<Partial<Record<ReadinessSide, number>>> {
  const rows = await db
    .selectFrom('deployment_readiness')
    .select(['side', 'assessment_id'])
    .where('partnership_id', '=', id)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.side, r.assessment_id]));
}

/** The deployment an assessment is one side of, with its parties; undefined for any other assessment. */
export async function deploymentOfAssessment(
  db: Db,
  assessmentId: number,
): Promise<(DeploymentParties & { id: number; side: ReadinessSide }) | undefined> {
  const row = await db
    .selectFrom('deployment_readiness as r')
    .innerJoin('deployments as d', 'd.partnership_id', 'r.partnership_id')
    .select(['d.partnership_id', 'r.side', 'd.leader_user_id', 'd.client_urn', 'd.organisation_id'])
    .where('r.assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return (
    row && {
      id: row.partnership_id,
      side: row.side,
      leaderUserId: row.leader_user_id,
      clientUrn: row.client_urn,
      organisationId: row.organisation_id,
    }
  );
}

function deployments(db: Db) {
  return db
    .selectFrom('deployments as d')
    .innerJoin('partnerships as p', 'p.id', 'd.partnership_id')
    .innerJoin('users as u', 'u.id', 'd.leader_user_id')
    .leftJoin('system_leader_profiles as sp', 'sp.user_id', 'd.leader_user_id')
    .leftJoin('schools as s', 's.urn', 'd.client_urn')
    .leftJoin('organisations as o', 'o.id', 'd.organisation_id')
    .leftJoin('users as c', 'c.id', 'd.commissioned_by')
    .select([
      'd.partnership_id as id',
      'd.leader_user_id',
      'd.client_urn',
      'd.organisation_id',
      'd.day_rate_pounds',
      'd.paid_by',
      'd.reports_to',
      'd.leader_answer',
      'd.commissioned_by',
      'd.withdrawn_at',
      'p.status',
      'p.closure',
      'u.name as leader_name',
      'sp.id as profile_id',
      's.name as client_name',
      'o.name as organisation_name',
      'c.name as commissioned_by_name',
      'p.need',
      'p.staff_days',
      'p.start_date',
      'p.end_date',
      'p.exit_strategy',
      sql<string>`coalesce((select string_agg(description, E'\n') from partnership_objectives po where po.partnership_id = p.id), '')`.as(
        'objectives',
      ),
      sql<string>`coalesce((select string_agg(success_criteria, E'\n') from partnership_objectives po where po.partnership_id = p.id), '')`.as(
        'success_criteria',
      ),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof deployments>['executeTakeFirstOrThrow']>>;

/** The further members of these deployments' teams, by deployment, in the order they were added. */
async function membersOf(db: Db, ids: readonly number[]): Promise<Map<number, Omit<TeamMember, 'costing'>[]>> {
  const byDeployment = new Map<number, (Omit<TeamMember, 'costing'> & { rate: number })[]>();
  if (ids.length === 0) return byDeployment;
  const rows = await db
    .selectFrom('deployment_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('system_leader_profiles as sp', 'sp.user_id', 'm.user_id')
    .select(['m.partnership_id', 'm.user_id', 'u.name', 'sp.id as profile_id', 'm.days', 'm.day_rate_pounds', 'm.answer'])
    .where('m.partnership_id', 'in', ids)
    .orderBy('m.added_at')
    .orderBy('m.user_id')
    .execute();
  for (const r of rows) {
    const list = byDeployment.get(r.partnership_id) ?? [];
    list.push({
      userId: r.user_id,
      name: r.name,
      profileId: r.profile_id,
      lead: false,
      days: Number(r.days),
      answer: r.answer,
      rate: Number(r.day_rate_pounds),
    });
    byDeployment.set(r.partnership_id, list);
  }
  return byDeployment;
}

function toDeployment(r: Row, members: readonly (Omit<TeamMember, 'costing'> & { rate?: number })[]): Deployment {
  const leadDays = Number(r.staff_days ?? 0);
  const answer = r.leader_answer;
  const paidBy = r.paid_by as Payer;
  const team: TeamMember[] = [
    {
      userId: r.leader_user_id,
      name: r.leader_name,
      profileId: r.profile_id,
      lead: true,
      days: leadDays,
      answer,
      costing: costing(leadDays, Number(r.day_rate_pounds), paidBy),
    },
    ...members.map(({ rate, ...m }) => ({ ...m, costing: costing(m.days, rate ?? 0, paidBy) })),
  ];
  return {
    id: r.id,
    leaderUserId: r.leader_user_id,
    leaderName: r.leader_name,
    leaderProfileId: r.profile_id,
    clientUrn: r.client_urn,
    clientName: r.client_name ?? `School ${r.client_urn}`,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    commissionedBy: r.commissioned_by,
    commissionedByName: r.commissioned_by_name,
    scope: r.need ?? '',
    objectives: r.objectives,
    successCriteria: r.success_criteria,
    days: teamDays(team),
    start: r.start_date ?? '',
    end: r.end_date ?? '',
    costing: teamCosting(
      team.map((m) => ({ userId: m.userId, name: m.name, costing: m.costing, counted: holdsDays(m) })),
      paidBy,
    ),
    reportsTo: r.reports_to,
    exitStrategy: r.exit_strategy ?? '',
    leaderAnswer: answer,
    team,
    status: deploymentStatus(answer, r.withdrawn_at !== null, r.closure, teamWaiting(team)),
    begun: !['proposed', 'agreed'].includes(r.status),
  };
}

async function withTeams(db: Db, rows: readonly Row[]): Promise<Deployment[]> {
  const members = await membersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toDeployment(r, members.get(r.id) ?? []));
}

export async function getDeployment(db: Db, id: number): Promise<Deployment | undefined> {
  const row = await deployments(db).where('d.partnership_id', '=', id).executeTakeFirst();
  return row && (await withTeams(db, [row]))[0];
}

/** Deployments where the person is the leader or a member of its team, or one of their schools the client, or one of their organisations the commissioner. */
export async function listDeploymentsOf(
  db: Db,
  who: { userId: number; urns: readonly number[]; organisationIds: readonly number[] },
): Promise<Deployment[]> {
  const rows = await deployments(db)
    .where((eb) =>
      eb.or([
        eb('d.leader_user_id', '=', who.userId),
        eb.exists(
          eb
            .selectFrom('deployment_members as dm')
            .select('dm.user_id')
            .whereRef('dm.partnership_id', '=', 'd.partnership_id')
            .where('dm.user_id', '=', who.userId),
        ),
        ...(who.urns.length > 0 ? [eb('d.client_urn', 'in', who.urns)] : []),
        ...(who.organisationIds.length > 0 ? [eb('d.organisation_id', 'in', who.organisationIds)] : []),
      ]),
    )
    .orderBy('p.start_date', 'desc')
    .orderBy('d.partnership_id', 'desc')
    .execute();
  return withTeams(db, rows);
}

/** The leader of a deployment and its days and dates as they stand; undefined for any other partnership. */
export async function deploymentTerms(
  db: Db,
  id: number,
): Promise<
  { leaderUserId: number; days: number | null; start: string | null; end: string | null } | undefined
> {
  const row = await db
    .selectFrom('deployments as d')
    .innerJoin('partnerships as p', 'p.id', 'd.partnership_id')
    .select(['d.leader_user_id', 'p.staff_days', 'p.start_date', 'p.end_date'])
    .where('d.partnership_id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      leaderUserId: row.leader_user_id,
      days: row.staff_days === null ? null : Number(row.staff_days),
      start: row.start_date,
      end: row.end_date,
    }
  );
}

/** The organisations a school belongs to. */
export async function organisationsOfSchool(db: Db, urn: number): Promise<number[]> {
  const rows = await db.selectFrom('organisation_schools').select('organisation_id').where('urn', '=', urn).execute();
  return rows.map((r) => r.organisation_id);
}

/**
 * The leader's answer, once: accepting agrees the deployment (both sides have now agreed),
 * declining closes it and frees the days. False when already answered.
 */
export async function answerDeployment(
  db: Db,
  id: number,
  answer: LeaderAnswer,
  by: { userId: number; at: string; actor: Actor },
): Promise<boolean> {
  return db.transaction().execute(async (trx: Transaction<Database>) => {
    const row = await trx
      .updateTable('deployments')
      .set({ leader_answer: answer, leader_answered_at: by.at })
      .where('partnership_id', '=', id)
      .where('leader_user_id', '=', by.userId)
      .where('leader_answer', 'is', null)
      .where('withdrawn_at', 'is', null)
      .returning('client_urn')
      .executeTakeFirst();
    if (!row) return false;
    const moved = await trx
      .updateTable('partnerships')
      .set(
        answer === 'accepted'
          ? { status: 'agreed', updated_at: by.at }
          : {
              status: 'closed',
              closure: 'ended-early',
              end_reason: 'The system leader declined the deployment',
              updated_at: by.at,
            },
      )
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .returning('id')
      .executeTakeFirst();
    if (moved) {
      await recordEvent(trx, id, {
        kind: answer === 'accepted' ? 'agreed' : 'ended-early',
        fromStatus: 'proposed',
        toStatus: answer === 'accepted' ? 'agreed' : 'closed',
        urn: null,
        byUserId: by.userId,
        at: by.at,
        reason: answer === 'accepted' ? null : 'The system leader declined the deployment',
      });
    }
    await recordAudit(trx, {
      actor: by.actor,
      action: answer === 'accepted' ? 'deployment.accepted' : 'deployment.declined',
      subject: `deployment ${id}`,
      urn: row.client_urn,
    });
    return true;
  });
}

const WITHDRAWN = 'The commissioner withdrew the deployment before it started';

/**
 * Withdraws a deployment whose partnership has not started: closes it as ended early (freeing
 * the leader's days) and records when, in one transaction. False when it has started, closed
 * or was declined in the meantime.
 */
export async function withdrawDeployment(
  db: Db,
  id: number,
  by: { userId: number; at: string; actor: Actor },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The partnership's row is locked first, as its lifecycle steps lock it.
    const row = await trx
      .selectFrom('partnerships as p')
      .innerJoin('deployments as d', 'd.partnership_id', 'p.id')
      .select(['p.status', 'd.client_urn', 'd.organisation_id', 'd.leader_answer', 'd.withdrawn_at'])
      .where('p.id', '=', id)
      .forUpdate('p')
      .executeTakeFirst();
    const standing = row && row.withdrawn_at === null && row.leader_answer !== 'declined';
    if (!row || !standing || (row.status !== 'proposed' && row.status !== 'agreed')) return false;
    await trx
      .updateTable('partnerships')
      .set({ status: 'closed', closure: 'ended-early', end_reason: WITHDRAWN, updated_at: by.at })
      .where('id', '=', id)
      .execute();
    await trx.updateTable('deployments').set({ withdrawn_at: by.at }).where('partnership_id', '=', id).execute();
    await recordEvent(trx, id, {
      kind: 'ended-early',
      fromStatus: row.status,
      toStatus: 'closed',
      urn: null,
      byUserId: by.userId,
      at: by.at,
      reason: WITHDRAWN,
    });
    await recordAudit(trx, {
      actor: by.actor,
      action: 'deployment.withdrawn',
      subject: `deployment ${id}`,
      urn: row.client_urn,
      organisationId: row.organisation_id ?? undefined,
    });
    return true;
  });
}

/** The schools of these organisations, each with the first organisation it belongs to. */
export async function schoolsOfOrganisations(
  db: Db,
  organisationIds: readonly number[],
): Promise<{ organisationId: number; urn: number }[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('organisation_schools')
    .select(['organisation_id', 'urn'])
    .where('organisation_id', 'in', organisationIds)
    .orderBy('urn')
    .orderBy('organisation_id')
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, urn: r.urn }));
}
