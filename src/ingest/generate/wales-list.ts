import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Phase } from '../../domain/school.ts';
import { WELSH_LA_NAMES_CY, type LanguageMedium } from '../../domain/wales.ts';
import type { AreaTopology } from '../../geo/areas.ts';
import { CsvWriter } from '../csv-writer.ts';
import { latLonToGrid } from '../grid.ts';
import { SYNTHETIC_MANIFEST } from '../import-file.ts';
import { Random } from './random.ts';
import { syntheticSchool } from './school.ts';
import { WELSH_TOWNS, type Place } from './wales.ts';

/**
 * The address list of schools as the Welsh Government publishes it, with the Easting and
 * Northing a located copy carries (the published list has no coordinates).
 */
export const WALES_LIST_LAYOUT = [
  'School Number',
  'School Name',
  'LA Code',
  'Local Authority',
  'Sector',
  'Governance - see notes',
  'WM Code',
  'Welsh Medium Type - see notes',
  'School Type',
  'Religious Character',
  'Address 1',
  'Address 2',
  'Address 3',
  'Address 4',
  'Postcode',
  'Phone Number',
  'Pupils - see notes',
  'Easting',
  'Northing',
] as const;

/** Maintained schools in Wales by the list's sectors (schools' census, January 2019). */
const SECTOR_MIX = { Primary: 1238, Secondary: 187, Middle: 19, Special: 39, Nursery: 9 } as const;
export type Sector = keyof typeof SECTOR_MIX;

const SECTOR_PHASE: Record<Sector, Phase> = {
  Nursery: 'nursery',
  Primary: 'primary',
  Middle: 'all-through',
  Secondary: 'secondary',
  Special: 'special',
};

/** The first of each sector's school numbers within an LA, as the Welsh Government numbers them. */
const NUMBER_BASE: Record<Sector, number> = {
  Nursery: 1001,
  Primary: 2001,
  Secondary: 4001,
  Middle: 4501,
  Special: 7001,
};

/** Share of Welsh-medium schools by LA code, roughly as published; elsewhere 15%. */
const WELSH_MEDIUM_SHARE: Record<string, number> = {
  '660': 0.8,
  '661': 0.95,
  '662': 0.35,
  '663': 0.3,
  '666': 0.25,
  '667': 0.6,
  '669': 0.55,
};

/** The list's Welsh medium types (and codes) as published, for the schools not Welsh-medium. */
const OTHER_MEDIA: Record<string, [string, string, LanguageMedium]> = {
  dual: ['DS', 'Dual stream', 'bilingual'],
  bilingualB: ['BB', 'Bilingual (Category B)', 'bilingual'],
  significant: ['EW', 'English with significant Welsh', 'english-with-significant-welsh'],
  english: ['EM', 'English medium', 'english-medium'],
};

const WELSH_STEMS = [
  'Bro Taf',
  'Pen y Bryn',
  'Glan y Môr',
  'Y Wern',
  'Coed y Gof',
  'Bryn Onnen',
  'Maes y Coed',
  'Tan y Castell',
  'Llwyn Celyn',
  'Cae Glas',
  'Nant y Pant',
  'Pant y Rhedyn',
  'Dyffryn',
  'Tir Morfa',
  'Gwaun Cae Gurwen',
  'Y Berllan Deg',
];

const WELSH_MEDIUM_NAME: Record<Sector, string[]> = {
  Nursery: ['Ysgol Feithrin'],
  Primary: ['Ysgol Gymraeg', 'Ysgol Gynradd Gymraeg', 'Ysgol'],
  Middle: ['Ysgol'],
  Secondary: ['Ysgol Gyfun Gymraeg', 'Ysgol Uwchradd', 'Ysgol'],
  Special: ['Ysgol Arbennig', 'Canolfan'],
};

/** English-medium and bilingual schools' names: Wales has no academies, and its church schools are Church in Wales or Catholic. */
const ENGLISH_STEMS = [
  'Oakfield',
  'Highfield',
  'Millbrook',
  'Greenway',
  'Lakeside',
  'Westwood',
  'Parc',
  'Castle',
];
const ENGLISH_NAME: Record<Sector, string[]> = {
  Nursery: ['Nursery School'],
  Primary: ['Primary School', 'Infant School', 'Junior School', 'Community Primary School'],
  Middle: ['School'],
  Secondary: ['High School', 'Comprehensive School'],
  Special: ['Special School', 'School'],
};
const FAITH = [
  "St Mary's Church in Wales",
  "St David's Church in Wales",
  "St Joseph's Catholic",
  "St Illtyd's Catholic",
];

function nameOf(random: Random, sector: Sector, medium: LanguageMedium | null, town: string): string {
  const stem = random.chance(0.3) ? town : random.pick(WELSH_STEMS);
  if (medium === 'welsh-medium') return `${random.pick(WELSH_MEDIUM_NAME[sector])} ${stem}`;
  if (medium === 'bilingual' && sector !== 'Primary') return `Ysgol ${stem}`;
  if ((sector === 'Primary' || sector === 'Secondary') && random.chance(0.12))
    return `${random.pick(FAITH)} ${sector === 'Primary' ? 'Primary School' : 'High School'}`;
  const english = random.chance(0.4) ? random.pick(ENGLISH_STEMS) : stem;
  return `${english} ${random.pick(ENGLISH_NAME[sector])}`;
}

const STREETS = [
  'Heol yr Ysgol',
  'School Road',
  'Ffordd y Parc',
  'Church Street',
  'Lôn y Coed',
  'Station Road',
];

/** The shapes of the Welsh LAs in the bundled district boundaries, by their English names. */
function welshLaShapes(): Map<string, Polygon | MultiPolygon> {
  const file = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../data/boundaries/district.topo.json',
  );
  const topology = JSON.parse(readFileSync(file, 'utf8')) as AreaTopology;
  const shapes = new Map<string, Polygon | MultiPolygon>();
  for (const shape of topology.objects.areas.geometries) {
    const f = feature(topology, shape) as Feature<Polygon | MultiPolygon, { code: string; name: string }>;
    if (f.properties.code.startsWith('W')) shapes.set(f.properties.name, f.geometry);
  }
  return shapes;
}

/** A place near the town inside its LA: scattered points that fall outside are drawn again. */
function locate(random: Random, place: Place, shape: Polygon | MultiPolygon | undefined) {
  for (let tries = 0; tries < 20; tries++) {
    const spot = {
      lat: place.location.lat + random.normal() * 0.035,
      lon: place.location.lon + random.normal() * 0.056,
    };
    if (!shape || booleanPointInPolygon([spot.lon, spot.lat], shape)) return spot;
  }
  return place.location;
}

function mediumOf(random: Random, sector: Sector, laCode: string): [string, string, LanguageMedium | null] {
  if (sector === 'Nursery' || sector === 'Special') return ['N/A', 'Not applicable', null];
  if (random.chance(WELSH_MEDIUM_SHARE[laCode] ?? 0.15)) return ['WM', 'Welsh medium', 'welsh-medium'];
  return OTHER_MEDIA[
    random.weighted({ dual: 3, bilingualB: sector === 'Secondary' ? 8 : 1, significant: 4, english: 80 })
  ]!;
}

export interface WelshListOptions {
  schools: number;
  seed: number;
  /** The folder to write into; it gets a manifest that marks the list synthetic. */
  out: string;
  /** The file's name: the list's own names start with its date as yymmdd. */
  name: string;
}

/** The list written, with each school's number and sector for the files that describe them. */
export interface WelshList {
  file: string;
  schools: { number: number; sector: Sector }[];
}

/**
 * Writes synthetic Welsh schools as the Welsh Government's address list of schools, located
 * inside their LAs' boundaries, with a manifest beside it so that `s2s import wales-schools`
 * marks them synthetic. The same seed always gives the same list.
 */
export async function generateWelshList(options: WelshListOptions): Promise<WelshList> {
  const random = new Random(options.seed);
  const shapes = welshLaShapes();
  const file = path.join(options.out, options.name);
  const list = new CsvWriter(file, WALES_LIST_LAYOUT, 'utf-8');
  const taken = new Map<string, number>();
  const written: WelshList['schools'] = [];
  for (let i = 0; i < options.schools; i++) {
    const place = random.pick(WELSH_TOWNS);
    const laCode = place.localAuthority.code;
    const sector = random.weighted(SECTOR_MIX);
    const phase = SECTOR_PHASE[sector];
    const school = syntheticSchool(random, i, phase, { kind: 'wales', place });
    const key = `${laCode}:${sector}`;
    const number = NUMBER_BASE[sector] + (taken.get(key) ?? 0);
    taken.set(key, (taken.get(key) ?? 0) + 1);
    const [code, mediumType, medium] = mediumOf(random, sector, laCode);
    const grid = latLonToGrid(locate(random, place, shapes.get(place.localAuthority.name)));
    written.push({ number: Number(`${laCode}${number}`), sector });
    await list.row([
      `${laCode}${number}`,
      nameOf(random, sector, medium, place.town),
      laCode,
      place.localAuthority.name,
      sector,
      random.weighted({ Community: 80, 'Voluntary Aided': 10, 'Voluntary Controlled': 6, Foundation: 4 }),
      code,
      mediumType,
      sector === 'Middle' ? 'Middle (ages 3-16)' : sector,
      '---',
      `${random.int(1, 120)} ${random.pick(STREETS)}`,
      place.town,
      WELSH_LA_NAMES_CY[laCode] ?? place.localAuthority.name,
      null,
      school.postcode,
      null,
      school.pupils,
      Math.round(grid.easting),
      Math.round(grid.northing),
    ]);
  }
  await list.close();
  const manifest = {
    synthetic: true,
    description: 'Synthetic Welsh schools in the address list of schools layout: not real schools.',
    seed: options.seed,
    schools: options.schools,
    files: { 'wales-schools': options.name },
  };
  await writeFile(path.join(options.out, SYNTHETIC_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { file, schools: written };
}
