import { describe, expect, it } from 'vitest';
import { UrnPlaces } from '../../../src/domain/by-urn.ts';

describe('places by URN', () => {
  it('gives each URN its place', () => {
    const places = new UrnPlaces([{ urn: 100_003 }, { urn: 100_001 }, { urn: 100_002 }]);
    expect([100_001, 100_002, 100_003].map((urn) => places.get(urn))).toEqual([1, 2, 0]);
    expect(places.get(100_004)).toBeUndefined();
  });

  it('gives a URN listed twice its later place, in the order URNs were first seen', () => {
    const places = new UrnPlaces([{ urn: 100_001 }, { urn: 100_002 }, { urn: 100_001 }]);
    expect(places.size).toBe(2);
    expect(places.get(100_001)).toBe(2);
    expect([...places.entries()]).toEqual([
      [100_001, 2],
      [100_002, 1],
    ]);
  });
});
