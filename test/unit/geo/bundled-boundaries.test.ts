import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { ArcIndexes } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { areasFromSchools, type AreaTopology } from '../../../src/geo/areas.ts';
import { BUNDLED_BOUNDARIES_DIR } from '../../../src/app/map/boundaries.ts';
import { signedArea } from '../../../src/geo/dissolve.ts';

const bundled = (level: string) =>
  JSON.parse(
    fs.readFileSync(path.join(BUNDLED_BOUNDARIES_DIR, `${level}.topo.json`), 'utf8'),
  ) as AreaTopology;

/** Square degrees of land the areas cover, holes (tidal rivers) taken out. */
function landArea(topology: AreaTopology): number {
  const areas = feature(topology, topology.objects.areas) as FeatureCollection<Polygon | MultiPolygon>;
  let total = 0;
  for (const { geometry } of areas.features)
    for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
      const [outline, ...holes] = polygon.map((ring) => Math.abs(signedArea(ring)) / 2);
      total += outline! - holes.reduce((sum, hole) => sum + hole, 0);
    }
  return total;
}

describe('the bundled region boundaries', () => {
  const regions = bundled('region');

  it('meet each neighbour along one shared line, traced once by each side, so nothing shows between them', () => {
    const tracedBy = new Map<number, Map<string, Set<'forward' | 'back'>>>();
    for (const region of regions.objects.areas.geometries) {
      const polygons = (
        region.type === 'Polygon' ? [region.arcs] : region.type === 'MultiPolygon' ? region.arcs : []
      ) as ArcIndexes[][];
      for (const arc of polygons.flat(2)) {
        const index = arc < 0 ? ~arc : arc;
        const sides = tracedBy.get(index) ?? tracedBy.set(index, new Map()).get(index)!;
        const { name } = region.properties as { name: string };
        const directions = sides.get(name) ?? sides.set(name, new Set()).get(name)!;
        directions.add(arc < 0 ? 'back' : 'forward');
      }
    }
    const misfits: string[] = [];
    for (const [arc, sides] of tracedBy) {
      if (sides.size === 1) continue; // the coast, or a tidal river's bank
      const directions = [...sides.values()];
      if (
        sides.size > 2 ||
        directions.some((d) => d.size > 1) ||
        [...directions[0]!][0] === [...directions[1]!][0]
      )
        misfits.push(
          `arc ${arc}: ${[...sides].map(([name, d]) => `${name} ${[...d].join('+')}`).join(', ')}`,
        );
    }
    expect(misfits).toEqual([]);
    expect([...tracedBy.values()].filter((sides) => sides.size === 2).length).toBeGreaterThan(0);
  });

  it('cover the same land as the districts, with no gap or overlap of their own', () => {
    expect(landArea(regions)).toBeCloseTo(landArea(bundled('district')), 3);
  });

  it('are drawn on the map as built, whatever code the schools give their region', () => {
    const schoolIn = (lat: number, lon: number, name: string) => ({
      location: { lat, lon },
      area: { code: name, name },
    });
    const served = areasFromSchools(regions, [
      schoolIn(54.97, -1.61, 'North East'),
      schoolIn(53.48, -2.24, 'North West'),
      schoolIn(53.8, -1.55, 'Yorkshire and the Humber'),
      schoolIn(52.95, -1.15, 'East Midlands'),
      schoolIn(52.48, -1.9, 'West Midlands'),
      schoolIn(52.2, 0.12, 'East of England'),
      schoolIn(51.55, -0.1, 'London'),
      schoolIn(51.27, 0.52, 'South East'),
      schoolIn(51.45, -2.58, 'South West'),
      schoolIn(55.95, -3.19, 'Scotland'),
      schoolIn(51.48, -3.18, 'Wales'),
    ]);
    expect(served.objects.areas.geometries).toHaveLength(11);
    expect(landArea(served)).toBeCloseTo(landArea(regions), 6);
  });
});
