import { describe, expect, it } from 'vitest';
import { decodeSnapshotInput, encodeSnapshotInput } from '../../../../src/app/compute/snapshot-payload.ts';
import {
  DEFAULT_PROFILE_NAME,
  SHIPPED_PROFILES,
} from '../../../../src/domain/classification/profiles/index.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../../../../src/domain/matching/settings.ts';
import type { SnapshotInput } from '../../../../src/domain/snapshot.ts';
import { syntheticSchools } from '../../../builders/synthetic-schools.ts';

describe('the registry sent to the computation workers', () => {
  it('arrives whole and in order, however many slices its schools were written in', async () => {
    const schools = syntheticSchools(1_234);
    const input: SnapshotInput = {
      schools,
      profiles: SHIPPED_PROFILES,
      defaultProfile: DEFAULT_PROFILE_NAME,
      asOf: '2026-11-24',
      settings: DEFAULT_MATCHING_SETTINGS,
      declaredCapacity: new Map([[schools[3]!.urn, 2]]),
      partnerships: new Map([[schools[5]!.urn, 1]]),
      partners: new Map([[schools[5]!.urn, [schools[6]!.urn]]]),
      declaredFocus: new Map([[schools[7]!.urn, { needs: ['leadership'], offers: [] }]]),
    };
    const payload = await encodeSnapshotInput(input);
    expect(decodeSnapshotInput(new Uint8Array(payload))).toEqual(input);
  });

  it('sends a registry without schools', async () => {
    const input: SnapshotInput = {
      schools: [],
      profiles: SHIPPED_PROFILES,
      defaultProfile: DEFAULT_PROFILE_NAME,
      asOf: '2026-11-24',
      settings: DEFAULT_MATCHING_SETTINGS,
    };
    expect(decodeSnapshotInput(new Uint8Array(await encodeSnapshotInput(input)))).toEqual(input);
  });
});
