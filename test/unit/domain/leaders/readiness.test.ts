import { describe, expect, it } from 'vitest';
import {
  deploymentReadinessAccess,
  pairedReadiness,
  SIDE_FRAMEWORKS,
  strongerAccess,
  type SideAnswers,
} from '../../../../src/domain/leaders/readiness.ts';
import { allItems, type Framework } from '../../../../src/domain/readiness/framework.ts';
import { loadFrameworks } from '../../../../src/ingest/readiness-frameworks.ts';

const catalogue = await loadFrameworks();
const framework = (id: string): Framework => catalogue.find(id)!;
const client = framework(SIDE_FRAMEWORKS.client);
const leader = framework(SIDE_FRAMEWORKS.leader);

/** Every item of a side rated alike, but for the ones named. */
function side(
  f: Framework,
  rating: number | null,
  only: Record<string, number> = {},
  completed = true,
): SideAnswers {
  return {
    framework: f,
    answers: allItems(f).map((it) => ({ itemId: it.id, rating: only[it.id] ?? rating, evidence: '' })),
    completed,
  };
}

const nobody = {
  leader: false,
  member: false,
  clientAdmin: false,
  clientMember: false,
  commissioningOfficer: false,
};

describe('the paired readiness questions of a deployment', () => {
  it('counts each side’s answered questions and agrees only once both have completed', () => {
    const paired = pairedReadiness(
      side(client, null, { 'client-time-and-capacity': 2 }, false),
      side(leader, 3),
    );
    expect(paired.sides).toEqual([
      { side: 'client', rated: 1, itemCount: 7, completed: false },
      { side: 'leader', rated: 7, itemCount: 7, completed: true },
    ]);
    expect(paired.bothCompleted).toBe(false);
    expect(pairedReadiness(side(client, 3), side(leader, 3)).bothCompleted).toBe(true);
  });

  it('names each theme where the ratings differ by the framework’s threshold, once, in the leader’s order', () => {
    const paired = pairedReadiness(
      side(client, 3, { 'client-time-and-capacity': 1, 'client-exit-and-sustainability': 2 }),
      side(leader, 3, { 'sl-exit-and-sustainability': 4 }),
    );
    // 3 against 1 is two levels apart; 4 against 2 likewise; a one-level difference is no disagreement.
    expect(paired.disagreeingThemes).toEqual(['Time and capacity', 'Exit and sustainability']);
    expect(pairedReadiness(side(client, 3), side(leader, 4)).disagreeingThemes).toEqual([]);
  });

  it('does not count an unanswered question as a disagreement', () => {
    expect(pairedReadiness(side(client, null, {}, false), side(leader, 4)).disagreeingThemes).toEqual([]);
  });

  it('lets the leader answer their side and the commissioner read both, and gives nobody else anything', () => {
    expect(deploymentReadinessAccess('leader', { ...nobody, leader: true }, false)).toBe('answer');
    expect(deploymentReadinessAccess('client', { ...nobody, leader: true }, false)).toBe('none');
    expect(deploymentReadinessAccess('client', { ...nobody, commissioningOfficer: true }, true)).toBe('read');
    expect(deploymentReadinessAccess('leader', { ...nobody, clientAdmin: true }, true)).toBe('read');
    // A client school's member who did not commission it reads the leader's side no more than a stranger.
    expect(deploymentReadinessAccess('leader', { ...nobody, clientMember: true }, false)).toBe('none');
    expect(deploymentReadinessAccess('leader', nobody, false)).toBe('none');
  });

  it('keeps the stronger of what the school and the deployment give', () => {
    expect(strongerAccess('manage', 'read')).toBe('manage');
    expect(strongerAccess('none', 'answer')).toBe('answer');
    expect(strongerAccess('read', 'none')).toBe('read');
  });
});
