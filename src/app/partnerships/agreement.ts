import type { Db } from '../../data/db.ts';
import {
  latestWithdrawals,
  listAgreements,
  recordAgreement,
  recordPlanChange,
  standingPlans,
  withLockedPlan,
  type StandingAgreement,
  type WithdrawnAgreement,
} from '../../data/partnership-agreements.ts';
import { getPartnership } from '../../data/partnerships.ts';
import type { SessionUser } from '../../domain/access.ts';
import {
  agreeFor,
  agreementState,
  planChanges,
  planText,
  PLAN_SECTION_LABELS,
  type SectionChange,
} from '../../domain/partnerships/agreement.ts';
import { participants, type Member, type Partnership } from '../../domain/partnerships/model.ts';
import type { Actor } from '../actor.ts';
import { notifyPartnership } from '../notifications/notifications.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

/** The JSON shape of a school's agreement in `GET /api/partnerships/{id}`. */
export interface AgreementAnswer {
  urn: number;
  agreedBy: string;
  agreedAt: string;
  planVersion: number;
}

/** The agreements that stand: a school's agreement to an earlier version no longer counts. */
export async function agreementsOf(ctx: Pick<AppContext, 'db'>, id: number): Promise<AgreementAnswer[]> {
  const standing = await listAgreements(ctx.db, id);
  return standing.map((a) => ({
    urn: a.urn,
    agreedBy: a.agreedBy,
    agreedAt: a.agreedAt,
    planVersion: a.planVersion,
  }));
}

export interface AgreementView {
  agreed: (StandingAgreement & { member: Member })[];
  waiting: Member[];
  /** Schools whose agreement a later change withdrew and that have not agreed again, with what changed. */
  withdrawn: (WithdrawnAgreement & { member: Member; sections: (SectionChange & { label: string })[] })[];
  /** The taking-part schools this person may still agree for (as their administrator). */
  mayAgreeFor: Member[];
}

/** Who has agreed to the plan as it is now, who is still to agree, and what changed for whom. */
export async function agreementView(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  p: Partnership,
): Promise<AgreementView> {
  const [standing, withdrawals] = await Promise.all([
    listAgreements(ctx.db, p.id),
    latestWithdrawals(ctx.db, p.id),
  ]);
  const { agreed, waiting } = agreementState(p.members, standing, p.planVersion);
  const taking = participants(p.members);
  return {
    agreed,
    waiting,
    withdrawn: withdrawals.flatMap((w) => {
      const member = taking.find((m) => m.urn === w.urn);
      if (!member || standing.some((a) => a.urn === w.urn)) return [];
      return [
        { ...w, member, sections: w.changes.map((c) => ({ ...c, label: PLAN_SECTION_LABELS[c.section] })) },
      ];
    }),
    mayAgreeFor:
      p.status === 'proposed' && actor
        ? waiting.filter((m) => actor.schools.some((s) => s.urn === m.urn && s.role === 'admin'))
        : [],
  };
}

/**
 * An administrator of a taking-part school agrees, for that school, to the version of the plan
 * they read (`planVersion`; the current one when not given). The partnership becomes agreed
 * when this was the last school to agree.
 */
export async function agreeToPlan(
  ctx: Pick<AppContext, 'db' | 'config' | 'mailer' | 'now'>,
  actor: Actor,
  input: { id: number; urn: number; planVersion?: number },
): Promise<Result<{ agreed: boolean }>> {
  // A school's own administrator, never a platform administrator on its behalf.
  if (!actor?.schools.some((s) => s.urn === input.urn && s.role === 'admin')) {
    return fail('forbidden', 'Only an administrator of the school can agree for it.');
  }
  const outcome = await withLockedPlan(ctx.db, input.id, async (trx, locked) => {
    if (input.planVersion !== undefined && input.planVersion !== locked.planVersion) {
      return fail('conflict', 'The plan changed since you read it: check it again before agreeing');
    }
    const p = (await getPartnership(trx, input.id))!;
    const step = agreeFor(p, await listAgreements(trx, input.id), input.urn, locked.planVersion, {
      byUserId: actor.id,
      at: ctx.now().toISOString(),
    });
    if (!step.ok) return fail('conflict', step.error.message);
    await recordAgreement(trx, input.id, step.value, planText(p), actor);
    return ok({ agreed: step.value.transition !== null });
  });
  if (!outcome) return fail('not-found', 'There is no such partnership.');
  if (outcome.ok && outcome.value.agreed) await notifyPartnership(ctx, actor, input.id, { kind: 'agreed' });
  return outcome;
}

/**
 * Changes the plan through `write` (which may refuse, returning a value other than null). When
 * the plan reads differently afterwards its version moves on, and every school that had agreed
 * has its agreement withdrawn with what changed since it agreed, section by section.
 */
export async function changePlan<R>(
  ctx: Pick<AppContext, 'db' | 'config' | 'mailer' | 'now'>,
  actor: SessionUser,
  id: number,
  write: (db: Db) => Promise<R | null>,
): Promise<R | null> {
  let withdrawnFrom: number[] = [];
  const refusal = await withLockedPlan(ctx.db, id, async (trx, locked) => {
    const before = planText((await getPartnership(trx, id))!);
    const refused = await write(trx);
    if (refused !== null) return refused;
    const after = planText((await getPartnership(trx, id))!);
    if (planChanges(before, after).length === 0) return null;
    const withdrawals = (await standingPlans(trx, id)).map((agreement) => ({
      agreement,
      changes: planChanges(agreement.plan, after),
    }));
    await recordPlanChange(
      trx,
      id,
      withdrawals,
      { byUserId: actor.id, at: ctx.now().toISOString(), status: locked.status },
      actor,
    );
    withdrawnFrom = withdrawals.map((w) => w.agreement.urn);
    return null;
  });
  if (withdrawnFrom.length > 0)
    await notifyPartnership(ctx, actor, id, { kind: 'plan-changed', urns: withdrawnFrom });
  return refusal ?? null;
}
