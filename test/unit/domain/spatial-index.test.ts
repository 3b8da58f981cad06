import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSpatialIndex, distanceKm, greatCircleKm, Hits } from '../../../src/domain/spatial-index.ts';
import type { LatLon } from '../../../src/domain/school.ts';

interface Place {
  name: string;
  location: LatLon | null;
}

// Points due north of Birmingham: one degree of latitude is about 111.2 km.
const origin: LatLon = { lat: 52.48, lon: -1.9 };
const north = (km: number): LatLon => ({ lat: origin.lat + km / 111.195, lon: origin.lon });
const places: Place[] = [
  { name: 'far', location: north(30) },
  { name: 'near', location: north(2) },
  { name: 'unmapped', location: null },
  { name: 'middle', location: north(9.9) },
  { name: 'edge', location: north(10.1) },
];

// Anywhere in Great Britain.
const point = fc.record({
  lat: fc.double({ min: 50, max: 58.6, noNaN: true }),
  lon: fc.double({ min: -6, max: 1.7, noNaN: true }),
});

describe('the spatial index', () => {
  const index = buildSpatialIndex(places);

  it('counts the places it could not locate', () => {
    expect(index.size).toBe(4);
    expect(index.unlocated).toBe(1);
  });

  it('finds everything within a radius, nearest first, with the distance in km', () => {
    const found = index.within(origin, 10);
    expect(found.map((n) => n.item.name)).toEqual(['near', 'middle']);
    expect(found[0]!.distanceKm).toBeCloseTo(2, 2);
  });

  it('applies a filter to a radius search', () => {
    expect(index.within(origin, 50, (p) => p.name !== 'near').map((n) => n.item.name)).toEqual([
      'middle',
      'edge',
      'far',
    ]);
  });

  it('finds nothing in an empty index', () => {
    const empty = buildSpatialIndex<Place>([]);
    expect(empty.within(origin, 100)).toEqual([]);
  });

  it('agrees with checking every place by hand, anywhere in Great Britain', () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 60 }),
        point,
        fc.double({ min: 0, max: 200, noNaN: true }),
        (points, centre, radiusKm) => {
          const items = points.map((location, i) => ({ name: String(i), location }));
          const expected = items
            .map((item) => ({ name: item.name, km: distanceKm(centre, item.location) }))
            .filter((x) => x.km <= radiusKm)
            .sort((a, b) => a.km - b.km || Number(a.name) - Number(b.name))
            .map((x) => x.name);
          const got = buildSpatialIndex(items)
            .within(centre, radiusKm)
            .map((n) => n.item.name);
          expect(got).toEqual(expected);
        },
      ),
      { seed: 20191, numRuns: 200 },
    );
  });

  it('collects what is within a radius of thousands of places, with their distances', () => {
    // Enough places for the tree to hold many nodes, and more hits than the columns first hold.
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 500, maxLength: 3000 }),
        point,
        fc.double({ min: 0, max: 400, noNaN: true }),
        (points, centre, radiusKm) => {
          const items = points.map((location, i) => ({ name: i, location }));
          const expected = items
            .map((item) => [item.name, distanceKm(centre, item.location)] as const)
            .filter(([, km]) => km <= radiusKm)
            .sort((a, b) => a[0] - b[0]);
          const index = buildSpatialIndex(items);
          const hits = new Hits();
          const n = index.collectWithin(centre, radiusKm, hits);
          const got = Array.from(
            { length: n },
            (_, i) => [index.itemAt(hits.place[i]!).name, hits.km[i]!] as const,
          );
          expect(got.sort((a, b) => a[0] - b[0])).toEqual(expected);
        },
      ),
      { seed: 20193, numRuns: 40 },
    );
  });

  it('measures with the cosines worked out beforehand exactly as geokdbush measures', () => {
    const anywhere = fc.record({
      lat: fc.double({ min: -89, max: 89, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    const cos = (p: LatLon) => Math.cos(p.lat * (Math.PI / 180));
    fc.assert(
      fc.property(anywhere, anywhere, (a, b) => {
        expect(greatCircleKm(a.lon, a.lat, cos(a), b.lon, b.lat, cos(b))).toBe(distanceKm(a, b));
      }),
      { seed: 20192, numRuns: 2000 },
    );
  });
});
