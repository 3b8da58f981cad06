import type { SchoolGroup } from '../classification/types.ts';
import type { Area, School } from '../school.ts';
import { consortiumAreaOf } from '../consortium-areas.ts';

export const CAPACITY_GEOGRAPHIES = ['country', 'region', 'la', 'constituency', 'consortium'] as const;
export type CapacityGeography = (typeof CAPACITY_GEOGRAPHIES)[number];

export const CAPACITY_GEOGRAPHY_LABELS: Record<CapacityGeography, string> = {
  country: 'Country',
  region: 'Region',
  la: 'Local authority',
  constituency: 'Parliamentary constituency',
  consortium: 'Regional consortium',
};

export type CapacitySchool = Pick<
  School,
  'urn' | 'name' | 'phase' | 'country' | 'region' | 'localAuthority' | 'constituency'
> & {
  group: SchoolGroup;
};

/** How many high-performing schools of its phase are within the radius of each in-need school (by URN); absent when it has no location. */
export type Reach = ReadonlyMap<number, number>;

export interface ReachBucket {
  label: string;
  min: number;
  /** Inclusive; null for the open top bucket. */
  max: number | null;
  inNeed: number;
}

export interface CapacityArea {
  code: string;
  name: string;
  highPerforming: number;
  inNeed: number;
  /** High-performing schools per school in need; null when no school is in need. */
  ratio: number | null;
  /** Null when no located school in the area is in need. */
  medianHighPerformingWithinRadius: number | null;
  distribution: ReachBucket[];
  /** In-need schools with no high-performing school of their phase within the radius. */
  inNeedOutOfReach: { urn: number; name: string }[];
  /** In-need schools whose location is unknown, left out of the median and distribution. */
  inNeedNotLocated: number;
}

/** Schools without a recorded area are kept in a row of their own so that every level adds up to the same totals. */
export const AREA_NOT_RECORDED: Area = { code: 'not-recorded', name: 'Area not recorded' };

const COUNTRY_AREAS: Record<School['country'], Area> = {
  England: { code: 'E92000001', name: 'England' },
  Wales: { code: 'W92000004', name: 'Wales' },
};

/** One collator for every sort: String.localeCompare builds one per call, which shows at national scale. */
export const byName = new Intl.Collator('en-GB').compare;

const BUCKETS: readonly [number, number | null][] = [
  [0, 0],
  [1, 1],
  [2, 2],
  [3, 5],
  [6, 10],
  [11, null],
];

/** Every school in one area, for the totals line. */
export const ALL_AREAS: Area = { code: 'all', name: 'All areas' };

/** The area a school falls in at one level of geography. */
export function areaOf(
  school: Pick<School, 'country' | 'region' | 'localAuthority' | 'constituency'>,
  by: CapacityGeography | 'all',
): Area {
  switch (by) {
    case 'all':
      return ALL_AREAS;
    case 'country':
      return COUNTRY_AREAS[school.country];
    case 'region':
      return school.region ?? AREA_NOT_RECORDED;
    case 'la':
      return school.localAuthority ?? AREA_NOT_RECORDED;
    case 'constituency':
      return school.constituency ?? AREA_NOT_RECORDED;
    // Consortia are Welsh; England is one area at this level, so that every level adds up.
    case 'consortium':
      return school.country === 'England'
        ? COUNTRY_AREAS.England
        : (consortiumAreaOf(school.localAuthority?.code) ?? AREA_NOT_RECORDED);
  }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function distribution(reaches: readonly number[]): ReachBucket[] {
  return BUCKETS.map(([min, max]) => ({
    label: max === null ? `${min} or more` : min === max ? String(min) : `${min} to ${max}`,
    min,
    max,
    inNeed: reaches.filter((n) => n >= min && (max === null || n <= max)).length,
  }));
}

/**
 * Counts of high-performing and in-need schools per area, with how many high-performing
 * schools each school in need has within reach. Every area with a school of the phase asked
 * for appears, even with nothing to count, except the schools with no recorded area: a row
 * "Area not recorded 0 0" reads as a fault, and leaving it out changes no total. Areas in name order.
 */
export function capacityByArea(
  schools: readonly CapacitySchool[],
  reach: Reach,
  by: CapacityGeography | 'all',
): CapacityArea[] {
  const groups = new Map<string, { area: Area; highPerforming: number; inNeed: CapacitySchool[] }>();
  for (const school of schools) {
    const area = areaOf(school, by);
    let entry = groups.get(area.code);
    if (!entry) groups.set(area.code, (entry = { area, highPerforming: 0, inNeed: [] }));
    if (school.group === 'high-performing') entry.highPerforming += 1;
    else if (school.group === 'in-need') entry.inNeed.push(school);
  }
  return [...groups.values()]
    .filter(
      ({ area, highPerforming, inNeed }) => area !== AREA_NOT_RECORDED || highPerforming + inNeed.length > 0,
    )
    .map(({ area, highPerforming, inNeed }) => summarise(area, highPerforming, inNeed, reach))
    .sort((a, b) => byName(a.name, b.name) || byName(a.code, b.code));
}

function summarise(
  area: Area,
  highPerforming: number,
  inNeed: readonly CapacitySchool[],
  reach: Reach,
): CapacityArea {
  const located = inNeed.filter((s) => reach.has(s.urn));
  const reaches = located.map((s) => reach.get(s.urn)!);
  return {
    code: area.code,
    name: area.name,
    highPerforming,
    inNeed: inNeed.length,
    ratio: inNeed.length === 0 ? null : highPerforming / inNeed.length,
    medianHighPerformingWithinRadius: median(reaches),
    distribution: distribution(reaches),
    inNeedOutOfReach: located
      .filter((s) => reach.get(s.urn) === 0)
      .map((s) => ({ urn: s.urn, name: s.name }))
      .sort((a, b) => byName(a.name, b.name)),
    inNeedNotLocated: inNeed.length - located.length,
  };
}

/** The figures of an area with no school of the phase asked for. */
export function emptyArea(area: Area): CapacityArea {
  return summarise(area, 0, [], new Map());
}
