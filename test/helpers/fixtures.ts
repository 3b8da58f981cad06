import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RowProblems } from '../../src/ingest/import-error.ts';
import type { RecordSource } from '../../src/ingest/source.ts';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Reads a whole file through a reader, as the loader would. */
export async function readAll<T>(
  open: (file: string, options: { problems: RowProblems }) => Promise<RecordSource<T>>,
  name: string,
): Promise<{ records: T[]; problems: RowProblems }> {
  const problems = new RowProblems(path.basename(name));
  const source = await open(fixture(name), { problems });
  const records: T[] = [];
  for await (const r of source.records) records.push(r);
  return { records, problems };
}
