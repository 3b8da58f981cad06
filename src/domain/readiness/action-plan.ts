import type { Gap } from './gaps.ts';

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

export interface PlannedAction {
  itemId: string;
  action: string;
  owner: string;
  /** ISO date (yyyy-mm-dd). */
  dueOn: string;
  status: ActionStatus;
  priority: number;
}

export interface PlanOptions {
  /** The day the plan is made (ISO date); due dates count from it. */
  startedOn: string;
  /** How many of the top gaps get the nearer date. */
  urgentCount?: number;
  urgentWeeks?: number;
  laterWeeks?: number;
}

function addWeeks(isoDate: string, weeks: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime()))
    throw new RangeError(`startedOn must be a date (yyyy-mm-dd), not "${isoDate}"`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
}

/**
 * A first action plan from ranked gaps: one action per gap, its next step as the action, the
 * most important gaps due soonest. Owners are left for the school to fill in.
 */
export function planFromGaps(gaps: readonly Gap[], options: PlanOptions): PlannedAction[] {
  const { startedOn, urgentCount = 3, urgentWeeks = 6, laterWeeks = 12 } = options;
  return gaps.map((gap, rank) => ({
    itemId: gap.item.id,
    action: gap.nextStep,
    owner: '',
    dueOn: addWeeks(startedOn, rank < urgentCount ? urgentWeeks : laterWeeks),
    status: 'not-started',
    priority: rank + 1,
  }));
}
