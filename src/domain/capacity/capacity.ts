import type { SchoolGroup } from '../classification/types.ts';
import type { Phase, School } from '../school.ts';
import { buildSpatialIndex, type SpatialIndex } from '../spatial-index.ts';
import {
  ALL_AREAS,
  capacityByArea,
  emptyArea,
  type CapacityArea,
  type CapacityGeography,
  type CapacitySchool,
  type Reach,
} from './aggregate.ts';

export type CapacityRegistrySchool = Pick<
  School,
  'urn' | 'name' | 'phase' | 'country' | 'region' | 'localAuthority' | 'constituency' | 'location'
>;

export interface CapacityQuery {
  by: CapacityGeography;
  /** One phase, or every phase (each school in need then looks for partners of its own phase). */
  phase: Phase | null;
  /** The travel radius for a school of this phase. */
  radiusKm: (phase: Phase) => number;
}

export interface CapacityInput<T extends CapacityRegistrySchool> {
  schools: readonly T[];
  /** Each school's group under the chosen performance profile; a school not in it counts as 'other'. */
  groups: ReadonlyMap<number, SchoolGroup>;
}

/**
 * How many high-performing schools of its phase lie within the radius of each located school in
 * need. The registry's spatial index is built over just the high-performing schools of each
 * phase: a radius search then finds only what it counts, which is several times faster than
 * filtering the index of every school, and cheap to build (milliseconds at national scale).
 */
export function highPerformingWithinReach<T extends CapacityRegistrySchool>(
  inNeed: readonly T[],
  { schools, groups }: CapacityInput<T>,
  radiusKm: (phase: Phase) => number,
): Reach {
  const strongByPhase = new Map<Phase, SpatialIndex<T>>();
  const strongOf = (phase: Phase) => {
    let index = strongByPhase.get(phase);
    if (!index) {
      index = buildSpatialIndex(
        schools.filter((s) => s.phase === phase && groups.get(s.urn) === 'high-performing'),
      );
      strongByPhase.set(phase, index);
    }
    return index;
  };
  const reach = new Map<number, number>();
  for (const school of inNeed) {
    if (school.location)
      reach.set(school.urn, strongOf(school.phase).within(school.location, radiusKm(school.phase)).length);
  }
  return reach;
}

export interface CapacityReport {
  areas: CapacityArea[];
  /** All the areas together (code 'all'); its median is over every school in need, not a median of medians. */
  total: CapacityArea;
}

/** The capacity for school-to-school support in each area, for one profile (its groups), phase and radius. */
export function capacity<T extends CapacityRegistrySchool>(
  input: CapacityInput<T>,
  query: CapacityQuery,
): CapacityReport {
  const inPhase = query.phase === null ? input.schools : input.schools.filter((s) => s.phase === query.phase);
  const classified: CapacitySchool[] = inPhase.map((s) => ({
    ...s,
    group: input.groups.get(s.urn) ?? 'other',
  }));
  const inNeed = inPhase.filter((s) => input.groups.get(s.urn) === 'in-need');
  const reach = highPerformingWithinReach(inNeed, input, query.radiusKm);
  const [total = emptyArea(ALL_AREAS)] = capacityByArea(classified, reach, 'all');
  return { areas: capacityByArea(classified, reach, query.by), total };
}
