import type { FeatureCollection, MultiLineString, Point, Polygon, MultiPolygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CapacityArea } from '../../src/domain/capacity/aggregate.ts';
import type { FocusArea } from '../../src/domain/focus-areas.ts';
import { decodePoints } from '../../src/geo/point-codec.ts';

/** An area's figures as /api/capacity answers them: the domain's own shape, so the two cannot drift. */
export type CapacityItem = Omit<CapacityArea, 'distribution'>;

export type AreaProperties = Omit<CapacityItem, 'code'> & { code: string };

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { headers: { accept: 'application/json, application/octet-stream' } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response;
}

/** What /api/map/system-leaders says of a leader (the part the map shows). */
export interface LeaderProperties {
  id: number;
  name: string;
  school: { urn: number; name: string };
  designations: { code: string; verified: boolean }[];
  expertise: FocusArea[];
  daysAvailable: number;
  example: boolean;
}

export async function loadLeaders(url: string): Promise<FeatureCollection<Point, LeaderProperties>> {
  return (await fetchOk(url)).json() as Promise<FeatureCollection<Point, LeaderProperties>>;
}

export async function loadSchools(url: string): Promise<FeatureCollection<Point>> {
  const points = decodePoints(await (await fetchOk(url)).arrayBuffer());
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      id: p.urn,
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { urn: p.urn, phase: p.phase, group: p.group },
    })),
  };
}

/**
 * The boundaries of one geography with each area's capacity figures joined on its code, each
 * named as the reader's pages name it (`placeNames`, else as published); and the
 * coastline, the edges no two areas share, drawn from the same shipped boundaries (no tile server).
 */
export async function loadAreas(
  areasUrl: string,
  capacityUrl: string,
  placeNames: Record<string, string>,
): Promise<{ areas: FeatureCollection<Polygon | MultiPolygon>; coastline: MultiLineString }> {
  const [topology, capacity] = await Promise.all([
    fetchOk(areasUrl).then((r) => r.json() as Promise<Topology<{ areas: GeometryCollection }>>),
    fetchOk(capacityUrl).then((r) => r.json() as Promise<{ items: CapacityItem[] }>),
  ]);
  const figures = new Map(capacity.items.map((item) => [item.code, item]));
  const areas = feature(topology, topology.objects.areas) as FeatureCollection<Polygon | MultiPolygon>;
  for (const area of areas.features) {
    const code = String(area.properties?.code);
    const item = figures.get(code);
    const name = placeNames[code] ?? item?.name ?? area.properties?.name;
    area.properties = { ...area.properties, ...item, code, name, ratio: item?.ratio ?? null };
  }
  return { areas, coastline: mesh(topology, topology.objects.areas, (a, b) => a === b) };
}
