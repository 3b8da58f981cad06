import { describe, expect, it } from 'vitest';
import { markMilestone, milestoneState } from '../../../../src/domain/partnerships/milestones.ts';

describe('milestones', () => {
  it('are marked done today while the partnership runs, keeping the first day if ticked twice', () => {
    expect(markMilestone({ status: 'active' }, { doneOn: null }, true, '2025-03-01')).toEqual({
      ok: true,
      value: '2025-03-01',
    });
    expect(markMilestone({ status: 'reviewing' }, { doneOn: '2025-02-01' }, true, '2025-03-01')).toEqual({
      ok: true,
      value: '2025-02-01',
    });
    expect(markMilestone({ status: 'agreed' }, { doneOn: '2025-02-01' }, false, '2025-03-01')).toEqual({
      ok: true,
      value: null,
    });
  });

  it('cannot be marked before the partnership is agreed or after it closes', () => {
    for (const status of ['proposed', 'closed'] as const) {
      const outcome = markMilestone({ status }, { doneOn: null }, true, '2025-03-01');
      expect(outcome.ok ? null : outcome.error.code).toBe('wrong-status');
    }
  });

  it('are overdue once the date has passed without being done', () => {
    expect(milestoneState({ dueDate: '2025-02-28', doneOn: null }, '2025-03-01')).toBe('overdue');
    expect(milestoneState({ dueDate: '2025-03-01', doneOn: null }, '2025-03-01')).toBe('due');
    expect(milestoneState({ dueDate: '2025-02-28', doneOn: '2025-03-01' }, '2025-03-01')).toBe('done');
  });
});
