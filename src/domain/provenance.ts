import { monthAndYear } from './format.ts';
import type { ResultsStatus } from './school.ts';

/** One published file the data rests on: its kind, its name and what it describes as of. */
export interface DataSource {
  kind: string;
  name: string;
  /** ISO date, or yyyy-mm for the January school census; null when the file did not say. */
  asOf: string | null;
  /** Results tables: provisional or final. */
  status?: ResultsStatus;
  /** Present (true) when the file is made up, as the demo's Welsh schools are beside real English data. */
  synthetic?: true;
}

/** Which data every answer rests on, from when, and whether it is made up. */
export interface DatasetProvenance {
  sources: DataSource[];
  synthetic: boolean;
}

function month(asOf: string | null): string {
  return monthAndYear(asOf ?? '') ?? '(date not known)';
}

function day(asOf: string | null): string {
  const m = /^\d{4}-\d{2}-(\d{2})$/.exec(asOf ?? '');
  return m ? `${Number(m[1])} ${month(asOf)}` : month(asOf);
}

/** Results describe an academic year, held as the date it ends: 2019-08-31 is 2018/19. */
export function academicYearOf(asOf: string | null): string {
  const year = Number(asOf?.slice(0, 4));
  return Number.isInteger(year) && year > 0 ? `${year - 1}/${String(year).slice(2)}` : '(year not known)';
}

function academicYear(source: DataSource): string {
  const label = academicYearOf(source.asOf);
  return source.status === 'provisional' ? `${label} provisional` : label;
}

function results(ks2: DataSource | undefined, ks4: DataSource | undefined): string[] {
  if (ks2 && ks4 && academicYear(ks2) === academicYear(ks4)) return [`KS2/KS4 ${academicYear(ks2)}`];
  return [ks2 && `KS2 ${academicYear(ks2)}`, ks4 && `KS4 ${academicYear(ks4)}`].filter(
    (s): s is string => s !== undefined,
  );
}

/**
 * The dataset in one line, as every page, CSV and command shows it: "School data: GIAS January
 * 2019, Ofsted to March 2020, KS2/KS4 2018/19". `separator` joins the sources (a CSV comment
 * line uses "; " so that a spreadsheet keeps it in one cell).
 */
export function describeProvenance(provenance: DatasetProvenance, separator = ', '): string {
  const of = (kind: string) => provenance.sources.find((s) => s.kind === kind);
  // Beside real files, each made-up one says so itself; when all of it is made up, the line does.
  const mixed = provenance.sources.some((s) => !s.synthetic) && provenance.sources.some((s) => s.synthetic);
  const label = (kind: string, text: string) =>
    mixed && of(kind)!.synthetic ? `${text} (synthetic: made-up schools, not real ones)` : text;
  const parts = [
    of('gias') && label('gias', `GIAS ${month(of('gias')!.asOf)}`),
    of('ofsted') && `Ofsted to ${month(of('ofsted')!.asOf)}`,
    of('ofsted-ratings') && `Ofsted ratings as published on ${day(of('ofsted-ratings')!.asOf)}`,
    ...results(of('ks2'), of('ks4')),
    of('census') && `school census ${month(of('census')!.asOf)}`,
    of('links') && `GIAS links ${month(of('links')!.asOf)}`,
    of('wales-schools') && label('wales-schools', `Welsh schools list ${month(of('wales-schools')!.asOf)}`),
  ].filter((p): p is string => typeof p === 'string');
  const list = parts.length > 0 ? parts.join(separator) : 'none imported yet';
  return provenance.synthetic && !mixed
    ? `School data: synthetic, made up for testing and demonstration, not real schools (${list})`
    : `School data: ${list}`;
}

/**
 * The first line of every CSV the service writes, so that a file passed on still says what it
 * rests on; "; " keeps it in one cell of a spreadsheet.
 */
export function provenanceComment(provenance: DatasetProvenance): string {
  return `# ${describeProvenance(provenance, '; ')}\n`;
}
