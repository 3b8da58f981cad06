import { byName, type CapacityArea } from '../../domain/capacity/aggregate.ts';
import { z } from 'zod';
import type { LeaderFigures } from '../../app/capacity/capacity.ts';
import { capacityQuery } from '../../app/capacity/query.ts';

export const CAPACITY_SORTS = [
  'name',
  'highPerforming',
  'inNeed',
  'ratio',
  'median',
  'systemLeaders',
  'systemLeaderDays',
] as const;
export type CapacitySort = (typeof CAPACITY_SORTS)[number];

/** The table page also sorts, by links, so that sorting works without JavaScript. */
export const capacityPageQuery = capacityQuery.extend({
  sort: z.enum(CAPACITY_SORTS).catch('name'),
  order: z.enum(['asc', 'desc']).catch('asc'),
});

type Area = CapacityArea & LeaderFigures;

const VALUE: Record<CapacitySort, (area: Area) => number | string | null> = {
  name: (a) => a.name,
  highPerforming: (a) => a.highPerforming,
  inNeed: (a) => a.inNeed,
  ratio: (a) => a.ratio,
  median: (a) => a.medianHighPerformingWithinRadius,
  systemLeaders: (a) => a.systemLeaders,
  systemLeaderDays: (a) => a.systemLeaderDaysAvailable,
};

/** Sorted for the table; areas with no figure (no school in need, or no database) go last either way. */
export function sortAreas<A extends Area>(
  areas: readonly A[],
  sort: CapacitySort,
  order: 'asc' | 'desc',
): A[] {
  const value = VALUE[sort];
  const sign = order === 'asc' ? 1 : -1;
  return [...areas].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? byName(a.name, b.name) : x === null ? 1 : -1;
    const compared = typeof x === 'string' ? byName(x, String(y)) : x - Number(y);
    return sign * compared || byName(a.name, b.name);
  });
}
