import type { Area, School } from '../domain/school.ts';
import { isWelshLaCode, welshNumberOf } from '../domain/wales.ts';
import { openCsv } from './csv.ts';
import { dateFromName } from './dates.ts';
import { normalisePhase } from './gias-phase.ts';
import { GRID_BOUNDS, gridToLatLon } from './grid.ts';
import { checkLayout } from './kinds.ts';
import type { Row } from './row.ts';
import { UniqueUrns, recordSource, type ReadOptions, type RecordSource } from './source.ts';

export const GIAS_REQUIRED_COLUMNS = [
  'URN',
  'EstablishmentName',
  'TypeOfEstablishment (name)',
  'EstablishmentStatus (name)',
  'PhaseOfEducation (name)',
  'LA (code)',
  'LA (name)',
  'Easting',
  'Northing',
];

/** Establishment groups on GIAS that are not schools, so have no place in a school registry. */
const NOT_SCHOOLS = new Set(['Universities', "Children's centres"]);
const OUTSIDE_ENGLAND_AND_WALES = new Set(['British schools overseas', 'Offshore schools']);

function area(code: string | null, name: string | null): Area | null {
  if (name === null || /^not applicable$/i.test(name)) return null;
  return { code: code ?? name, name };
}

/** GIAS lists Welsh establishments under the Welsh LA codes and the "Wales (pseudo)" region. */
function isWelsh(laCode: string | null, regionName: string | null): boolean {
  return isWelshLaCode(laCode) || /^wales/i.test(regionName ?? '');
}

/** A school's place from British National Grid `Easting` and `Northing` columns, checked. */
export function gridLocation(r: Row): School['location'] {
  const easting = r.number('Easting');
  const northing = r.number('Northing');
  if (easting === null && northing === null) return null;
  if (easting === null || northing === null) {
    r.problem(easting === null ? 'Easting' : 'Northing', 'the coordinate is missing while its pair is given');
    return null;
  }
  if (easting === 0 && northing === 0) return null;
  const [emin, emax] = GRID_BOUNDS.easting;
  const [nmin, nmax] = GRID_BOUNDS.northing;
  if (easting < emin || easting > emax || northing < nmin || northing > nmax) {
    r.problem(
      easting < emin || easting > emax ? 'Easting' : 'Northing',
      `${easting}, ${northing} is not a British National Grid coordinate in Great Britain`,
    );
    return null;
  }
  return gridToLatLon(easting, northing);
}

function senPercent(r: Row, pupils: number | null): number | null {
  const withPlan = r.integer('SENStat', { min: 0 });
  const support = r.integer('SENNoStat', { min: 0 });
  if (pupils === null || pupils === 0 || (withPlan === null && support === null)) return null;
  return Math.round((((withPlan ?? 0) + (support ?? 0)) / pupils) * 1000) / 10;
}

function toSchool(r: Row, urn: number): School | null {
  const name = r.text('EstablishmentName');
  const statusName = r.text('EstablishmentStatus (name)');
  const typeName = r.text('TypeOfEstablishment (name)');
  const typeGroup = r.text('EstablishmentTypeGroup (name)');
  const phaseName = r.text('PhaseOfEducation (name)');
  if (name === null) r.problem('EstablishmentName', 'the name is missing');
  if (statusName === null) r.problem('EstablishmentStatus (name)', 'the status is missing');
  const phase = normalisePhase(phaseName, typeName, typeGroup);
  if (phase === null) r.problem('PhaseOfEducation (name)', `"${phaseName}" is not a GIAS phase of education`);
  const laCode = r.text('LA (code)');
  const regionName = r.text('GOR (name)');
  const pupils = r.integer('NumberOfPupils', { min: 0 });
  const school: School = {
    urn,
    name: name ?? '',
    typeName,
    typeGroup,
    open: /^open/i.test(statusName ?? ''),
    statusName: statusName ?? '',
    phase: phase ?? 'not-applicable',
    statutoryLowAge: r.integer('StatutoryLowAge', { min: 0, max: 25 }),
    statutoryHighAge: r.integer('StatutoryHighAge', { min: 0, max: 25 }),
    country: isWelsh(laCode, regionName) ? 'Wales' : 'England',
    localAuthority: area(laCode, r.text('LA (name)')),
    region: area(r.text('GOR (code)'), regionName?.replace(/\s*\(pseudo\)$/i, '') ?? null),
    constituency: area(
      r.text('ParliamentaryConstituency (code)'),
      r.text('ParliamentaryConstituency (name)'),
    ),
    town: r.text('Town'),
    postcode: r.text('Postcode'),
    location: gridLocation(r),
    pupils,
    fsmPercent: r.number('PercentageFSM', { min: 0, max: 100, percent: true }),
    // GIAS has no EAL figure; the school census carries it.
    ealPercent: null,
    senPercent: senPercent(r, pupils),
    urbanRural: r.text('UrbanRural (name)'),
    // A federation shares governance as a trust does; GIAS records one or the other.
    trust: r.text('Trusts (name)') ?? r.text('Federations (name)'),
    welshNumber: welshNumberOf(laCode, r.text('EstablishmentNumber')),
  };
  return name === null || statusName === null || phase === null ? null : school;
}

/** Reads a GIAS establishments extract (`edubasealldataYYYYMMDD.csv`, Windows-1252). */
export async function readGias(file: string, options: ReadOptions): Promise<RecordSource<School>> {
  const csv = await openCsv(file, {
    encoding: 'windows-1252',
    ...options,
    checkHeader: (name, columns) => checkLayout(name, columns, 'gias', GIAS_REQUIRED_COLUMNS),
  });
  const { problems } = options;
  const urns = new UniqueUrns();

  async function* records(): AsyncGenerator<School> {
    for await (const r of csv.rows) {
      const group = r.text('EstablishmentTypeGroup (name)');
      if (group !== null && NOT_SCHOOLS.has(group)) {
        problems.skip(`not a school (${group})`);
        continue;
      }
      const type = r.text('TypeOfEstablishment (name)');
      if (type !== null && OUTSIDE_ENGLAND_AND_WALES.has(type)) {
        problems.skip(`outside England and Wales (${type})`);
        continue;
      }
      const urn = urns.take(r);
      const school = urn === null ? null : toSchool(r, urn);
      if (school !== null) yield school;
    }
    problems.throwIfAny();
  }

  const asOf = dateFromName(file);
  return recordSource('gias', csv, records(), () => asOf);
}
