import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { areasFromSchools, type AreaTopology } from '../../../src/geo/areas.ts';

function square(code: string, west: number): Feature {
  const ring = [
    [west, 50],
    [west + 1, 50],
    [west + 1, 51],
    [west, 51],
    [west, 50],
  ];
  return {
    type: 'Feature',
    properties: { code, name: `District ${code}` },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

// Three districts side by side: D1 [0,1], D2 [1,2], D3 [2,3] degrees east.
const districts = topology({
  areas: {
    type: 'FeatureCollection',
    features: [square('D1', 0), square('D2', 1), square('D3', 2)],
  } as FeatureCollection,
}) as unknown as AreaTopology;

const kent = { code: '886', name: 'Kent' };
const medway = { code: '887', name: 'Medway' };
const at = (lon: number, area: typeof kent) => ({ location: { lat: 50.5, lon }, area });

describe('areas from schools', () => {
  it('dissolves districts into the authority most of their schools record, and leaves out districts with none', () => {
    const areas = areasFromSchools(districts, [
      at(0.5, kent),
      at(0.6, kent),
      at(1.5, kent),
      at(1.6, kent),
      at(1.7, medway),
    ]);
    const collection = feature(areas, areas.objects.areas) as FeatureCollection<MultiPolygon>;
    expect(collection.features.map((f) => [f.id, f.properties?.name])).toEqual([['886', 'Kent']]);
    // D1 and D2 merge into one outline sharing no inner edge.
    const merged = collection.features[0]!.geometry.coordinates;
    expect(merged).toHaveLength(1);
    const corners = merged[0]![0]!;
    expect([Math.min(...corners.map((c) => c[0]!)), Math.max(...corners.map((c) => c[0]!))]).toEqual([0, 2]);
  });

  it("keeps a shape's own code when the schools use it, whatever schools near its edge record", () => {
    const areas = areasFromSchools(districts, [
      at(2.5, { code: 'D3', name: 'Three' }),
      at(2.6, kent),
      at(2.7, kent),
    ]);
    expect(areas.objects.areas.geometries.map((g) => g.properties)).toEqual([{ code: 'D3', name: 'Three' }]);
  });
});
