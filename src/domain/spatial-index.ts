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

const RAD = Math.PI / 180;
const EARTH_RADIUS_KM = 6371;

function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

/**
 * `distanceKm` with each latitude's cosine worked out beforehand: geokdbush's arithmetic step by
 * step, so the very same figure, for a search that measures hundreds of schools from one point.
 */
export function greatCircleKm(
  lon1: number,
  lat1: number,
  cosLat1: number,
  lon2: number,
  lat2: number,
  cosLat2: number,
): number {
  const h = cosLat1 * cosLat2 * haverSin((lon1 - lon2) * RAD) + haverSin((lat1 - lat2) * RAD);
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

export function buildSpatialIndex<T extends { location: LatLon | null }>(
  items: readonly T[],
): SpatialIndex<T> {
  const located = items.filter((item): item is T & { location: LatLon } => item.location !== null);
  // kdbush refuses an empty index; an index of nothing simply finds nothing.
  const tree = located.length > 0 ? new KDBush(located.length) : null;
  // Each item's coordinates and the cosine of its latitude as columns, by its place in `located`.
  const lons = new Float64Array(located.length);
  const lats = new Float64Array(located.length);
  const cosLats = new Float64Array(located.length);
  if (tree) {
    for (let id = 0; id < located.length; id++) {
      const { lon, lat } = located[id]!.location;
      tree.add(lon, lat);
      lons[id] = lon;
      lats[id] = lat;
      cosLats[id] = Math.cos(lat * RAD);
    }
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
    const { lon, lat } = point;
    const cosLat = Math.cos(lat * RAD);
    for (const id of tree.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      const km = greatCircleKm(lon, lat, cosLat, lons[id]!, lats[id]!, cosLats[id]!);
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
