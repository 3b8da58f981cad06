import KDBush from 'kdbush';
import { distance } from 'geokdbush';
import { grown } from './columns.ts';
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
   * Writes the place and distance of each item within `radiusKm` into `hits`, in no particular
   * order, and returns how many: for hot loops that rank by something other than distance, which
   * read each item with `itemAt`. No callback, no array and no boxed distance for each item: a
   * national analysis measures millions.
   */
  collectWithin(point: LatLon, radiusKm: number, hits: Hits): number;
  /** The item at a place `collectWithin` wrote. */
  itemAt(place: number): T;
  /**
   * The number `keyOf` gave the item at a place (-1 without `keyOf`): a hot loop that reads its
   * items' figures from columns of its own finds them without reading the item.
   */
  keyAt(place: number): number;
}

/** Where `collectWithin` writes what it finds, reused from one search to the next. */
export class Hits {
  place = new Int32Array(256);
  km = new Float64Array(256);

  /** Room for `n` hits, what is there kept. */
  ensure(n: number): void {
    if (n <= this.place.length) return;
    const size = Math.max(n, this.place.length * 2);
    this.place = grown(this.place, size);
    this.km = grown(this.km, size);
  }
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

/**
 * Items' coordinates as columns a caller already holds, by the number `keyOf` gives each item
 * (NaN where an item has no location).
 */
export interface Coordinates {
  lon: Float64Array;
  lat: Float64Array;
}

/**
 * An index of the items with a location. With `coordinates`, each item's place on the map is read
 * from those columns rather than through the item: at 150,000 schools, reading every school's
 * location through its record took longer than building the trees.
 */
export function buildSpatialIndex<T extends { location: LatLon | null }>(
  items: readonly T[],
  keyOf: (item: T) => number = () => -1,
  coordinates?: Coordinates,
): SpatialIndex<T> {
  const located: T[] = [];
  const keys = new Int32Array(items.length);
  const lons = new Float64Array(items.length);
  const lats = new Float64Array(items.length);
  for (const item of items) {
    const key = keyOf(item);
    const lat = coordinates ? coordinates.lat[key] : item.location?.lat;
    if (lat === undefined || Number.isNaN(lat)) continue;
    keys[located.length] = key;
    lons[located.length] = coordinates ? coordinates.lon[key]! : item.location!.lon;
    lats[located.length] = lat;
    located.push(item);
  }
  // kdbush refuses an empty index; an index of nothing simply finds nothing.
  const tree = located.length > 0 ? new KDBush(located.length) : null;
  // The cosine of each item's latitude, in the tree's order beside its coordinates: a search reads
  // the figures of the items in a box one after another, rather than each at its place in
  // `located`, scattered (at 150,000 schools, three reads that missed the processor's cache for
  // every school measured).
  const cosLats = new Float64Array(located.length);
  if (tree) {
    for (let id = 0; id < located.length; id++) tree.add(lons[id]!, lats[id]!);
    tree.finish();
    for (let i = 0; i < located.length; i++) cosLats[i] = Math.cos(tree.coords[2 * i + 1]! * RAD);
  }

  const byDistance = (a: Neighbour<T> & { id: number }, b: Neighbour<T> & { id: number }) =>
    a.distanceKm - b.distanceKm || a.id - b.id;

  // The nodes left to visit, three figures each (first item, last item, axis). A column rather
  // than an array: emptying an array with `length = 0` drops its storage, and the next search
  // allocated it again (about a fourteenth of the national analysis's garbage). A node's halves
  // are queued only as it is taken off, so the nodes waiting are never more than two for each
  // level of the tree; kdbush counts its items in 32 bits, so a tree has fewer than 33 levels.
  const stack = new Int32Array(3 * 2 * 64);
  // Reused by every call of `within` (capacity asks it once a school): new columns each time
  // would be two buffers outside the heap for every school.
  const withinHits = new Hits();
  // kdbush's own range search returns a new array for each box; this walks its tree the same
  // way and measures each item in the box as it meets it.
  const collectWithin = (point: LatLon, radiusKm: number, hits: Hits): number => {
    if (!tree || !(radiusKm >= 0)) return 0;
    // A bounding box in degrees, widened at the pole-ward edge, then the exact distance: much
    // faster than a priority-queue walk when a radius holds hundreds of schools.
    const dLat = radiusKm / KM_PER_DEGREE_LAT + BOX_MARGIN_DEGREES;
    const edgeLat = Math.min(89.9, Math.abs(point.lat) + dLat);
    const dLon = Math.min(180, dLat / Math.cos((edgeLat * Math.PI) / 180));
    const { lon, lat } = point;
    const [minLon, minLat, maxLon, maxLat] = [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
    const cosLat = Math.cos(lat * RAD);
    const { ids, coords, nodeSize } = tree;
    let n = 0;
    stack[0] = 0;
    stack[1] = ids.length - 1;
    stack[2] = 0;
    let top = 3;
    while (top > 0) {
      const axis = stack[--top]!;
      const right = stack[--top]!;
      let left = stack[--top]!;
      let last = right;
      // A node larger than a leaf: its middle item tested alone, its halves that meet the box queued.
      if (right - left > nodeSize) {
        const m = (left + right) >> 1;
        const at = coords[2 * m + axis]!;
        if (axis === 0 ? minLon <= at : minLat <= at) {
          stack[top++] = left;
          stack[top++] = m - 1;
          stack[top++] = 1 - axis;
        }
        if (axis === 0 ? maxLon >= at : maxLat >= at) {
          stack[top++] = m + 1;
          stack[top++] = right;
          stack[top++] = 1 - axis;
        }
        left = last = m;
      }
      for (let i = left; i <= last; i++) {
        const x = coords[2 * i]!;
        const y = coords[2 * i + 1]!;
        if (x < minLon || x > maxLon || y < minLat || y > maxLat) continue;
        const km = greatCircleKm(lon, lat, cosLat, x, y, cosLats[i]!);
        if (!(km <= radiusKm)) continue;
        if (n === hits.place.length) hits.ensure(n + 1);
        hits.place[n] = ids[i]!;
        hits.km[n++] = km;
      }
    }
    return n;
  };

  return {
    size: located.length,
    unlocated: items.length - located.length,
    collectWithin,
    itemAt: (place) => located[place]!,
    keyAt: (place) => keys[place]!,

    within(point, radiusKm, filter) {
      const n = collectWithin(point, radiusKm, withinHits);
      const found: (Neighbour<T> & { id: number })[] = [];
      for (let i = 0; i < n; i++) {
        const id = withinHits.place[i]!;
        found.push({ id, item: located[id]!, distanceKm: withinHits.km[i]! });
      }
      // Filtered once the hits are read: a filter may search this index again.
      const kept = filter ? found.filter(({ item }) => filter(item)) : found;
      return kept.sort(byDistance).map(({ item, distanceKm }) => ({ item, distanceKm }));
    },
  };
}
