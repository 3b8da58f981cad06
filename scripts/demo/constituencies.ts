import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Area, LatLon } from '../../src/domain/school.ts';

interface Shape {
  area: Area;
  feature: Feature<Polygon | MultiPolygon>;
  box: [number, number, number, number];
}

function rings(feature: Feature<Polygon | MultiPolygon>): Position[][] {
  const g = feature.geometry;
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Finds the constituency a point lies in. The published boundaries are generalised, so a school
 * on the coast can fall just outside every shape: it then takes the constituency nearest to it.
 */
export function constituencyLocator(
  collection: FeatureCollection<Polygon | MultiPolygon>,
  codeProperty: string,
  nameProperty: string,
): (point: LatLon) => Area | null {
  const shapes: Shape[] = collection.features.map((feature) => {
    const box: Shape['box'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings(feature))
      for (const [x, y] of ring) {
        box[0] = Math.min(box[0], x!);
        box[1] = Math.min(box[1], y!);
        box[2] = Math.max(box[2], x!);
        box[3] = Math.max(box[3], y!);
      }
    const p = feature.properties ?? {};
    return { area: { code: String(p[codeProperty]), name: String(p[nameProperty]) }, feature, box };
  });
  return ({ lat, lon }) => {
    const inBox = shapes.filter(
      (s) => lon >= s.box[0] && lon <= s.box[2] && lat >= s.box[1] && lat <= s.box[3],
    );
    const inside = inBox.find((s) => booleanPointInPolygon([lon, lat], s.feature));
    if (inside) return inside.area;
    let best: Shape | null = null;
    let bestDistance = Infinity;
    for (const s of shapes)
      for (const ring of rings(s.feature))
        for (const [x, y] of ring) {
          const d = (x! - lon) ** 2 + (y! - lat) ** 2;
          if (d < bestDistance) [best, bestDistance] = [s, d];
        }
    return best?.area ?? null;
  };
}
