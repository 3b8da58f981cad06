import { describe, expect, it } from 'vitest';
import { NFER_2017_PROFILE, SHIPPED_PROFILES } from '../../../src/domain/classification/profiles/index.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../../../src/domain/matching/settings.ts';
import { buildSnapshot, snapshotSteps, type SnapshotInput } from '../../../src/domain/snapshot.ts';
import { syntheticSchools } from '../../builders/synthetic-schools.ts';

const input: SnapshotInput = {
  schools: syntheticSchools(1_800),
  profiles: SHIPPED_PROFILES,
  defaultProfile: NFER_2017_PROFILE.name,
  asOf: '2026-11-24',
  settings: DEFAULT_MATCHING_SETTINGS,
};

describe('a snapshot built in steps, as a service rebuilds it between requests', () => {
  it('pauses several times on the way and ends with the snapshot built at once', () => {
    const steps = snapshotSteps(input);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(3);
    const gradual = step.value;
    const atOnce = buildSnapshot(input);
    const answers = (snapshot: typeof atOnce) => {
      const view = snapshot.view()!;
      return {
        classifications: JSON.stringify([...view.classifications.values()]),
        allocation: JSON.stringify(view.allocation()),
      };
    };
    expect(answers(gradual)).toEqual(answers(atOnce));
  });
});
