import { describe, expect, it } from 'vitest';
import { deploymentStatus, goesAhead } from '../../../../src/domain/leaders/deployment.ts';

describe('where a deployment stands', () => {
  it('waits for the leader, then is agreed while its partnership is open', () => {
    expect(deploymentStatus(null, false, null)).toBe('awaiting-leader');
    expect(deploymentStatus('accepted', false, null)).toBe('agreed');
  });

  it('shows how its partnership closed once the work is over', () => {
    expect(deploymentStatus('accepted', false, 'completed')).toBe('completed');
    expect(deploymentStatus('accepted', false, 'ended-early')).toBe('ended-early');
  });

  it('says declined or withdrawn rather than the "ended early" those close their partnership with', () => {
    expect(deploymentStatus('declined', false, 'ended-early')).toBe('declined');
    expect(deploymentStatus('accepted', true, 'ended-early')).toBe('withdrawn');
    expect(deploymentStatus(null, true, 'ended-early')).toBe('withdrawn');
  });

  it('counts what went ahead in what was commissioned, not what was declined or withdrawn', () => {
    expect(['agreed', 'completed', 'ended-early'].every((s) => goesAhead(s as never))).toBe(true);
    expect(goesAhead('declined')).toBe(false);
    expect(goesAhead('withdrawn')).toBe(false);
  });
});
