import path from 'node:path';
import type { Phase, School } from '../domain/school.ts';
import {
  isWelshLaCode,
  languageMediumOf,
  NOT_APPLICABLE_MEDIUM,
  WELSH_LA_NAMES_CY,
  type LanguageMedium,
} from '../domain/wales.ts';
import { openCsv } from './csv.ts';
import { dateFromName } from './dates.ts';
import { gridLocation } from './gias.ts';
import { checkLayout } from './kinds.ts';
import { isoDate, type Row } from './row.ts';
import { UniqueUrns, recordSource, type ReadOptions, type RecordSource } from './source.ts';

/**
 * The Welsh Government's "Address list of schools", its sheet of maintained schools saved as CSV
 * (UTF-8), as published from 2018 on. Later releases dropped " - see notes" from some headings,
 * so both spellings are read.
 */
export const WALES_COLUMNS = {
  number: 'School Number',
  name: 'School Name',
  laCode: 'LA Code',
  laName: 'Local Authority',
  sector: 'Sector',
  governance: ['Governance - see notes', 'Governance'],
  wmCode: 'WM Code',
  mediumType: ['Welsh Medium Type - see notes', 'Welsh Medium Type'],
  schoolType: 'School Type',
  address: ['Address 1', 'Address 2', 'Address 3', 'Address 4'],
  postcode: 'Postcode',
  pupils: ['Pupils - see notes', 'Pupils'],
} as const;

export const WALES_REQUIRED_COLUMNS = [
  WALES_COLUMNS.number,
  WALES_COLUMNS.name,
  WALES_COLUMNS.laCode,
  WALES_COLUMNS.laName,
  WALES_COLUMNS.sector,
  WALES_COLUMNS.mediumType,
  WALES_COLUMNS.postcode,
];

/** The list's sectors; Welsh middle schools are all-age schools (3–16 or 3–19). */
const SECTOR_PHASE: Record<string, Phase> = {
  nursery: 'nursery',
  primary: 'primary',
  middle: 'all-through',
  secondary: 'secondary',
  special: 'special',
};

/** GIAS files Welsh schools under the "Wales (pseudo)" region; S2S reads that as "Wales". */
const WALES_REGION = { code: 'W', name: 'Wales' };

/** The spelling of each renamed column that the file uses. */
interface Spellings {
  governance: string | undefined;
  mediumType: string | undefined;
  pupils: string | undefined;
}

const STREET = /\b(road|street|lane|avenue|drive|close|way|terrace|heol|ffordd|stryd|lôn)\b/i;

/**
 * The town among the address lines: the last line before the postcode that is not the county
 * (the LA's name in English or Welsh), which the list often repeats at the end of an address;
 * the county itself when all that is left is a street (a city school: "Heol yr Ysgol, Caerdydd").
 */
function townOf(r: Row, laCode: string, laName: string | null): string | null {
  const county = new Set([laName, WELSH_LA_NAMES_CY[laCode]].map((n) => n?.toLowerCase()));
  const lines = WALES_COLUMNS.address.map((c) => r.text(c)).filter((l): l is string => l !== null);
  const rest = lines.filter((l) => !county.has(l.toLowerCase()));
  const countyLine = lines.find((l) => county.has(l.toLowerCase()));
  if (rest.length === 1 && countyLine && STREET.test(rest[0]!)) return countyLine;
  return rest.at(-1) ?? countyLine ?? null;
}

function mediumOf(
  r: Row,
  column: string | undefined,
  phase: Phase | undefined,
): { medium: LanguageMedium | null; published: string | null } {
  const published = r.text(column) ?? r.text(WALES_COLUMNS.wmCode);
  if (published === null || NOT_APPLICABLE_MEDIUM.test(published)) {
    // Only nursery and special schools have no Welsh medium type.
    if (phase !== undefined && phase !== 'nursery' && phase !== 'special')
      r.problem(column, 'the Welsh medium type is missing');
    return { medium: null, published };
  }
  const medium = languageMediumOf(published);
  if (medium === undefined) {
    r.problem(column, `"${published}" is not a Welsh medium type of the address list of schools`);
    return { medium: null, published };
  }
  return { medium, published };
}

function toSchool(r: Row, id: number, spelt: Spellings): School | null {
  const name = r.text(WALES_COLUMNS.name);
  if (name === null) r.problem(WALES_COLUMNS.name, 'the name is missing');
  const laCode = r.text(WALES_COLUMNS.laCode);
  const laName = r.text(WALES_COLUMNS.laName);
  if (laCode === null || !isWelshLaCode(laCode)) {
    r.problem(
      WALES_COLUMNS.laCode,
      `"${laCode ?? ''}" is not the code of a Welsh local authority (660 to 681)`,
    );
  } else if (String(id).slice(0, 3) !== laCode) {
    r.problem(
      WALES_COLUMNS.number,
      `school number ${id} does not start with its LA code ${laCode} (a school number is the LA code and four digits)`,
    );
  }
  const sector = r.text(WALES_COLUMNS.sector);
  const phase = SECTOR_PHASE[sector?.toLowerCase() ?? ''];
  if (phase === undefined)
    r.problem(
      WALES_COLUMNS.sector,
      `"${sector ?? ''}" is not a sector of the list (nursery, primary, middle, secondary or special)`,
    );
  const { medium, published } = mediumOf(r, spelt.mediumType, phase);
  if (name === null || phase === undefined || laCode === null) return null;
  return {
    urn: id,
    name,
    typeName: r.text(spelt.governance),
    typeGroup: 'Welsh schools',
    // The list holds the schools open when it was published.
    open: true,
    statusName: 'Open',
    phase,
    statutoryLowAge: null,
    statutoryHighAge: null,
    country: 'Wales',
    localAuthority: { code: laCode, name: laName ?? laCode },
    region: WALES_REGION,
    constituency: null,
    town: townOf(r, laCode, laName),
    postcode: r.text(WALES_COLUMNS.postcode),
    location: gridLocation(r),
    // Blank for a new school.
    pupils: r.integer(spelt.pupils, { min: 0 }),
    fsmPercent: null,
    ealPercent: null,
    senPercent: null,
    urbanRural: null,
    trust: null,
    languageMedium: medium,
    welshMediumType: published,
  };
}

/** "180410-address-list-schools-wales-ency.csv": the list's names start with the date as yymmdd. */
function listDate(file: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})(?!\d)/.exec(path.basename(file));
  return dateFromName(file) ?? (m ? isoDate(`20${m[1]}-${m[2]}-${m[3]}`) : null);
}

/** Reads the Welsh Government's address list of (maintained) schools, saved as CSV. */
export async function readWalesSchools(file: string, options: ReadOptions): Promise<RecordSource<School>> {
  const csv = await openCsv(file, {
    encoding: 'utf-8',
    ...options,
    checkHeader: (name, columns) => checkLayout(name, columns, 'wales-schools', WALES_REQUIRED_COLUMNS),
  });
  const ids = new UniqueUrns();
  const spelt: Spellings = {
    governance: csv.columns.pick(...WALES_COLUMNS.governance),
    mediumType: csv.columns.pick(...WALES_COLUMNS.mediumType),
    pupils: csv.columns.pick(...WALES_COLUMNS.pupils),
  };

  async function* records(): AsyncGenerator<School> {
    for await (const r of csv.rows) {
      const id = ids.take(r, WALES_COLUMNS.number);
      const school = id === null ? null : toSchool(r, id, spelt);
      if (school !== null) yield school;
    }
    options.problems.throwIfAny();
  }

  const asOf = listDate(file);
  return recordSource('wales-schools', csv, records(), () => asOf);
}
