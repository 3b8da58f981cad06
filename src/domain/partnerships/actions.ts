import type { Action } from './model.ts';

/** An action is overdue when its date has passed and it is neither done nor cancelled. */
export function isOverdue(action: Pick<Action, 'dueDate' | 'status'>, today: string): boolean {
  return action.dueDate < today && action.status !== 'done' && action.status !== 'cancelled';
}

export function overdueActions<A extends Pick<Action, 'dueDate' | 'status'>>(
  actions: A[],
  today: string,
): A[] {
  return actions.filter((a) => isOverdue(a, today));
}
