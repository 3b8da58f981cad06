import { generateDataset } from '../../ingest/generate/generate.ts';
import { ImportError } from '../../ingest/import-error.ts';
import {
  importFile,
  type ImportKind,
  type ImportOptions,
  type ImportSummary,
} from '../../ingest/import-file.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export { IMPORT_KINDS, type ImportKind, type ImportSummary } from '../../ingest/import-file.ts';
export { KIND_LABELS } from '../../ingest/kinds.ts';

/**
 * Imports a published file as downloaded: all of it or, on any problem, none of it, with a
 * message naming the file, row and field. Answers from memory follow the new data at once.
 */
export async function importPublishedFile(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  kind: ImportKind,
  file: string,
  options: ImportOptions,
): Promise<Result<ImportSummary>> {
  try {
    const summary = await importFile(ctx.db, kind, file, options);
    ctx.snapshots.refreshSoon();
    return ok(summary);
  } catch (error) {
    if (error instanceof ImportError) return fail('invalid-input', `${error.message}\nNothing was imported.`);
    throw error;
  }
}

/** Writes a synthetic dataset in the published formats, marked synthetic for when it is imported. */
export const generateSyntheticDataset = generateDataset;
