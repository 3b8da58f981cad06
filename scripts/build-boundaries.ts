/**
 * Turns published boundary files into the small topologies the map serves, written to the
 * repository's data/boundaries (checked in, so a fresh checkout needs neither the sources nor
 * a network). Run again when an up-to-date ONS download is dropped in:
 *
 *   npm run build:boundaries -- --from ../shared/data/boundaries [--out data/boundaries]
 *
 * Local authorities are not built here: GIAS's LA is the upper-tier education authority, so the
 * server dissolves these districts into authorities from the schools it has loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import { quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';

type SourceTopology = Topology<Objects<Record<string, unknown>>>;
import {
  BOUNDARY_LEVELS,
  type BoundaryManifest,
  type BoundaryLevel,
} from '../src/web/map/boundary-manifest.ts';

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

function readTopology(source: Source, from: string): SourceTopology {
  const file = path.join(from, source.file);
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as SourceTopology | FeatureCollection;
  if (parsed.type === 'Topology') {
    const object = parsed.objects[source.object ?? ''];
    if (!object) throw new Error(`${file}: has no object "${source.object}"`);
    return { ...parsed, objects: { areas: object } };
  }
  if (parsed.type !== 'FeatureCollection')
    throw new Error(`${file}: neither a TopoJSON Topology nor a GeoJSON FeatureCollection`);
  return topology({ areas: parsed }, QUANTIZATION) as unknown as SourceTopology;
}

function simplified(source: Source, from: string): SourceTopology {
  const raw = presimplify(readTopology(source, from));
  const minWeight = quantile(raw, KEEP);
  const thin = simplify(raw, minWeight);
  // Islands smaller than the least triangle kept are specks at any zoom the map offers.
  const noSpecks = filter(thin, filterWeight(thin, minWeight));
  const areas = noSpecks.objects.areas as { type: 'GeometryCollection'; geometries: GeometryObject[] };
  areas.geometries = areas.geometries.map((geometry, index) => {
    const properties = (geometry.properties ?? {}) as Record<string, unknown>;
    const code = properties[source.codeProperty];
    const name = properties[source.nameProperty];
    if (typeof code !== 'string' || typeof name !== 'string') {
      throw new Error(
        `${source.file}: feature ${index + 1} has no ${source.codeProperty}/${source.nameProperty}`,
      );
    }
    return { ...geometry, id: code, properties: { code, name: name.trim() } };
  });
  return quantize(noSpecks, QUANTIZATION);
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

  const manifest: BoundaryManifest = { levels: {} as BoundaryManifest['levels'] };
  for (const level of BOUNDARY_LEVELS) {
    const source = SOURCES.find((s) => s.level === level && fs.existsSync(path.join(from, s.file)));
    if (!source)
      throw new Error(
        `${from}: no boundary file for ${level} (expected one of ${SOURCES.filter((s) => s.level === level)
          .map((s) => s.file)
          .join(', ')})`,
      );
    const file = `${level}.topo.json`;
    const text = JSON.stringify(simplified(source, from));
    fs.writeFileSync(path.join(out, file), text);
    manifest.levels[level] = { file, source: source.file, vintage: source.vintage, credit: source.credit };
    console.log(`${level}: ${source.file} → ${file} (${(text.length / 1024).toFixed(0)} KiB)`);
  }
  const licence = path.join(from, 'licence.ons.md');
  if (fs.existsSync(licence)) fs.copyFileSync(licence, path.join(out, 'licence.ons.md'));
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

main();
