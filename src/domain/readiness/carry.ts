import { participants, type Member, type PartnershipStatus } from '../partnerships/model.ts';
import type { ActionStatus } from './action-plan.ts';

/**
 * A school's readiness action plan carries into a partnership when the school chooses. It is
 * offered once the partnership is agreed: the partner has accepted and the plan is settled, so
 * the running record (actions, progress) has begun, and the gaps a school found in itself go
 * only to a partner that has committed. Bringing them in shows the partner those actions (what,
 * who, when, status) and nothing else of the assessment, so, like sharing the assessment, it is
 * the school's administrators' decision.
 */
export const CARRY_INTO: readonly PartnershipStatus[] = ['agreed', 'active', 'reviewing'];

export interface CarriableAction {
  status: ActionStatus;
  /** The partnership already carrying the action, if any. */
  partnershipId: number | null;
}

/** Open actions no partnership carries yet: done ones stay in the school's own plan. */
export function actionsToCarry<A extends CarriableAction>(actions: readonly A[]): A[] {
  return actions.filter((a) => a.status !== 'done' && a.partnershipId === null);
}

export type CarryRefusal = 'not-running' | 'not-taking-part' | 'not-admin';

/** Whether an administrator of school `urn` may bring its plan into this partnership now. */
export function carryRefusal(
  partnership: { status: PartnershipStatus; members: Member[] },
  urn: number,
  administers: readonly number[],
): CarryRefusal | null {
  if (!participants(partnership.members).some((m) => m.urn === urn)) return 'not-taking-part';
  if (!administers.includes(urn)) return 'not-admin';
  if (!CARRY_INTO.includes(partnership.status)) return 'not-running';
  return null;
}

export const CARRY_REFUSAL_MESSAGES: Record<CarryRefusal, string> = {
  'not-running':
    'A readiness action plan can be brought in once the partnership is agreed, and until it closes',
  'not-taking-part': 'Only a school taking part in the partnership can bring in its readiness action plan',
  'not-admin': 'Only an administrator of the school can bring its readiness action plan into a partnership',
};
