import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { ArcIndexes, MultiPolygon, Polygon, Topology } from 'topojson-specification';

/** Twice the ring's area, negative when it runs clockwise (in longitude, latitude). */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++)
    sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return sum;
}

/** A point inside the polygon (outline first, then holes): the middle of the widest span across its middle. */
export function pointInside(rings: Position[][]): Position {
  const ys = rings[0]!.map((p) => p[1]!);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2;
  const crossings: number[] = [];
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1]!, ring[i]!];
      if (a[1]! > y !== b[1]! > y) crossings.push(a[0]! + ((y - a[1]!) / (b[1]! - a[1]!)) * (b[0]! - a[0]!));
    }
  crossings.sort((a, b) => a - b);
  let best: Position = [crossings[0]!, y];
  let widest = -1;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    if (crossings[i + 1]! - crossings[i]! > widest) {
      widest = crossings[i + 1]! - crossings[i]!;
      best = [(crossings[i]! + crossings[i + 1]!) / 2, y];
    }
  }
  return best;
}

/**
 * Sorts loops into polygons: those wound like the largest are outlines, the others holes in the
 * smallest outline around them (dropped when none is).
 */
export function polygonsFromLoops<T>(loops: T[], coordinates: (loop: T) => Position[]): T[][] {
  if (loops.length === 0) return [];
  const area = new Map(loops.map((loop) => [loop, signedArea(coordinates(loop))]));
  const largest = loops.reduce((a, b) => (Math.abs(area.get(b)!) > Math.abs(area.get(a)!) ? b : a));
  const outward = Math.sign(area.get(largest)!);
  const outlines = loops
    .filter((loop) => Math.sign(area.get(loop)!) === outward)
    .sort((a, b) => Math.abs(area.get(a)!) - Math.abs(area.get(b)!))
    .map((loop) => [loop]);
  for (const hole of loops.filter((loop) => Math.sign(area.get(loop)!) !== outward)) {
    const inside = pointInside([coordinates(hole)]);
    const outline = outlines.find(([loop]) =>
      booleanPointInPolygon(inside, { type: 'Polygon', coordinates: [coordinates(loop!)] }),
    );
    outline?.push(hole);
  }
  return outlines;
}

/** Where an arc starts and ends, as a key for matching. */
function arcEnds(topology: Topology, arc: number): [string, string] {
  const points = topology.arcs[arc < 0 ? ~arc : arc]!;
  let last = points.at(-1)!;
  if (topology.transform) {
    // Delta-encoded: the end is the sum of the steps.
    last = points.reduce((sum, [dx, dy]) => [sum[0]! + dx!, sum[1]! + dy!], [0, 0]);
  }
  const [from, to] = [points[0]!.join(), last.join()];
  return arc < 0 ? [to, from] : [from, to];
}

/**
 * The union of polygons of one topology, sharing its arcs. A border traced once each way lies
 * inside the union and goes; what is left is walked into rings, and each ring's winding says
 * whether it is an outline or a hole. (topojson's mergeArcs drops any arc two polygons use, and
 * takes every ring after the largest for a hole: published boundaries whose neighbours overlap
 * by a hair, or whose lobes touch at a point, come out of it with open rings and land cut out.)
 */
export function dissolve(topology: Topology, parts: (Polygon | MultiPolygon)[]): MultiPolygon {
  const net = new Map<number, number>();
  for (const part of parts)
    for (const polygon of part.type === 'Polygon' ? [part.arcs] : part.arcs)
      for (const ring of polygon)
        for (const arc of ring) {
          const index = arc < 0 ? ~arc : arc;
          net.set(index, (net.get(index) ?? 0) + (arc < 0 ? -1 : 1));
        }
  const leaving = new Map<string, number[]>();
  for (const [index, times] of net)
    for (let n = 0; n < Math.abs(times); n++) {
      const arc = times > 0 ? index : ~index;
      const [from] = arcEnds(topology, arc);
      leaving.set(from, [...(leaving.get(from) ?? []), arc]);
    }
  const rings: ArcIndexes[] = [];
  for (const [from, arcs] of leaving)
    while (arcs.length > 0) {
      const ring = [arcs.pop()!];
      let at = arcEnds(topology, ring[0]!)[1];
      while (at !== from) {
        const next = leaving.get(at)?.pop();
        if (next === undefined) break;
        ring.push(next);
        at = arcEnds(topology, next)[1];
      }
      rings.push(ring);
    }
  const coordinates = (ring: ArcIndexes) =>
    feature(topology, { type: 'Polygon', arcs: [ring] }).geometry.coordinates[0]!;
  return { type: 'MultiPolygon', arcs: polygonsFromLoops(rings, coordinates) };
}
