import { sql, type Transaction } from 'kysely';
import type { AgreementStep, PlanText, SectionChange } from '../domain/partnerships/agreement.ts';
import type { PartnershipStatus } from '../domain/partnerships/model.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import type { Db } from './db.ts';
import { recordEvent, writeTransition } from './partnerships.ts';
import type { Database } from './schema.ts';

type Actor = AuditEntry['actor'];

const iso = (value: Date | string) => new Date(value).toISOString();

export interface StandingAgreement {
  urn: number;
  planVersion: number;
  agreedByUserId: number;
  agreedBy: string;
  agreedAt: string;
}

export interface WithdrawnAgreement extends StandingAgreement {
  withdrawnAt: string;
  changes: SectionChange[];
}

export async function getPlanVersion(db: Db, id: number): Promise<number> {
  const row = await db.selectFrom('partnerships').select('plan_version').where('id', '=', id).executeTakeFirst();
  return row?.plan_version ?? 1;
}

/** The agreements that stand now, one per school at most. */
export async function listAgreements(db: Db, id: number): Promise<StandingAgreement[]> {
  const rows = await db
    .selectFrom('partnership_agreements as a')
    .innerJoin('users as u', 'u.id', 'a.agreed_by')
    .select(['a.urn', 'a.plan_version', 'a.agreed_by', 'u.name', 'a.agreed_at'])
    .where('a.partnership_id', '=', id)
    .where('a.withdrawn_at', 'is', null)
    .orderBy('a.agreed_at')
    .execute();
  return rows.map((r) => ({
    urn: r.urn,
    planVersion: r.plan_version,
    agreedByUserId: r.agreed_by,
    agreedBy: r.name,
    agreedAt: iso(r.agreed_at),
  }));
}

/** Each school's latest withdrawn agreement, with what changed after it agreed. */
export async function latestWithdrawals(db: Db, id: number): Promise<WithdrawnAgreement[]> {
  const rows = await db
    .selectFrom('partnership_agreements as a')
    .innerJoin('users as u', 'u.id', 'a.agreed_by')
    .select(['a.urn', 'a.plan_version', 'a.agreed_by', 'u.name', 'a.agreed_at', 'a.withdrawn_at', 'a.changes'])
    .distinctOn('a.urn')
    .where('a.partnership_id', '=', id)
    .where('a.withdrawn_at', 'is not', null)
    .orderBy('a.urn')
    .orderBy('a.withdrawn_at', 'desc')
    .execute();
  return rows.map((r) => ({
    urn: r.urn,
    planVersion: r.plan_version,
    agreedByUserId: r.agreed_by,
    agreedBy: r.name,
    agreedAt: iso(r.agreed_at),
    withdrawnAt: iso(r.withdrawn_at!),
    changes: r.changes ?? [],
  }));
}

export interface LockedPlan {
  status: PartnershipStatus;
  planVersion: number;
}

/**
 * Runs `work` in one transaction holding the partnership's row, so that agreeing and changing
 * the plan take turns: nobody agrees to a version that is being replaced. Undefined for no such
 * partnership.
 */
export async function withLockedPlan<T>(
  db: Db,
  id: number,
  work: (trx: Transaction<Database>, locked: LockedPlan) => Promise<T>,
): Promise<T | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('partnerships')
      .select(['status', 'plan_version'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? work(trx, { status: row.status, planVersion: row.plan_version }) : undefined;
  });
}

/** A school's agreement, its event and (for the last school) the partnership agreed; inside withLockedPlan. */
export async function recordAgreement(
  trx: Transaction<Database>,
  id: number,
  step: AgreementStep,
  plan: PlanText,
  actor: Actor,
): Promise<void> {
  await trx
    .insertInto('partnership_agreements')
    .values({
      partnership_id: id,
      urn: step.agreement.urn,
      plan_version: step.agreement.planVersion,
      plan: JSON.stringify(plan),
      agreed_by: step.agreement.agreedByUserId,
      agreed_at: step.agreement.agreedAt,
    })
    .execute();
  await recordEvent(trx, id, step.event);
  await recordAudit(trx, {
    actor,
    action: 'partnership.school-agreed',
    subject: `partnership ${id}`,
    urn: step.agreement.urn,
    details: { planVersion: step.agreement.planVersion },
  });
  if (step.transition)
    await writeTransition(trx, id, step.transition, actor, {
      details: { planVersion: step.agreement.planVersion },
    });
}

export interface StoredAgreement {
  id: number;
  urn: number;
  plan: PlanText;
}

/** The standing agreements with the plan each school agreed to; inside withLockedPlan. */
export async function standingPlans(trx: Transaction<Database>, id: number): Promise<StoredAgreement[]> {
  return trx
    .selectFrom('partnership_agreements')
    .select(['id', 'urn', 'plan'])
    .where('partnership_id', '=', id)
    .where('withdrawn_at', 'is', null)
    .execute();
}

/**
 * The plan changed: its version moves on and each standing agreement is withdrawn with what
 * changed since that school agreed; inside withLockedPlan.
 */
export async function recordPlanChange(
  trx: Transaction<Database>,
  id: number,
  withdrawals: { agreement: StoredAgreement; changes: SectionChange[] }[],
  change: { byUserId: number; at: string; status: PartnershipStatus },
  actor: Actor,
): Promise<void> {
  await trx
    .updateTable('partnerships')
    .set({ plan_version: sql`plan_version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  for (const { agreement, changes } of withdrawals) {
    await trx
      .updateTable('partnership_agreements')
      .set({ withdrawn_at: change.at, changes: JSON.stringify(changes) })
      .where('id', '=', agreement.id)
      .execute();
    await recordEvent(trx, id, {
      kind: 'agreement-withdrawn',
      fromStatus: change.status,
      toStatus: change.status,
      urn: agreement.urn,
      byUserId: change.byUserId,
      at: change.at,
      reason: null,
    });
    await recordAudit(trx, {
      actor,
      action: 'partnership.agreement-withdrawn',
      subject: `partnership ${id}`,
      urn: agreement.urn,
      // Which sections, never their words: the audit log is read by platform administrators.
      details: { sections: changes.map((c) => c.section) },
    });
  }
}
