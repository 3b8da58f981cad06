/**
 * `count` generated schools (seed 1) with their inspections and results, written to `out` and
 * imported through the importer into the database at `url`: what `withImportedDataset` runs in a
 * process of its own.
 *
 *   node --import tsx bench/fill-generated.ts <database url> <count> <out folder>
 */
import path from 'node:path';
import { createDb } from '../src/data/db.ts';
import { generateDataset, GENERATED_FILES } from '../src/ingest/generate/generate.ts';
import { importFile } from '../src/ingest/import-file.ts';

const [url, count, out] = process.argv.slice(2);
if (!url || !count || !out) throw new Error('usage: fill-generated.ts <database url> <count> <out folder>');
const db = createDb(url);
try {
  await generateDataset({ schools: Number(count), seed: 1, out });
  for (const kind of ['gias', 'ofsted'] as const)
    await importFile(db, kind, path.join(out, GENERATED_FILES[kind]));
  for (const file of [GENERATED_FILES.ks2, GENERATED_FILES.ks4])
    await importFile(db, 'performance', path.join(out, file));
} finally {
  await db.destroy();
}
