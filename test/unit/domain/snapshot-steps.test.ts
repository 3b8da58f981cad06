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

  it('builds another profile’s view in steps the first time it is asked for, then hands it back at once', () => {
    const other = SHIPPED_PROFILES.find((p) => p.name !== input.defaultProfile)!.name;
    const pausesOf = (steps: Generator<void, unknown>) => {
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      return { pauses, value: step.value };
    };
    const snapshot = buildSnapshot(input);
    const first = pausesOf(snapshot.viewSteps(other));
    expect(first.pauses).toBeGreaterThan(3);
    const again = pausesOf(snapshot.viewSteps(other));
    expect(again.pauses).toBe(0);
    expect(again.value).toBe(first.value);
    expect(snapshot.view(other)).toBe(first.value);
    const atOnce = buildSnapshot(input).view(other)!;
    const view = first.value as typeof atOnce;
    expect(view.profile.name).toBe(other);
    expect(JSON.stringify([...view.classifications.values()])).toEqual(
      JSON.stringify([...atOnce.classifications.values()]),
    );
    expect(pausesOf(snapshot.viewSteps('no such profile'))).toEqual({ pauses: 0, value: undefined });
  });
});
