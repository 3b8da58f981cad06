import type { RowProblems } from './import-error.ts';

/**
 * Published files mark a value that is absent for a reason rather than zero: suppressed (SUPP,
 * c), not published (NP), no entries (NE), low coverage (LOWCOV), not applicable (NA, z, x),
 * new school (NEW). All of them mean "no figure", never a malformed one.
 */
const NO_FIGURE = new Set([
  '',
  'NA',
  'N/A',
  'SUPP',
  'NP',
  'NE',
  'LOWCOV',
  'NEW',
  'X',
  'Z',
  'C',
  'U',
  '..',
  ':',
  '-',
]);

// "61." is refused: a number cut short, as at the end of a partial download.
const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

export interface Bounds {
  min?: number;
  max?: number;
}

/** Column positions by header name, as the file spells them. */
export class Columns {
  private readonly index = new Map<string, number>();

  constructor(readonly header: string[]) {
    header.forEach((name, i) => {
      if (!this.index.has(name)) this.index.set(name, i);
    });
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  /** The first of several spellings (publishers rename columns between releases) that is present. */
  pick(...names: string[]): string | undefined {
    return names.find((n) => this.index.has(n));
  }

  position(name: string): number | undefined {
    return this.index.get(name);
  }
}

/** One data row, with typed accessors that report a malformed value against its row and field. */
export class Row {
  constructor(
    readonly values: string[],
    readonly row: number,
    private readonly columns: Columns,
    private readonly problems: RowProblems,
  ) {}

  /** The trimmed text of a column, or null when the column is absent or the cell empty. */
  text(column: string | undefined): string | null {
    if (column === undefined) return null;
    const i = this.columns.position(column);
    if (i === undefined) return null;
    const value = (this.values[i] ?? '').trim();
    return value === '' ? null : value;
  }

  problem(field: string | undefined, message: string): void {
    this.problems.add(this.row, field, message);
  }

  number(column: string | undefined, bounds: Bounds & { percent?: boolean } = {}): number | null {
    const value = this.text(column);
    if (value === null || NO_FIGURE.has(value.toUpperCase())) return null;
    let digits = value.replace(/,/g, '');
    if (bounds.percent && digits.endsWith('%')) digits = digits.slice(0, -1).trim();
    if (!NUMBER.test(digits)) {
      this.problem(column, `"${value}" is not a number`);
      return null;
    }
    const n = Number(digits);
    if ((bounds.min !== undefined && n < bounds.min) || (bounds.max !== undefined && n > bounds.max)) {
      this.problem(column, `${value} is out of range (${bounds.min ?? '…'} to ${bounds.max ?? '…'})`);
      return null;
    }
    return n;
  }

  integer(column: string | undefined, bounds: Bounds = {}): number | null {
    const n = this.number(column, bounds);
    if (n !== null && !Number.isInteger(n)) {
      this.problem(column, `"${this.text(column)}" is not a whole number`);
      return null;
    }
    return n;
  }

  /** Dates as published: dd/mm/yyyy, dd-mm-yyyy, yyyymmdd or ISO yyyy-mm-dd. Returns ISO. */
  date(column: string | undefined): string | null {
    const value = this.text(column);
    if (value === null || NO_FIGURE.has(value.toUpperCase())) return null;
    const iso = isoDate(value);
    if (iso === null) this.problem(column, `"${value}" is not a date (expected dd/mm/yyyy)`);
    return iso;
  }

  /** Every non-empty cell by its header, so nothing published is lost. */
  raw(): Record<string, string> {
    const out: Record<string, string> = {};
    this.columns.header.forEach((name, i) => {
      const v = (this.values[i] ?? '').trim();
      if (v !== '' && name !== '') out[name] = v;
    });
    return out;
  }
}

export function isoDate(value: string): string | null {
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(value);
  let [y, mo, d] = m ? [m[3], m[2], m[1]] : [];
  if (!m) {
    m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(value);
    if (m) [y, mo, d] = [m[1], m[2], m[3]];
  }
  if (!y || !mo || !d) return null;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso ? null : iso;
}
