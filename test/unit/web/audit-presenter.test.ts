import { describe, expect, it } from 'vitest';
import { describeAction, describeDetails } from '../../../src/web/admin/audit-presenter.ts';

describe('the audit log in words', () => {
  it('says what was done, for known actions and for any other by its code', () => {
    expect(describeAction('school.member-invited')).toBe('Invited someone to join the school');
    expect(describeAction('peer-review.finding-recorded')).toBe('Recorded a peer review finding');
    expect(describeAction('mystery-box.thing-done')).toBe('Mystery box: thing done');
  });

  it('says what was done in Welsh, from the catalogue, and the details’ words and dates too', () => {
    expect(describeAction('school.member-invited', 'cy')).toBe('Gwahodd rhywun i ymuno â’r ysgol');
    expect(describeDetails({ newAccount: true, doneOn: '2026-03-13', before: null }, 'cy')).toEqual([
      'Cyfrif newydd: ydy',
      'Gwnaed ar: 13 Mawrth 2026',
      'Cyn: dim',
    ]);
  });

  it('writes the details as labelled lines, with dates, lists and yes or no in words', () => {
    expect(
      describeDetails({
        newAccount: true,
        doneOn: '2026-03-13',
        invited: [100001, 100002],
        before: null,
        after: { capacityToSupport: 2, needs: ['reading'] },
      }),
    ).toEqual([
      'New account: yes',
      'Done on: 13 March 2026',
      'Invited: 100001, 100002',
      'Before: none',
      'After: capacity to support 2; needs reading',
    ]);
  });
});
