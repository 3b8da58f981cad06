import { describe, expect, it } from 'vitest';
import type { Member, PartnershipStatus } from '../../../../src/domain/partnerships/model.ts';
import { actionsToCarry, carryRefusal } from '../../../../src/domain/readiness/carry.ts';

const member = (urn: number, invitation: Member['invitation']): Member => ({
  urn,
  name: `School ${urn}`,
  role: 'reciprocal',
  invitation,
  respondedAt: null,
});
const partnership = (status: PartnershipStatus) => ({
  status,
  members: [member(1, 'proposer'), member(2, 'accepted'), member(3, 'declined')],
});

describe('carrying a readiness action plan into a partnership', () => {
  it('carries the open actions no partnership carries yet', () => {
    const actions = [
      { id: 1, status: 'not-started', partnershipId: null },
      { id: 2, status: 'in-progress', partnershipId: null },
      { id: 3, status: 'done', partnershipId: null },
      { id: 4, status: 'not-started', partnershipId: 9 },
    ] as const;
    expect(actionsToCarry(actions).map((a) => a.id)).toEqual([1, 2]);
  });

  it('lets an administrator of a taking-part school carry from agreement until close', () => {
    for (const status of ['agreed', 'active', 'reviewing'] as const) {
      expect(carryRefusal(partnership(status), 2, [2])).toBeNull();
    }
    expect(carryRefusal(partnership('proposed'), 2, [2])).toBe('not-running');
    expect(carryRefusal(partnership('closed'), 1, [1])).toBe('not-running');
  });

  it('refuses a school that does not take part, and a member who does not administer it', () => {
    expect(carryRefusal(partnership('active'), 3, [3])).toBe('not-taking-part');
    expect(carryRefusal(partnership('active'), 4, [4])).toBe('not-taking-part');
    expect(carryRefusal(partnership('active'), 1, [2])).toBe('not-admin');
  });
});
