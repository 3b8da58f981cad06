import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { BBox, Feature, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon } from 'geojson';
import { feature } from 'topojson-client';
import { dissolve } from './dissolve.ts';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { Area, LatLon } from '../domain/school.ts';

/** A school's place and the area it belongs to at one level, as the registry records it. */
export interface PlacedSchool {
  location: LatLon;
  area: Area;
}

type AreaGeometry = Polygon<{ code: string; name: string }> | MultiPolygon<{ code: string; name: string }>;
export type AreaTopology = Topology<{ areas: GeometryCollection<{ code: string; name: string }> }>;

function boundsOf(geometry: GeoPolygon | GeoMultiPolygon): BBox {
  const bounds: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings)
    for (const [lon, lat] of ring) {
      bounds[0] = Math.min(bounds[0], lon!);
      bounds[1] = Math.min(bounds[1], lat!);
      bounds[2] = Math.max(bounds[2], lon!);
      bounds[3] = Math.max(bounds[3], lat!);
    }
  return bounds;
}

/**
 * Relabels boundary shapes with the areas the schools themselves record, and dissolves shapes
 * that belong to the same area. A shape whose own code the schools use keeps it; any other
 * takes the area most of the schools inside it record (so districts become GIAS's upper-tier
 * education authorities, and old boundary codes meet current ones). Shapes with no school are
 * left out: there is nothing to show for them.
 */
export function areasFromSchools(boundaries: AreaTopology, schools: readonly PlacedSchool[]): AreaTopology {
  const shapes = boundaries.objects.areas.geometries.filter(
    (g): g is AreaGeometry => g.type === 'Polygon' || g.type === 'MultiPolygon',
  );
  const geo = shapes.map(
    (shape) => (feature(boundaries, shape) as Feature<GeoPolygon | GeoMultiPolygon>).geometry,
  );
  const bounds = geo.map(boundsOf);
  const names = new Map<string, string>();
  const votes = shapes.map(() => new Map<string, number>());

  for (const { location, area } of schools) {
    names.set(area.code, area.name);
    const point = [location.lon, location.lat];
    for (let i = 0; i < shapes.length; i++) {
      const b = bounds[i]!;
      if (point[0]! < b[0] || point[0]! > b[2] || point[1]! < b[1] || point[1]! > b[3]) continue;
      if (!booleanPointInPolygon(point, geo[i]!)) continue;
      const tally = votes[i]!;
      tally.set(area.code, (tally.get(area.code) ?? 0) + 1);
      break;
    }
  }

  const byArea = new Map<string, AreaGeometry[]>();
  shapes.forEach((shape, i) => {
    const own = shape.properties?.code;
    const ranked = [...votes[i]!].sort((a, b) => b[1] - a[1]);
    const code = own !== undefined && names.has(own) ? own : ranked[0]?.[0];
    if (code === undefined) return;
    byArea.set(code, [...(byArea.get(code) ?? []), shape]);
  });

  const geometries = [...byArea].map(([code, parts]) => ({
    // A shape that is an area on its own stays as it was drawn.
    ...(parts.length === 1 ? parts[0]! : dissolve(boundaries, parts)),
    id: code,
    properties: { code, name: names.get(code)! },
  }));
  return { ...boundaries, objects: { areas: { type: 'GeometryCollection', geometries } } };
}
