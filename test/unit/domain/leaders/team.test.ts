import { describe, expect, it } from 'vitest';
import { checkCommitment, daysLeft, type Availability } from '../../../../src/domain/leaders/availability.ts';
import { costing, summariseBySchool, teamCosting } from '../../../../src/domain/leaders/costing.ts';
import {
  canChangeTeam,
  canSeeCosting,
  canSeeDeployment,
  deploymentStatus,
  standingIn,
  teamDays,
  teamWaiting,
} from '../../../../src/domain/leaders/deployment.ts';

const lead = { userId: 1, name: 'Ada', lead: true, days: 4, answer: 'accepted' as const };
const bea = { userId: 2, name: 'Bea', lead: false, days: 3, answer: null };

describe('a deployment’s team', () => {
  it('costs each member’s days at their own rate and sums those who have not declined', () => {
    const team = teamCosting(
      [
        { userId: 1, name: 'Ada', costing: costing(4, 450, 'organisation'), counted: true },
        { userId: 2, name: 'Bea', costing: costing(2.5, 333.33, 'organisation'), counted: true },
        { userId: 3, name: 'Cal', costing: costing(5, 200, 'organisation'), counted: false },
      ],
      'organisation',
    );
    expect(team).toMatchObject({
      days: 6.5,
      dayRatePounds: 450,
      totalPounds: 2633.33,
      paidBy: 'organisation',
    });
    expect(team.members.map((m) => [m.name, m.totalPounds, m.counted])).toEqual([
      ['Ada', 1800, true],
      ['Bea', 833.33, true],
      ['Cal', 1000, false],
    ]);
  });

  it('is a team of one for a deployment of one leader, costed as before', () => {
    const one = teamCosting(
      [{ userId: 1, name: 'Ada', costing: costing(6, 450, 'client-school'), counted: true }],
      'client-school',
    );
    expect(one).toMatchObject(costing(6, 450, 'client-school'));
    expect(teamDays([lead])).toBe(4);
    expect(teamWaiting([lead])).toBe(false);
  });

  it('gives an officer the whole team’s days and cost by school', () => {
    const team = teamCosting(
      [
        { userId: 1, name: 'Ada', costing: costing(4, 450, 'organisation'), counted: true },
        { userId: 2, name: 'Bea', costing: costing(3, 300, 'organisation'), counted: true },
      ],
      'organisation',
    );
    expect(summariseBySchool([{ clientUrn: 1, clientName: 'Client', costing: team }]).total).toEqual({
      deployments: 1,
      days: 7,
      totalPounds: 2700,
    });
  });

  it('waits for the team once the lead has accepted, until every further member has', () => {
    expect(teamWaiting([lead, bea])).toBe(true);
    expect(teamWaiting([lead, { ...bea, answer: 'declined' }])).toBe(true);
    expect(teamWaiting([lead, { ...bea, answer: 'accepted' }])).toBe(false);
    expect(deploymentStatus('accepted', false, null, true)).toBe('awaiting-team');
    expect(deploymentStatus(null, false, null, true)).toBe('awaiting-leader');
    expect(deploymentStatus('accepted', false, 'completed', true)).toBe('completed');
    expect(teamDays([lead, { ...bea, answer: 'declined' }])).toBe(4);
  });

  it('lets a member see the deployment but not its costing, and only the commissioner change the team before it starts', () => {
    const parties = { leaderUserId: 1, clientUrn: 100, organisationId: 7, team: [lead, bea] };
    const member = standingIn({ id: 2, schools: [], organisations: [] }, parties);
    expect(member).toMatchObject({ leader: false, member: true });
    expect(canSeeDeployment(member)).toBe(true);
    expect(canSeeCosting(member)).toBe(false);
    const officer = standingIn(
      { id: 9, schools: [], organisations: [{ id: 7, name: 'Trust' }] as never },
      parties,
    );
    const d = { organisationId: 7, status: 'awaiting-team' as const, begun: false };
    expect(canChangeTeam(officer, d)).toBe(true);
    expect(canChangeTeam(member, d)).toBe(false);
    expect(canChangeTeam(officer, { ...d, begun: true })).toBe(false);
    expect(canChangeTeam(officer, { ...d, status: 'withdrawn' })).toBe(false);
    expect(canSeeDeployment(standingIn({ id: 3, schools: [], organisations: [] }, parties))).toBe(false);
  });
});

describe('a member’s availability across deployments', () => {
  const year: Availability = { daysPerTerm: 6, from: '2025-09-01', to: '2026-07-31' };
  // Three days as a team member and two as a lead, both in the spring term.
  const held = [
    { days: 3, start: '2026-01-12', end: '2026-03-20' },
    { days: 2, start: '2026-02-02', end: '2026-02-27' },
  ];

  it('counts days as a member with days as a lead against the same declared availability', () => {
    expect(checkCommitment(year, held, { days: 1, start: '2026-01-12', end: '2026-03-20' }).ok).toBe(true);
    const over = checkCommitment(year, held, { days: 2, start: '2026-01-12', end: '2026-03-20' });
    expect(over.ok).toBe(false);
    expect(!over.ok && over.error.code).toBe('over-availability');
  });

  it('leaves the directory’s days left net of both', () => {
    expect(daysLeft(year, held, '2026-01-05')).toBe(6 + 6 - 5);
  });
});
