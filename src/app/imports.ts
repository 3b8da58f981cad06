import type { Db } from '../data/db.ts';
import type { DatasetProvenance } from '../domain/provenance.ts';
import {
  importFile,
  type ImportKind,
  type ImportOptions,
  type ImportSummary,
} from '../ingest/import-file.ts';
import { datasetProvenance } from './provenance.ts';

/** What `s2s import --json` prints: the import's summary and the dataset as it now stands. */
export interface ImportResult extends ImportSummary {
  dataset: DatasetProvenance;
}

/**
 * Imports one published file, all or nothing (an `ImportError` names every problem and nothing
 * is written), and says what the data now rests on.
 */
export async function importPublishedFile(
  db: Db,
  kind: ImportKind,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const summary = await importFile(db, kind, file, options);
  return { ...summary, dataset: await datasetProvenance(db) };
}
