import type { Db } from '../../data/db.ts';
import { latestCompletedAssessment, listActions, listCarriedActions } from '../../data/readiness.ts';
import type { SessionUser } from '../../domain/access.ts';
import { isOverdue } from '../../domain/partnerships/actions.ts';
import { participants, type Partnership } from '../../domain/partnerships/model.ts';
import { ACTION_STATUS_LABELS } from '../../domain/readiness/action-plan.ts';
import { actionsToCarry, carryRefusal } from '../../domain/readiness/carry.ts';

export const adminUrns = (schools: SessionUser['schools']) =>
  schools.filter((s) => s.role === 'admin').map((s) => s.urn);

/**
 * What the partnership page shows of readiness: the actions schools brought in, and for each
 * school this user administers that may bring its plan in now, how many open actions it would.
 */
export async function readinessOnPartnership(
  db: Db,
  p: Partnership,
  administered: readonly number[],
  today: string,
) {
  const carried = (await listCarriedActions(db, p.id)).map((a) => ({
    ...a,
    statusLabel: ACTION_STATUS_LABELS[a.status],
    overdue: a.dueOn !== null && isOverdue({ dueDate: a.dueOn, status: a.status }, today),
  }));
  const offers = [];
  for (const member of participants(p.members)) {
    if (carryRefusal(p, member.urn, administered)) continue;
    const latest = await latestCompletedAssessment(db, member.urn);
    if (!latest) continue;
    const open = actionsToCarry(await listActions(db, latest.id)).length;
    if (open > 0) offers.push({ urn: member.urn, name: member.name, open });
  }
  return { carried, carryOffers: offers };
}
