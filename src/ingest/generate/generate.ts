import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Phase } from '../../domain/school.ts';
import { CsvWriter } from '../csv-writer.ts';
import { latLonToGrid } from '../grid.ts';
import { SYNTHETIC_MANIFEST } from '../import-file.ts';
import { CENSUS_LAYOUT, GIAS_LAYOUT, inLayout, KS2_LAYOUT, KS4_LAYOUT, OFSTED_LAYOUT } from '../layouts.ts';
import { loadAnchors, type Anchor } from './anchors.ts';
import { inspectionRow, ks2Row, ks4Row, RESULTS_YEAR } from './outcomes.ts';
import { Random } from './random.ts';
import { PHASE_MIX, syntheticSchool, type SyntheticSchool } from './school.ts';
import { WELSH_TOWNS } from './wales.ts';

/** Synthetic URNs start here, clear of the real ones (100000–160000 today). */
export const FIRST_SYNTHETIC_URN = 700_001;
/** Wales has about one school for every fifteen in England. */
const WELSH_SHARE = 0.06;

const YEAR_FOLDER = `${RESULTS_YEAR - 1}-${RESULTS_YEAR}`;
export const GENERATED_FILES = {
  gias: 'edubasealldata20260717.csv',
  census: `${YEAR_FOLDER}/england_census.csv`,
  ofsted: 'ofsted-inspections-outcomes.csv',
  ks2: `${YEAR_FOLDER}/england_ks2final.csv`,
  ks4: `${YEAR_FOLDER}/england_ks4final.csv`,
} as const;

export interface GenerateOptions {
  schools: number;
  seed: number;
  out: string;
  onProgress?: (done: number) => void;
}

export interface GenerateSummary {
  out: string;
  schools: number;
  welsh: number;
  byPhase: Partial<Record<Phase, number>>;
  files: typeof GENERATED_FILES;
}

const CENSUS_TYPE: Record<Phase, string> = {
  nursery: 'State-funded nursery',
  primary: 'State-funded primary',
  middle: 'State-funded secondary',
  secondary: 'State-funded secondary',
  'all-through': 'State-funded secondary',
  special: 'State-funded special school',
  'alternative-provision': 'Pupil referral unit',
  '16-plus': 'State-funded secondary',
  'not-applicable': 'State-funded primary',
};

const SITE_PHASE: Partial<Record<Phase, Phase>> = {
  middle: 'secondary',
  'all-through': 'secondary',
  '16-plus': 'secondary',
};

function anchorFor(random: Random, anchors: Map<Phase, Anchor[]>, phase: Phase): Anchor {
  const list = anchors.get(SITE_PHASE[phase] ?? phase) ?? anchors.get('primary')!;
  return random.pick(list);
}

function giasRow(s: SyntheticSchool) {
  const grid = latLonToGrid(s.location);
  return inLayout(GIAS_LAYOUT, {
    URN: s.urn,
    'LA (code)': s.localAuthority?.code,
    'LA (name)': s.localAuthority?.name,
    EstablishmentNumber: 2000 + (s.urn % 8000),
    EstablishmentName: s.name,
    'TypeOfEstablishment (name)': s.typeName,
    'EstablishmentTypeGroup (name)': s.typeGroup,
    'EstablishmentStatus (name)': s.open ? 'Open' : 'Closed',
    'PhaseOfEducation (name)': s.giasPhase,
    StatutoryLowAge: s.lowAge,
    StatutoryHighAge: s.highAge,
    NumberOfPupils: s.pupils,
    PercentageFSM: s.fsmPercent,
    'Trusts (name)': s.trust,
    Town: s.town,
    Postcode: s.postcode,
    'GOR (code)': s.region?.code,
    'GOR (name)': s.region?.name,
    'ParliamentaryConstituency (code)': s.constituency?.code,
    'ParliamentaryConstituency (name)': s.constituency?.name,
    'UrbanRural (name)': null,
    Easting: grid.easting,
    Northing: grid.northing,
    SENStat: s.senWithPlan,
    SENNoStat: s.senSupport,
  });
}

/**
 * Writes a synthetic dataset of `schools` schools in the published layouts (GIAS extract, school
 * census, Ofsted outcomes, KS2 and KS4 tables) with a manifest that marks it synthetic. The same
 * seed always gives the same files.
 */
export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  const random = new Random(options.seed);
  const anchors = await loadAnchors();
  await mkdir(path.join(options.out, YEAR_FOLDER), { recursive: true });
  const file = (name: string) => path.join(options.out, name);
  const gias = new CsvWriter(file(GENERATED_FILES.gias), GIAS_LAYOUT, 'windows-1252');
  const census = new CsvWriter(file(GENERATED_FILES.census), CENSUS_LAYOUT, 'utf-8');
  const ofsted = new CsvWriter(file(GENERATED_FILES.ofsted), OFSTED_LAYOUT, 'utf-8');
  const ks2 = new CsvWriter(file(GENERATED_FILES.ks2), KS2_LAYOUT, 'utf-8');
  const ks4 = new CsvWriter(file(GENERATED_FILES.ks4), KS4_LAYOUT, 'utf-8');
  const byPhase: Partial<Record<Phase, number>> = {};
  let welsh = 0;
  for (let i = 0; i < options.schools; i++) {
    const phase = random.weighted(PHASE_MIX);
    const inWales = random.chance(WELSH_SHARE);
    const site = inWales
      ? ({ kind: 'wales', place: random.pick(WELSH_TOWNS) } as const)
      : ({ kind: 'england', anchor: anchorFor(random, anchors, phase) } as const);
    const school = syntheticSchool(random, FIRST_SYNTHETIC_URN + i, phase, site);
    byPhase[phase] = (byPhase[phase] ?? 0) + 1;
    await gias.row(giasRow(school));
    if (inWales) {
      // Estyn inspects Welsh schools and the DfE's tables cover England only.
      welsh++;
    } else {
      await census.row(
        inLayout(CENSUS_LAYOUT, {
          URN: school.urn,
          LA: school.localAuthority?.code,
          SCHOOLTYPE: CENSUS_TYPE[phase],
          NOR: school.pupils,
          PNUMEAL: school.ealPercent,
        }),
      );
      if (school.open) await ofsted.row(inspectionRow(random, school));
      const ks2Phase =
        phase === 'primary' || phase === 'middle' || (phase === 'special' && random.chance(0.3));
      const ks4Phase =
        phase === 'secondary' || phase === 'all-through' || (phase === 'special' && random.chance(0.3));
      if (school.open && ks2Phase && !school.name.includes('Infant')) await ks2.row(ks2Row(random, school));
      if (school.open && ks4Phase) await ks4.row(ks4Row(random, school));
    }
    if (i % 1000 === 0) options.onProgress?.(i);
  }
  await Promise.all([gias, census, ofsted, ks2, ks4].map((w) => w.close()));
  options.onProgress?.(options.schools);
  const manifest = {
    synthetic: true,
    description: 'Synthetic schools made by `s2s generate`: not real schools.',
    seed: options.seed,
    schools: options.schools,
    files: GENERATED_FILES,
  };
  await writeFile(file(SYNTHETIC_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { out: options.out, schools: options.schools, welsh, byPhase, files: GENERATED_FILES };
}
