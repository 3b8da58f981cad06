import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

/**
 * A spreadsheet runs a cell that begins with one of these as a formula (or, for tab and carriage
 * return, a formula after them), so a school's name or a plan's title could run code on the
 * reader's machine. OWASP's guidance: prefix such a cell with a single quote so it is shown as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as it is safe to write: text that could start a formula is shown as text. */
export function spreadsheetSafe(cell: CsvCell): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Every CSV the service writes goes through here: a header row, then the rows, each cell made
 * spreadsheet-safe and quoted where it needs to be. Numbers stay numbers (a negative distance or
 * score is a value, not a formula); text never starts a formula.
 */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const records: (string | number)[][] = [header.map(spreadsheetSafe)];
  for (const row of rows) records.push(row.map(spreadsheetSafe));
  return stringify(records);
}
