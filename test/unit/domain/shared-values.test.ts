import { describe, expect, it } from 'vitest';
import { shareRepeatedValues } from '../../../src/domain/shared-values.ts';
import { syntheticSchools } from '../../builders/synthetic-schools.ts';

describe('the registry held with one copy of each repeated value', () => {
  it('holds every school with the same values as read, with one local authority for the schools that share it', () => {
    const read = syntheticSchools(300);
    const shared = shareRepeatedValues(structuredClone(read));
    expect(shared).toEqual(read);
    const [first, ...others] = shared.filter((s) => s.localAuthority?.code === read[0]!.localAuthority?.code);
    expect(others.length).toBeGreaterThan(0);
    for (const school of others) expect(school.localAuthority).toBe(first!.localAuthority);
  });
});
