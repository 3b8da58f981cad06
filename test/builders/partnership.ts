import type { Member, Partnership } from '../../src/domain/partnerships/model.ts';

export const LEAD = 100001;
export const PARTNER = 100002;

export function member(urn: number, over: Partial<Member> = {}): Member {
  return {
    urn,
    name: `School ${urn}`,
    role: 'reciprocal',
    invitation: 'accepted',
    respondedAt: null,
    ...over,
  };
}

/** A partnership whose set-up is complete and whose partner has accepted; tests change one thing. */
export function partnership(over: Partial<Partnership> = {}): Partnership {
  return {
    id: 1,
    title: 'Reading together',
    type: 'peer-to-peer',
    status: 'proposed',
    planVersion: 1,
    proposalMessage: null,
    closure: null,
    endReason: null,
    focusAreas: ['literacy'],
    need: 'Reading results have fallen for three years',
    priorities: 'School development plan priority 1; the local authority literacy strategy',
    staffDays: 12,
    releaseTime: 'Half a day a fortnight for each English lead',
    startDate: '2024-09-01',
    endDate: '2026-02-28',
    exitStrategy: 'Reading leads run the programme alone from spring 2026',
    sustainability: 'Training built into the induction of new staff; celebrated at a joint governors evening',
    members: [member(LEAD, { role: 'lead', invitation: 'proposer' }), member(PARTNER)],
    staff: [
      {
        id: 1,
        urn: LEAD,
        name: 'A Head',
        jobTitle: 'Headteacher',
        seniority: 'headteacher',
        systemLeader: null,
      },
      {
        id: 2,
        urn: PARTNER,
        name: 'B Lead',
        jobTitle: 'English lead',
        seniority: 'middle-leader',
        systemLeader: null,
      },
    ],
    objectives: [
      {
        id: 1,
        description: 'Raise reading',
        successCriteria: 'More pupils meeting the expected standard',
        measure: 'ks2.rwmExpectedPercent',
        customMeasureName: null,
        baseline: 55,
        target: 65,
      },
    ],
    costs: [{ id: 1, item: 'Supply cover', amountPounds: 2400, paidBy: 'Local authority' }],
    milestones: [],
    ...over,
  };
}

export const by = { byUserId: 7, at: '2024-09-02T09:00:00.000Z' };
