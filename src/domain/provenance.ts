import { MONTHS } from './format.ts';
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

/**
 * Writes one English phrase, filling in its {{values}}: the default for the CLI and CSV files.
 * A face that writes in the reader's language passes its own, keyed by the English template.
 */
export type Say = (template: string, values?: Record<string, string>) => string;
export const sayInEnglish: Say = (template, values = {}) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

function month(asOf: string | null, say: Say): string {
  const m = /^(\d{4})-(\d{2})/.exec(asOf ?? '');
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${say(name)} ${m[1]}` : say('(date not known)');
}

function day(asOf: string | null, say: Say): string {
  const m = /^\d{4}-\d{2}-(\d{2})$/.exec(asOf ?? '');
  return m ? `${Number(m[1])} ${month(asOf, say)}` : month(asOf, say);
}

/** Results describe an academic year, held as the date it ends: 2019-08-31 is 2018/19. */
export function academicYearOf(asOf: string | null, say: Say = sayInEnglish): string {
  const year = Number(asOf?.slice(0, 4));
  return Number.isInteger(year) && year > 0
    ? `${year - 1}/${String(year).slice(2)}`
    : say('(year not known)');
}

function academicYear(source: DataSource, say: Say): string {
  const label = academicYearOf(source.asOf, say);
  return source.status === 'provisional' ? say('{{year}} provisional', { year: label }) : label;
}

function results(ks2: DataSource | undefined, ks4: DataSource | undefined, say: Say): string[] {
  if (ks2 && ks4 && academicYear(ks2, say) === academicYear(ks4, say))
    return [say('KS2/KS4 {{year}}', { year: academicYear(ks2, say) })];
  return [
    ks2 && say('KS2 {{year}}', { year: academicYear(ks2, say) }),
    ks4 && say('KS4 {{year}}', { year: academicYear(ks4, say) }),
  ].filter((s): s is string => s !== undefined);
}

/**
 * The dataset in one line, as every page, CSV and command shows it: "School data: GIAS January
 * 2019, Ofsted to March 2020, KS2/KS4 2018/19". `separator` joins the sources (a CSV comment
 * line uses "; " so that a spreadsheet keeps it in one cell); `say` writes it in another language.
 */
export function describeProvenance(
  provenance: DatasetProvenance,
  separator = ', ',
  say: Say = sayInEnglish,
): string {
  const of = (kind: string) => provenance.sources.find((s) => s.kind === kind);
  // Beside real files, each made-up one says so itself; when all of it is made up, the line does.
  const mixed = provenance.sources.some((s) => !s.synthetic) && provenance.sources.some((s) => s.synthetic);
  const label = (kind: string, text: string) =>
    mixed && of(kind)!.synthetic
      ? say('{{source}} (synthetic: made-up schools, not real ones)', { source: text })
      : text;
  const dated = (kind: string, template: string, when = month) =>
    of(kind) && label(kind, say(template, { month: when(of(kind)!.asOf, say) }));
  const parts = [
    dated('gias', 'GIAS {{month}}'),
    dated('ofsted', 'Ofsted to {{month}}'),
    dated('ofsted-ratings', 'Ofsted ratings as published on {{month}}', day),
    ...results(of('ks2'), of('ks4'), say),
    dated('census', 'school census {{month}}'),
    dated('links', 'GIAS links {{month}}'),
    dated('wales-schools', 'Welsh schools list {{month}}'),
    dated('estyn', 'Estyn to {{month}}'),
    dated('wales-categorisation', 'Welsh categorisation {{month}}', (asOf) => academicYearOf(asOf, say)),
  ].filter((p): p is string => typeof p === 'string');
  const list = parts.length > 0 ? parts.join(separator) : say('none imported yet');
  return provenance.synthetic && !mixed
    ? say('School data: synthetic, made up for testing and demonstration, not real schools ({{list}})', {
        list,
      })
    : say('School data: {{list}}', { list });
}

/**
 * The first line of every CSV the service writes, so that a file passed on still says what it
 * rests on, then any note on how real some figures are; "; " keeps it in one cell of a spreadsheet.
 * In English unless `say` writes it in the reader's language.
 */
export function provenanceComment(
  provenance: DatasetProvenance,
  notes: string[] = [],
  say: Say = sayInEnglish,
): string {
  return `# ${[describeProvenance(provenance, '; ', say), ...notes].join('; ')}\n`;
}
