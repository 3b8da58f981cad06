import type { ResultsStatus } from '../domain/school.ts';
import type { CsvFile } from './csv.ts';
import type { RowProblems } from './import-error.ts';
import type { FileKind } from './kinds.ts';
import type { Row } from './row.ts';
import { URN_BOUNDS, UrnTable } from './urn-table.ts';

/** What every reader returns: domain records streamed from one file. */
export interface RecordSource<T> {
  kind: FileKind;
  name: string;
  records: AsyncIterable<T>;
  sha256(): string;
  rowsRead(): number;
  /**
   * What the data describes as of, for provenance: an ISO date, or yyyy-mm for the January
   * school census; complete once `records` is exhausted. Null when the file does not say.
   */
  asOf(): string | null;
  /** Results tables only: provisional or final. */
  resultsStatus?: ResultsStatus;
}

/** A reader's answer: its records from an opened file, and what they are as of. */
export function recordSource<T>(
  kind: FileKind,
  csv: CsvFile,
  records: AsyncIterable<T>,
  asOf: () => string | null,
  resultsStatus?: ResultsStatus,
): RecordSource<T> {
  return {
    kind,
    name: csv.name,
    records,
    sha256: csv.sha256,
    rowsRead: csv.rowsRead,
    asOf,
    ...(resultsStatus ? { resultsStatus } : {}),
  };
}

export interface ReadOptions {
  problems: RowProblems;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Reports a key seen twice in one file, naming both rows. */
export class DuplicateCheck<K> {
  private readonly seen = new Map<K, number>();

  constructor(private readonly describe: (key: K) => string) {}

  firstRow(key: K, row: number): number | undefined {
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, row);
    return first;
  }

  message(key: K, first: number): string {
    return `${this.describe(key)} appears twice (first on row ${first})`;
  }
}

/**
 * Inspections seen, by school and start date, to refuse one listed twice, in little memory
 * whatever the file's size: a school's first inspection in typed arrays by URN, and only schools
 * listed again (a file of inspection history) a small typed array of their other dates.
 */
export class UniqueInspections {
  private readonly firstRows = new UrnTable();
  private readonly firstDays = new UrnTable();
  private readonly more = new Map<number, { pairs: Int32Array; length: number }>();

  /** The row that first held this school's inspection of this date; undefined the first time. */
  firstRow(urn: number, isoDate: string, row: number): number | undefined {
    const day = Date.parse(isoDate) / 86_400_000;
    const first = this.firstRows.get(urn);
    if (first === 0) {
      this.firstRows.set(urn, row);
      this.firstDays.set(urn, day);
      return undefined;
    }
    if (this.firstDays.get(urn) === day) return first;
    let other = this.more.get(urn);
    if (!other) this.more.set(urn, (other = { pairs: new Int32Array(8), length: 0 }));
    for (let i = 0; i < other.length; i += 2) if (other.pairs[i] === day) return other.pairs[i + 1];
    if (other.length === other.pairs.length) {
      const grown = new Int32Array(other.pairs.length * 2);
      grown.set(other.pairs);
      other.pairs = grown;
    }
    other.pairs[other.length] = day;
    other.pairs[other.length + 1] = row;
    other.length += 2;
    return undefined;
  }
}

/** For files with one row per school: each row's URN, refusing a missing or repeated one. */
export class UniqueUrns {
  private readonly firstRows = new UrnTable();

  /**
   * The row's URN (or a Welsh school's number, from `column`), or null (with the problem noted
   * against the row) when it is missing, malformed or repeated.
   */
  take(r: Row, column = 'URN'): number | null {
    const urn = r.integer(column, URN_BOUNDS);
    if (urn === null) {
      if (r.text(column) === null) r.problem(column, `the ${column} is missing`);
      return null;
    }
    const first = this.firstRows.get(urn);
    if (first === 0) {
      this.firstRows.set(urn, r.row);
      return urn;
    }
    r.problem(column, `${column} ${urn} appears twice (first on row ${first})`);
    return null;
  }
}
