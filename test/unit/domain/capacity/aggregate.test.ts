import { describe, expect, it } from 'vitest';
import { capacityByArea, median, type CapacitySchool } from '../../../../src/domain/capacity/aggregate.ts';
import type { SchoolGroup } from '../../../../src/domain/classification/types.ts';

const NORTH = { code: 'R1', name: 'North' };
const SOUTH = { code: 'R2', name: 'South' };
const LEEDS = { code: '383', name: 'Leeds' };
const YORK = { code: '816', name: 'York' };
const KENT = { code: '886', name: 'Kent' };

function school(
  urn: number,
  group: SchoolGroup,
  region: typeof NORTH | null,
  la: typeof LEEDS | null,
): CapacitySchool {
  return {
    urn,
    name: `School ${urn}`,
    phase: 'secondary',
    country: 'England',
    region,
    localAuthority: la,
    constituency: null,
    group,
  };
}

// North: Leeds 2 high-performing, 2 in need; York 1 high-performing, 1 in need, 1 other.
// South: Kent 1 high-performing, 3 in need (one with no location). One in-need school has no region or LA.
const schools = [
  school(1, 'high-performing', NORTH, LEEDS),
  school(2, 'high-performing', NORTH, LEEDS),
  school(3, 'in-need', NORTH, LEEDS),
  school(4, 'in-need', NORTH, LEEDS),
  school(5, 'high-performing', NORTH, YORK),
  school(6, 'in-need', NORTH, YORK),
  school(7, 'other', NORTH, YORK),
  school(8, 'high-performing', SOUTH, KENT),
  school(9, 'in-need', SOUTH, KENT),
  school(10, 'in-need', SOUTH, KENT),
  school(11, 'in-need', SOUTH, KENT),
  school(12, 'in-need', null, null),
];
// High-performing schools within the radius of each located in-need school; 11 has no location.
const reach = new Map([
  [3, 2],
  [4, 3],
  [6, 0],
  [9, 1],
  [10, 0],
  [12, 7],
]);

describe('capacity by area', () => {
  it('counts high-performing and in-need schools and their ratio per local authority', () => {
    const byLa = capacityByArea(schools, reach, 'la');
    expect(byLa.map((a) => [a.name, a.highPerforming, a.inNeed, a.ratio])).toEqual([
      ['Area not recorded', 0, 1, 0],
      ['Kent', 1, 3, 1 / 3],
      ['Leeds', 2, 2, 1],
      ['York', 1, 1, 1],
    ]);
  });

  it('leaves out the schools with no recorded area when none of them is high-performing or in need', () => {
    const unplaced = [...schools.slice(0, 11), school(12, 'other', null, null)];
    expect(capacityByArea(unplaced, reach, 'la').map((a) => a.name)).toEqual(['Kent', 'Leeds', 'York']);
  });

  it('gives the median number of high-performing schools within reach of the in-need schools', () => {
    const byRegion = capacityByArea(schools, reach, 'region');
    const north = byRegion.find((a) => a.code === 'R1')!;
    // North's in-need schools reach 2, 3 and 0: median 2.
    expect(north.medianHighPerformingWithinRadius).toBe(2);
    const south = byRegion.find((a) => a.code === 'R2')!;
    // Kent's located in-need schools reach 1 and 0: the median of an even count is the mean of the middle two.
    expect(south.medianHighPerformingWithinRadius).toBe(0.5);
    expect(south.inNeedNotLocated).toBe(1);
  });

  it('names the in-need schools with no high-performing school within reach', () => {
    const england = capacityByArea(schools, reach, 'country');
    expect(england).toHaveLength(1);
    expect(england[0]!.inNeedOutOfReach).toEqual([
      { urn: 10, name: 'School 10' },
      { urn: 6, name: 'School 6' },
    ]);
  });

  it('spreads the in-need schools over buckets of how many high-performing schools they can reach', () => {
    const [england] = capacityByArea(schools, reach, 'country');
    expect(england!.distribution.map((b) => [b.label, b.inNeed])).toEqual([
      ['0', 2],
      ['1', 1],
      ['2', 1],
      ['3 to 5', 1],
      ['6 to 10', 1],
      ['11 or more', 0],
    ]);
  });

  it('adds up to the same totals at every level, counting schools with no recorded area', () => {
    for (const by of ['country', 'region', 'la', 'constituency'] as const) {
      const areas = capacityByArea(schools, reach, by);
      expect(
        areas.reduce((sum, a) => sum + a.highPerforming, 0),
        by,
      ).toBe(4);
      expect(
        areas.reduce((sum, a) => sum + a.inNeed, 0),
        by,
      ).toBe(7);
    }
  });

  it('lists an area whose schools are neither group, with no ratio or median', () => {
    const [york] = capacityByArea([school(7, 'other', NORTH, YORK)], new Map(), 'la');
    expect(york).toMatchObject({
      code: '816',
      highPerforming: 0,
      inNeed: 0,
      ratio: null,
      medianHighPerformingWithinRadius: null,
    });
  });
});

describe('median', () => {
  it('is the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
