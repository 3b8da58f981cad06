import type { RowProblems } from './import-error.ts';
import type { FileKind } from './kinds.ts';

/** What every reader returns: domain records streamed from one file. */
export interface RecordSource<T> {
  kind: FileKind;
  name: string;
  records: AsyncIterable<T>;
  sha256(): string;
  rowsRead(): number;
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
