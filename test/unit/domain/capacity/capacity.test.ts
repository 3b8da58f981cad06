import { describe, expect, it } from 'vitest';
import { capacity, type CapacityRegistrySchool } from '../../../../src/domain/capacity/capacity.ts';
import type { SchoolGroup } from '../../../../src/domain/classification/types.ts';
import type { Phase } from '../../../../src/domain/school.ts';

const LEEDS = { code: '383', name: 'Leeds' };
const YORK = { code: '816', name: 'York' };

// Along the Greenwich meridian one hundredth of a degree of latitude is about 1.11 km.
function school(urn: number, phase: Phase, lat: number | null, la = LEEDS): CapacityRegistrySchool {
  return {
    urn,
    name: `School ${urn}`,
    phase,
    country: 'England',
    region: null,
    localAuthority: la,
    constituency: null,
    location: lat === null ? null : { lat, lon: 0 },
  };
}

const schools = [
  school(1, 'secondary', 52.0), // in need
  school(2, 'secondary', 52.03), // high-performing, 3.3 km from 1
  school(3, 'secondary', 52.08), // high-performing, 8.9 km from 1
  school(4, 'primary', 52.01), // high-performing primary, 1.1 km from 1: another phase
  school(5, 'secondary', 53.0, YORK), // in need, far from everyone
  school(6, 'primary', 52.0), // in need primary, 1.1 km from 4
  school(7, 'secondary', null, YORK), // in need, no location
];
const groups = new Map<number, SchoolGroup>([
  [1, 'in-need'],
  [2, 'high-performing'],
  [3, 'high-performing'],
  [4, 'high-performing'],
  [5, 'in-need'],
  [6, 'in-need'],
  [7, 'in-need'],
]);
const input = { schools, groups };

describe('capacity', () => {
  it('counts only high-performing schools of the same phase within the radius', () => {
    const {
      areas: [england],
    } = capacity(input, { by: 'country', phase: 'secondary', radiusKm: () => 5 });
    expect(england).toMatchObject({ highPerforming: 2, inNeed: 3, ratio: 2 / 3, inNeedNotLocated: 1 });
    // School 1 reaches school 2 only; school 5 reaches none: median of [1, 0].
    expect(england!.medianHighPerformingWithinRadius).toBe(0.5);
    expect(england!.inNeedOutOfReach).toEqual([{ urn: 5, name: 'School 5' }]);
  });

  it('reaches further with a wider radius', () => {
    const {
      areas: [england],
    } = capacity(input, { by: 'country', phase: 'secondary', radiusKm: () => 10 });
    // School 1 now reaches schools 2 and 3: median of [2, 0].
    expect(england!.medianHighPerformingWithinRadius).toBe(1);
  });

  it('uses each phase its own radius when every phase is asked for', () => {
    const radii = { primary: 2, secondary: 10 } as Partial<Record<Phase, number>>;
    const { areas, total } = capacity(input, { by: 'la', phase: null, radiusKm: (phase) => radii[phase]! });
    expect(
      areas.map((a) => [a.name, a.highPerforming, a.inNeed, a.medianHighPerformingWithinRadius]),
    ).toEqual([
      // Leeds: secondary 1 reaches 2 and 3; primary 6 reaches primary 4.
      ['Leeds', 3, 2, 1.5],
      ['York', 0, 2, 0],
    ]);
    // The total's median is over every located school in need (2, 1, 0), not a median of the areas' medians.
    expect(total).toMatchObject({
      code: 'all',
      highPerforming: 3,
      inNeed: 4,
      ratio: 0.75,
      medianHighPerformingWithinRadius: 1,
    });
  });

  it('gives zero totals when no school of the phase is held', () => {
    const { areas, total } = capacity(input, { by: 'region', phase: 'special', radiusKm: () => 10 });
    expect(areas).toEqual([]);
    expect(total).toMatchObject({
      highPerforming: 0,
      inNeed: 0,
      ratio: null,
      medianHighPerformingWithinRadius: null,
    });
  });
});
