import type { Happening } from './notifications.ts';
import type { Milestone, Partnership } from './partnerships/model.ts';

/**
 * Reminders worked out from the plan's dates and a day passed in: a milestone due within a week
 * or overdue (not done, while the partnership runs), and the review due once an active
 * partnership is within four weeks of its planned end. Each has a key naming what it is about,
 * so a daily run reminds each person once.
 */
export const MILESTONE_NOTICE_DAYS = 7;
export const REVIEW_NOTICE_DAYS = 28;

const RUNNING: readonly Partnership['status'][] = ['agreed', 'active', 'reviewing'];

export interface Reminder {
  partnershipId: number;
  key: string;
  happening: Happening;
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function remindersDue(
  partnerships: (Pick<Partnership, 'id' | 'status' | 'endDate'> & { milestones: Milestone[] })[],
  today: string,
): Reminder[] {
  const soon = addDays(today, MILESTONE_NOTICE_DAYS);
  return partnerships.flatMap((p) => {
    if (!RUNNING.includes(p.status)) return [];
    const milestones = p.milestones.flatMap((m): Reminder[] => {
      if (m.doneOn) return [];
      if (m.dueDate < today)
        return [
          {
            partnershipId: p.id,
            key: `milestone-overdue:${m.id}`,
            happening: { kind: 'milestone-overdue' },
          },
        ];
      if (m.dueDate <= soon)
        return [
          {
            partnershipId: p.id,
            key: `milestone-due:${m.id}`,
            happening: { kind: 'milestone-due' },
          },
        ];
      return [];
    });
    const review =
      p.status === 'active' && p.endDate && addDays(today, REVIEW_NOTICE_DAYS) >= p.endDate
        ? [{ partnershipId: p.id, key: `review-due:${p.id}`, happening: { kind: 'review-due' } as const }]
        : [];
    return [...milestones, ...review];
  });
}
