/**
 * Builds the bundled demo dataset (data/demo/) from the real 2018/19 public files in a shared
 * data folder, written in the published layouts so that the demo goes through the real import
 * path. Run: npm run build:demo [-- /path/to/shared/data]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { CsvWriter } from '../src/ingest/csv-writer.ts';
import { latLonToGrid } from '../src/ingest/grid.ts';
import {
  CENSUS_LAYOUT,
  GIAS_LAYOUT,
  inLayout,
  KS2_LAYOUT,
  KS4_LAYOUT,
  OFSTED_LAYOUT,
} from '../src/ingest/layouts.ts';
import { DEMO_DIR, DEMO_FILES } from '../src/ingest/demo.ts';
import { constituencyLocator } from './demo/constituencies.ts';
import { regionOfSubregion } from './demo/regions.ts';

type Row = Record<string, string>;
const shared = path.resolve(process.argv[2] ?? '/work/shared/data');
const read = (file: string): Row[] => {
  const bytes = readFileSync(path.join(shared, file));
  return parse(file.endsWith('.gz') ? gunzipSync(bytes) : bytes, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
};
const byUrn = (rows: Row[], key = 'URN') => new Map(rows.map((r) => [r[key]!, r]));

const STATE_FUNDED = new Map([
  ['State-funded primary', { phase: 'Primary', type: null, group: null }],
  ['State-funded secondary', { phase: 'Secondary', type: null, group: null }],
  [
    'State-funded nursery',
    { phase: 'Nursery', type: 'LA nursery school', group: 'Local authority maintained schools' },
  ],
  [
    'State-funded special school',
    { phase: 'Not applicable', type: 'Special school', group: 'Special schools' },
  ],
  [
    'Pupil referral unit',
    { phase: 'Not applicable', type: 'Pupil referral unit', group: 'Local authority maintained schools' },
  ],
]);
// The performance tables' coarse school types, as GIAS type groups.
const GROUP_OF_TYPE: Record<string, string> = {
  Academy: 'Academies',
  'Maintained school': 'Local authority maintained schools',
  'Special school': 'Special schools',
};
const OFSTED_GRADE: Record<string, number> = {
  Outstanding: 1,
  Good: 2,
  'Requires Improvement': 3,
  Satisfactory: 3,
  Inadequate: 4,
};

const census = read('census-2019/england_census.csv');
const ks2Rows = read('performance-2019/england_ks2final.csv');
const ks4Rows = read('performance-2019/england_ks4final.csv');
const ks2 = byUrn(ks2Rows);
const ks4 = byUrn(ks4Rows);
const current = byUrn(read('schools-2025/open-state-schools-2025.csv'), 'urn');
const laNames = new Map(
  read('lookups/english-la-name-codes.csv').map((r) => [
    r['Get Information about Schools (GIAS) local authority (LA) code']!,
    r['English local authority (LA) name']!,
  ]),
);
const laRegions = new Map(
  read('lookups/la-and-region-codes.csv').map((r) => [r.LEA!, regionOfSubregion(r['REGION NAME']!)]),
);
// Bournemouth, Poole and Dorset had these codes in the January 2019 census; the lookup lists only
// their April 2019 successors, all in the South West.
for (const code of ['835', '836', '837']) laRegions.set(code, regionOfSubregion('South West A'));
const constituencyOf = constituencyLocator(
  JSON.parse(
    readFileSync(path.join(shared, 'boundaries/westminster-constituencies-2024.geojson'), 'utf-8'),
  ) as FeatureCollection<Polygon | MultiPolygon>,
  'PCON24CD',
  'PCON24NM',
);
// Schools missing from both performance tables (infant schools, nurseries, most PRUs) take the
// coordinates of another school at the same postcode when there is one.
const byPostcode = new Map<string, { lat: number; lon: number }>();
for (const r of [...ks2Rows, ...ks4Rows])
  if (r.LATITUDE && r.PCODE) byPostcode.set(r.PCODE, { lat: Number(r.LATITUDE), lon: Number(r.LONGITUDE) });

mkdirSync(path.join(DEMO_DIR, '2018-2019'), { recursive: true });
const gias = new CsvWriter(path.join(DEMO_DIR, DEMO_FILES.gias), GIAS_LAYOUT, 'windows-1252');
const censusOut = new CsvWriter(path.join(DEMO_DIR, DEMO_FILES.census), CENSUS_LAYOUT, 'utf-8');
const ofsted = new CsvWriter(path.join(DEMO_DIR, DEMO_FILES.ofsted), OFSTED_LAYOUT, 'utf-8');
const ks2Out = new CsvWriter(path.join(DEMO_DIR, DEMO_FILES.ks2), KS2_LAYOUT, 'utf-8');
const ks4Out = new CsvWriter(path.join(DEMO_DIR, DEMO_FILES.ks4), KS4_LAYOUT, 'utf-8');
const counts = { schools: 0, unnamed: 0, located: 0, inspected: 0, ks2: 0, ks4: 0 };

for (const c of census) {
  const kind = STATE_FUNDED.get(c.SCHOOLTYPE!);
  if (!kind) continue;
  const urn = c.URN!;
  const results = ks2.get(urn) ?? ks4.get(urn);
  const now = current.get(urn);
  const name = results?.SCHNAME ?? now?.name;
  if (!name) {
    counts.unnamed++;
    continue;
  }
  const postcode = results?.PCODE || now?.postcode || null;
  const point = results?.LATITUDE
    ? { lat: Number(results.LATITUDE), lon: Number(results.LONGITUDE) }
    : (byPostcode.get(postcode ?? '') ?? null);
  const grid = point ? latLonToGrid(point) : null;
  const constituency = point ? constituencyOf(point) : null;
  const region = laRegions.get(c.LA!) ?? null;
  const pupils = Number(c.NOR);
  const type = kind.type ?? results?.SCHTYPE ?? null;
  counts.schools++;
  if (point) counts.located++;
  await gias.row(
    inLayout(GIAS_LAYOUT, {
      URN: urn,
      'LA (code)': c.LA,
      'LA (name)': laNames.get(c.LA!) ?? null,
      EstablishmentNumber: c.ESTAB,
      EstablishmentName: name,
      'TypeOfEstablishment (name)': type,
      'EstablishmentTypeGroup (name)': kind.group ?? GROUP_OF_TYPE[type ?? ''] ?? null,
      'EstablishmentStatus (name)': 'Open',
      'PhaseOfEducation (name)': kind.phase,
      NumberOfPupils: c.NOR,
      PercentageFSM:
        pupils > 0 && c.NUMFSM !== 'NA' ? Math.round((Number(c.NUMFSM) / pupils) * 1000) / 10 : null,
      Town: results?.TOWN || now?.town || null,
      Postcode: postcode,
      'GOR (code)': region?.code ?? null,
      'GOR (name)': region?.name ?? null,
      'ParliamentaryConstituency (code)': constituency?.code ?? null,
      'ParliamentaryConstituency (name)': constituency?.name ?? null,
      Easting: grid?.easting ?? null,
      Northing: grid?.northing ?? null,
      SENStat: c.TSENELSE === 'NA' ? null : c.TSENELSE,
      SENNoStat: c.TSENELK === 'NA' ? null : c.TSENELK,
    }),
  );
  await censusOut.row(inLayout(CENSUS_LAYOUT, { ...c }));
  const grade = OFSTED_GRADE[results?.OFSTEDRATING ?? ''];
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(results?.INSPECTIONDT ?? '');
  if (grade && date) {
    counts.inspected++;
    await ofsted.row(
      inLayout(OFSTED_LAYOUT, {
        URN: urn,
        'School name': name,
        'Ofsted phase': kind.phase,
        'Local authority': laNames.get(c.LA!) ?? null,
        'Inspection start date of latest graded inspection': `${date[3]}/${date[2]}/${date[1]}`,
        'Overall effectiveness': grade,
      }),
    );
  }
  const k2 = ks2.get(urn);
  if (k2) {
    counts.ks2++;
    await ks2Out.row(inLayout(KS2_LAYOUT, { ...k2 }));
  }
  const k4 = ks4.get(urn);
  if (k4) {
    counts.ks4++;
    await ks4Out.row(inLayout(KS4_LAYOUT, { ...k4 }));
  }
}
await Promise.all([gias, censusOut, ofsted, ks2Out, ks4Out].map((w) => w.close()));
writeFileSync(
  path.join(DEMO_DIR, DEMO_FILES.links),
  gzipSync(readFileSync(path.join(shared, 'gias/links_edubasealldata20250422.csv')), { level: 9 }),
);
process.stdout.write(
  `Demo dataset in ${DEMO_DIR}: ${counts.schools} schools (${counts.located} with coordinates; ${counts.unnamed} left out, no name on file), ` +
    `${counts.inspected} Ofsted grades, ${counts.ks2} KS2 and ${counts.ks4} KS4 results\n`,
);
