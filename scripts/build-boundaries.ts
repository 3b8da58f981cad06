/**
 * Turns published boundary files into the small topologies the map serves, written to the
 * repository's data/boundaries (checked in, so a fresh checkout needs neither the sources nor
 * a network). Run again when an up-to-date ONS download is dropped in:
 *
 *   npm run build:boundaries -- --from ../shared/data/boundaries [--out data/boundaries]
 *
 * Regions are unions of the districts (the region file only says which region each district
 * lies in, and names it), simplified in one topology with them, so neighbouring regions share
 * their borders exactly and follow the districts'. Local authorities are not built here: GIAS's
 * LA is the upper-tier education authority, so the server dissolves these districts into
 * authorities from the schools it has loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, quantile, simplify } from 'topojson-simplify';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Objects,
  Topology,
} from 'topojson-specification';
import { BOUNDARY_LEVELS, type BoundaryManifest, type BoundaryLevel } from '../src/geo/boundary-manifest.ts';
import { dissolve, pointInside, polygonsFromLoops, signedArea } from '../src/geo/dissolve.ts';

interface Source {
  level: BoundaryLevel;
  file: string;
  /** Object name inside a TopoJSON file; absent for GeoJSON. */
  object?: string;
  codeProperty: string;
  nameProperty: string;
  vintage: string;
  credit: string;
}

interface AreaProperties {
  code: string;
  name: string;
}
type Area = Feature<Polygon | MultiPolygon, AreaProperties>;
type DistrictGeometry = TopoMultiPolygon<AreaProperties>;
type AreaTopology = Topology<Objects<AreaProperties>>;

const CHORLEY =
  'GeoJSON and TopoJSON UK Boundary Data by Martin Chorley, CC BY 4.0. Contains Ordnance Survey data © Crown copyright and database right 2014.';
const ONS_2024 =
  'Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2024.';

/** Where each level comes from, newest first: the first file present wins. */
const SOURCES: Source[] = [
  {
    level: 'region',
    file: 'topo_eer.json',
    object: 'eer',
    codeProperty: 'EER13CD',
    nameProperty: 'EER13NM',
    vintage: '2013',
    credit: CHORLEY,
  },
  {
    level: 'district',
    file: 'topo_lad.json',
    object: 'lad',
    codeProperty: 'LAD13CD',
    nameProperty: 'LAD13NM',
    vintage: '2013',
    credit: CHORLEY,
  },
  {
    level: 'constituency',
    file: 'westminster-constituencies-2024.geojson',
    codeProperty: 'PCON24CD',
    nameProperty: 'PCON24NM',
    vintage: 'July 2024',
    credit: ONS_2024,
  },
  {
    level: 'constituency',
    file: 'topo_wpc.json',
    object: 'wpc',
    codeProperty: 'PCON13CD',
    nameProperty: 'PCON13NM',
    vintage: '2013',
    credit: CHORLEY,
  },
];

/** Keeps this share of the vertices by weight; tuned by eye at national and county zoom. */
const KEEP = 0.12;
const QUANTIZATION = 1e4;

/**
 * A ring cut into loops that pass no point twice, without the loops that enclose nothing.
 * Quantized published files are full of rings that touch themselves: a border wiggle collapsed
 * to "out to a point and straight back", a lobe hung on a one-line stalk. Left in, they make
 * neighbours trace a border in the same direction and dissolving areas turns lobes into holes,
 * so the map fills slivers and triangles.
 */
function simpleLoops(ring: Position[]): Position[][] {
  const loops: Position[][] = [];
  const path: Position[] = [];
  const index = new Map<string, number>();
  const key = (p: Position) => `${p[0]},${p[1]}`;
  for (const point of ring.slice(0, -1)) {
    const seen = index.get(key(point));
    if (seen === undefined) {
      index.set(key(point), path.length);
      path.push(point);
      continue;
    }
    const loop = path.splice(seen + 1);
    for (const p of loop) index.delete(key(p));
    loops.push([point, ...loop, point]);
  }
  loops.push([...path, path[0]!]);
  return loops.filter((loop) => loop.length > 3 && signedArea(loop) !== 0);
}

/** An area's polygons rebuilt from simple loops. */
function simplePolygons(polygons: Position[][][]): Position[][][] {
  return polygonsFromLoops(polygons.flat().flatMap(simpleLoops), (loop) => loop);
}

function readAreas(source: Source, from: string): Area[] {
  const file = path.join(from, source.file);
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Topology | FeatureCollection;
  let features: Feature[];
  if (parsed.type === 'Topology') {
    const object = parsed.objects[source.object ?? ''];
    if (!object) throw new Error(`${file}: has no object "${source.object}"`);
    features = (feature(parsed, object) as FeatureCollection).features;
  } else if (parsed.type === 'FeatureCollection') features = parsed.features;
  else throw new Error(`${file}: neither a TopoJSON Topology nor a GeoJSON FeatureCollection`);

  return features.flatMap((f, index) => {
    const properties = f.properties ?? {};
    const code = properties[source.codeProperty] as unknown;
    const name = properties[source.nameProperty] as unknown;
    if (typeof code !== 'string' || typeof name !== 'string') {
      throw new Error(
        `${source.file}: feature ${index + 1} has no ${source.codeProperty}/${source.nameProperty}`,
      );
    }
    const { geometry } = f;
    const polygons =
      geometry?.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry?.type === 'MultiPolygon'
          ? geometry.coordinates
          : [];
    const coordinates = simplePolygons(polygons);
    if (coordinates.length === 0) return [];
    return [
      {
        type: 'Feature',
        id: code,
        properties: { code, name: name.trim() },
        geometry: { type: 'MultiPolygon', coordinates },
      } satisfies Area,
    ];
  });
}

/** The regions as unions of the districts that lie in them, in the districts' own topology. */
function regionsFromDistricts(
  districts: AreaTopology,
  regions: Area[],
  source: Source,
): GeometryCollection<AreaProperties> {
  const members = new Map<string, DistrictGeometry[]>();
  const collection = districts.objects.district as GeometryCollection<AreaProperties>;
  for (const district of collection.geometries as DistrictGeometry[]) {
    const parts = (feature(districts, district) as Feature<MultiPolygon>).geometry.coordinates;
    const largest = parts.reduce((a, b) =>
      Math.abs(signedArea(b[0]!)) > Math.abs(signedArea(a[0]!)) ? b : a,
    );
    const inside = pointInside(largest);
    const region = regions.find((r) => booleanPointInPolygon(inside, r));
    if (!region) throw new Error(`${source.file}: district ${district.properties!.code} lies in no region`);
    members.set(region.properties.code, [...(members.get(region.properties.code) ?? []), district]);
  }
  return {
    type: 'GeometryCollection',
    geometries: regions.flatMap((region) => {
      const parts = members.get(region.properties.code);
      if (!parts) return [];
      return [{ ...dissolve(districts, parts), id: region.properties.code, properties: region.properties }];
    }),
  };
}

/** Simplifies every object of the topology together, so areas that meet keep meeting. */
function simplified(raw: AreaTopology): AreaTopology {
  const weighted = presimplify(raw);
  const minWeight = quantile(weighted, KEEP);
  const thin = simplify(weighted, minWeight);
  // Islands smaller than the least triangle kept are specks at any zoom the map offers.
  return filter(thin, filterWeight(thin, minWeight)) as AreaTopology;
}

/** One object of the topology as its own file: the arcs it uses, quantized. */
function single(topology: AreaTopology, object: string): AreaTopology {
  const alone = filter({ ...topology, objects: { areas: topology.objects[object]! } }, () => true);
  return quantize(alone, QUANTIZATION) as AreaTopology;
}

function main(): void {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, out: { type: 'string', default: 'data/boundaries' } },
  });
  if (!values.from)
    throw new Error('--from DIR is required: the folder holding the published boundary files');
  const from = path.resolve(values.from);
  const out = path.resolve(values.out);
  fs.mkdirSync(out, { recursive: true });

  const sources = Object.fromEntries(
    BOUNDARY_LEVELS.map((level) => {
      const source = SOURCES.find((s) => s.level === level && fs.existsSync(path.join(from, s.file)));
      if (!source)
        throw new Error(
          `${from}: no boundary file for ${level} (expected one of ${SOURCES.filter((s) => s.level === level)
            .map((s) => s.file)
            .join(', ')})`,
        );
      return [level, source];
    }),
  ) as Record<BoundaryLevel, Source>;

  const collection = (source: Source) =>
    ({ type: 'FeatureCollection', features: readAreas(source, from) }) as FeatureCollection;
  const districts = topology({ district: collection(sources.district) }) as unknown as AreaTopology;
  districts.objects.region = regionsFromDistricts(districts, readAreas(sources.region, from), sources.region);
  const land = simplified(districts);
  const constituencies = simplified(
    topology({ constituency: collection(sources.constituency) }) as unknown as AreaTopology,
  );
  const built: Record<BoundaryLevel, { topology: AreaTopology; source: string }> = {
    region: { topology: single(land, 'region'), source: `${sources.region.file}, ${sources.district.file}` },
    district: { topology: single(land, 'district'), source: sources.district.file },
    constituency: { topology: single(constituencies, 'constituency'), source: sources.constituency.file },
  };

  const manifest: BoundaryManifest = { levels: {} as BoundaryManifest['levels'] };
  for (const level of BOUNDARY_LEVELS) {
    const file = `${level}.topo.json`;
    const text = JSON.stringify(built[level].topology);
    fs.writeFileSync(path.join(out, file), text);
    const { vintage, credit } = sources[level];
    manifest.levels[level] = { file, source: built[level].source, vintage, credit };
    console.log(`${level}: ${built[level].source} → ${file} (${(text.length / 1024).toFixed(0)} KiB)`);
  }
  const licence = path.join(from, 'licence.ons.md');
  if (fs.existsSync(licence)) fs.copyFileSync(licence, path.join(out, 'licence.ons.md'));
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

main();
