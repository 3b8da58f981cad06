import { describe, expect, it } from 'vitest';
import {
  canSteer,
  invitationsToAnswer,
  partnershipAccess,
} from '../../../../src/domain/partnerships/access.ts';
import { isOverdue } from '../../../../src/domain/partnerships/actions.ts';
import { setupTasks } from '../../../../src/domain/partnerships/setup.ts';
import { LEAD, member, PARTNER, partnership } from '../../../builders/partnership.ts';

describe('the set-up task list', () => {
  it('is complete for a fully planned partnership', () => {
    expect(setupTasks(partnership()).map((t) => t.state)).toEqual(Array(7).fill('completed'));
  });

  it('says what is missing, and tells untouched from half-done sections', () => {
    const tasks = setupTasks(
      partnership({
        focusAreas: [],
        need: null,
        priorities: null,
        exitStrategy: 'Hand over',
        sustainability: null,
      }),
    );
    expect(tasks.find((t) => t.task === 'focus')).toMatchObject({ state: 'not-started' });
    expect(tasks.find((t) => t.task === 'exit')).toEqual({
      task: 'exit',
      state: 'incomplete',
      missing: ['how improvements will be sustained and celebrated'],
    });
  });

  it('asks for the system leader when a deployment names none', () => {
    const staff = setupTasks(partnership({ type: 'deployment' })).find((t) => t.task === 'staff');
    expect(staff?.missing).toEqual(['the system leader being deployed']);
  });

  it('asks for a baseline and target on every objective', () => {
    const p = partnership();
    const objectives = setupTasks({ ...p, objectives: [{ ...p.objectives[0]!, target: null }] }).find(
      (t) => t.task === 'objectives',
    );
    expect(objectives).toMatchObject({
      state: 'incomplete',
      missing: ['a baseline and target for "Raise reading"'],
    });
  });
});

describe('who sees a partnership', () => {
  const members = [member(LEAD, { invitation: 'proposer' }), member(PARTNER, { invitation: 'invited' })];

  it('gives members of a taking-part school everything, and an invited school only the invitation', () => {
    expect(partnershipAccess(members, { schools: [{ urn: LEAD, role: 'member' }], sharedUrns: [] })).toBe(
      'contribute',
    );
    expect(partnershipAccess(members, { schools: [{ urn: PARTNER, role: 'admin' }], sharedUrns: [] })).toBe(
      'invitation',
    );
  });

  it('shows nothing to a school that declined or a stranger', () => {
    const declined = [members[0]!, member(PARTNER, { invitation: 'declined' })];
    expect(partnershipAccess(declined, { schools: [{ urn: PARTNER, role: 'admin' }], sharedUrns: [] })).toBe(
      'none',
    );
    expect(partnershipAccess(members, { schools: [{ urn: 123456, role: 'admin' }], sharedUrns: [] })).toBe(
      'none',
    );
  });

  it('lets an officer read when a taking-part school shares with their organisation, not an invited one', () => {
    expect(partnershipAccess(members, { schools: [], sharedUrns: [LEAD] })).toBe('read');
    expect(partnershipAccess(members, { schools: [], sharedUrns: [PARTNER] })).toBe('none');
  });

  it('lets only admins steer and answer invitations', () => {
    expect(canSteer(members, { schools: [{ urn: LEAD, role: 'member' }], sharedUrns: [] })).toBe(false);
    expect(canSteer(members, { schools: [{ urn: LEAD, role: 'admin' }], sharedUrns: [] })).toBe(true);
    expect(
      invitationsToAnswer(members, { schools: [{ urn: PARTNER, role: 'member' }], sharedUrns: [] }),
    ).toEqual([]);
    expect(
      invitationsToAnswer(members, { schools: [{ urn: PARTNER, role: 'admin' }], sharedUrns: [] }),
    ).toEqual([members[1]]);
  });
});

describe('overdue actions', () => {
  it('is overdue past its date unless done or cancelled', () => {
    expect(isOverdue({ dueDate: '2025-01-10', status: 'in-progress' }, '2025-01-11')).toBe(true);
    expect(isOverdue({ dueDate: '2025-01-10', status: 'in-progress' }, '2025-01-10')).toBe(false);
    expect(isOverdue({ dueDate: '2025-01-10', status: 'done' }, '2025-02-01')).toBe(false);
    expect(isOverdue({ dueDate: '2025-01-10', status: 'cancelled' }, '2025-02-01')).toBe(false);
  });
});
