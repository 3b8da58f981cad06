import KDBush from 'kdbush';
import { distance } from 'geokdbush';
import type { LatLon } from './school.ts';

export interface Neighbour<T> {
  item: T;
  distanceKm: number;
}

/**
 * An in-memory index of located items (schools) for great-circle searches: everything within a
 * radius. Items without a location are left out and counted in `unlocated`.
 */
export interface SpatialIndex<T> {
  readonly size: number;
  readonly unlocated: number;
  /** Items within `radiusKm` of the point, nearest first (ties in insertion order). */
  within(point: LatLon, radiusKm: number, filter?: (item: T) => boolean): Neighbour<T>[];
  /**
   * Calls `visit` for each item within `radiusKm`, in no particular order, allocating nothing:
   * for hot loops that rank by something other than distance.
   */
  forEachWithin(point: LatLon, radiusKm: number, visit: (item: T, distanceKm: number) => void): void;
}

// geokdbush measures on a sphere of radius 6371 km.
const KM_PER_DEGREE_LAT = (6371 * Math.PI) / 180;
// Keeps points on the very edge of the box, which rounding would otherwise drop.
const BOX_MARGIN_DEGREES = 1e-9;

export function distanceKm(a: LatLon, b: LatLon): number {
  return distance(a.lon, a.lat, b.lon, b.lat);
}

export function buildSpatialIndex<T extends { location: LatLon | null }>(
  items: readonly T[],
): SpatialIndex<T> {
  const located = items.filter((item): item is T & { location: LatLon } => item.location !== null);
  // kdbush refuses an empty index; an index of nothing simply finds nothing.
  const tree = located.length > 0 ? new KDBush(located.length) : null;
  if (tree) {
    for (const item of located) tree.add(item.location.lon, item.location.lat);
    tree.finish();
  }

  const byDistance = (a: Neighbour<T> & { id: number }, b: Neighbour<T> & { id: number }) =>
    a.distanceKm - b.distanceKm || a.id - b.id;

  const visitWithin = (point: LatLon, radiusKm: number, visit: (id: number, km: number) => void) => {
    if (!tree || !(radiusKm >= 0)) return;
    // A bounding box in degrees, widened at the pole-ward edge, then the exact distance: much
    // faster than a priority-queue walk when a radius holds hundreds of schools.
    const dLat = radiusKm / KM_PER_DEGREE_LAT + BOX_MARGIN_DEGREES;
    const edgeLat = Math.min(89.9, Math.abs(point.lat) + dLat);
    const dLon = Math.min(180, dLat / Math.cos((edgeLat * Math.PI) / 180));
    for (const id of tree.range(point.lon - dLon, point.lat - dLat, point.lon + dLon, point.lat + dLat)) {
      const km = distanceKm(point, located[id]!.location);
      if (km <= radiusKm) visit(id, km);
    }
  };

  return {
    size: located.length,
    unlocated: items.length - located.length,

    forEachWithin(point, radiusKm, visit) {
      visitWithin(point, radiusKm, (id, km) => visit(located[id]!, km));
    },

    within(point, radiusKm, filter) {
      const found: (Neighbour<T> & { id: number })[] = [];
      visitWithin(point, radiusKm, (id, km) => {
        const item = located[id]!;
        if (!filter || filter(item)) found.push({ id, item, distanceKm: km });
      });
      return found.sort(byDistance).map(({ item, distanceKm }) => ({ item, distanceKm }));
    },
  };
}
