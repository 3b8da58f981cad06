import type { ResultsStatus } from '../domain/school.ts';
import type { RowProblems } from './import-error.ts';
import type { FileKind } from './kinds.ts';
import type { Row } from './row.ts';

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

/** For files with one row per school: each row's URN, refusing a missing or repeated one. */
export class UniqueUrns {
  private readonly duplicates = new DuplicateCheck<number>((urn) => `URN ${urn}`);

  /** The row's URN, or null (with the problem noted against the row) when it is missing, malformed or repeated. */
  take(r: Row): number | null {
    const urn = r.integer('URN', { min: 1 });
    if (urn === null) {
      if (r.text('URN') === null) r.problem('URN', 'the URN is missing');
      return null;
    }
    const first = this.duplicates.firstRow(urn, r.row);
    if (first === undefined) return urn;
    r.problem('URN', this.duplicates.message(urn, first));
    return null;
  }
}
