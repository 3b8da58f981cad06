import { PARTNERSHIP_STATUS_LABELS, type Milestone, type PartnershipStatus } from './model.ts';
import { ok, refuse, type Outcome } from './outcome.ts';

/** Milestones are ticked off while the work runs: from agreement until the partnership closes. */
const TICKABLE: readonly PartnershipStatus[] = ['agreed', 'active', 'reviewing'];

/**
 * Marks a milestone done today, or not done after all (ticked by mistake). Returns the date it
 * was done, or null; ticking an already done milestone keeps the day it was first done.
 */
export function markMilestone(
  p: { status: PartnershipStatus },
  milestone: Pick<Milestone, 'doneOn'>,
  done: boolean,
  today: string,
): Outcome<string | null> {
  if (!TICKABLE.includes(p.status)) {
    return refuse(
      'wrong-status',
      `Milestones are marked while the partnership runs; this one is ${PARTNERSHIP_STATUS_LABELS[p.status].toLowerCase()}`,
    );
  }
  if (!done) return ok(null);
  return ok(milestone.doneOn ?? today);
}

export type MilestoneState = 'done' | 'overdue' | 'due';

export function milestoneState(
  milestone: Pick<Milestone, 'dueDate' | 'doneOn'>,
  today: string,
): MilestoneState {
  if (milestone.doneOn) return 'done';
  return milestone.dueDate < today ? 'overdue' : 'due';
}
