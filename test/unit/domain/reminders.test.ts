import { describe, expect, it } from 'vitest';
import { remindersDue } from '../../../src/domain/reminders.ts';

const milestone = (id: number, dueDate: string, doneOn: string | null = null) => ({
  id,
  title: `Milestone ${id}`,
  dueDate,
  doneOn,
});
const running = (over: Partial<Parameters<typeof remindersDue>[0][number]> = {}) => ({
  id: 1,
  status: 'active' as const,
  endDate: '2026-12-31',
  milestones: [],
  ...over,
});

describe('reminders from the plan’s dates', () => {
  it('reminds of a milestone due within a week, and of one overdue, but not of one done or far off', () => {
    const p = running({
      milestones: [
        milestone(1, '2026-03-08'),
        milestone(2, '2026-02-28'),
        milestone(3, '2026-02-01', '2026-02-01'),
        milestone(4, '2026-03-09'),
      ],
    });
    expect(remindersDue([p], '2026-03-01').map((r) => r.key)).toEqual([
      'milestone-due:1',
      'milestone-overdue:2',
    ]);
  });

  it('says the review is due four weeks before the planned end, only while the partnership is active', () => {
    expect(remindersDue([running({ endDate: '2026-03-29' })], '2026-03-01')).toEqual([
      { partnershipId: 1, key: 'review-due:1', happening: { kind: 'review-due' } },
    ]);
    expect(remindersDue([running({ endDate: '2026-03-30' })], '2026-03-01')).toEqual([]);
    expect(remindersDue([running({ status: 'reviewing', endDate: '2026-03-01' })], '2026-03-01')).toEqual([]);
  });

  it('reminds nobody of a partnership not yet agreed or already closed', () => {
    for (const status of ['proposed', 'closed'] as const)
      expect(
        remindersDue([running({ status, milestones: [milestone(1, '2026-01-01')] })], '2026-03-01'),
      ).toEqual([]);
  });
});
