import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../data/db.ts';
import {
  recordImport,
  registryUrns,
  upsertInspections,
  upsertLinks,
  upsertPerformance,
  updateCensusFigures,
  upsertSchools,
  type UpsertCounts,
} from '../data/registry-import.ts';
import { readCensus } from './census.ts';
import { readGias } from './gias.ts';
import { RowProblems } from './import-error.ts';
import type { FileKind } from './kinds.ts';
import { readLinks } from './links.ts';
import { readOfsted } from './ofsted.ts';
import { readPerformance } from './performance.ts';
import type { RecordSource } from './source.ts';

export const IMPORT_KINDS = ['gias', 'ofsted', 'performance', 'links', 'census'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The generator writes this beside its files; the registry then marks those schools synthetic. */
export const SYNTHETIC_MANIFEST = 's2s-synthetic.json';

export interface ImportOptions {
  /** Performance tables: the calendar year the academic year ends (else read from the path). */
  year?: number;
  /** Default: true when the file sits beside a synthetic-dataset manifest. */
  synthetic?: boolean;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  batchSize?: number;
}

export interface ImportSummary {
  importId: number;
  kind: FileKind;
  file: string;
  synthetic: boolean;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: { reason: string; count: number }[];
}

const NOT_IN_REGISTRY = 'URN not in the registry (import the GIAS extract first)';

/** A file is synthetic when a generator's manifest sits in its folder or the one above (year folders). */
export function isSynthetic(file: string): boolean {
  const folder = path.dirname(path.resolve(file));
  return [folder, path.dirname(folder)].some((dir) => existsSync(path.join(dir, SYNTHETIC_MANIFEST)));
}

interface Plan<T> {
  open: (problems: RowProblems) => Promise<RecordSource<T>>;
  write: (db: Parameters<typeof upsertLinks>[0], batch: T[]) => Promise<UpsertCounts>;
  /** Records about a school are kept only for schools in the registry. */
  urnOf?: (record: T) => number;
}

/**
 * Imports one published file into the registry, all or nothing: the whole file is read and
 * written inside one transaction, and any problem found on the way rolls it back.
 */
export async function importFile(
  db: Db,
  kind: ImportKind,
  file: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const synthetic = options.synthetic ?? isSynthetic(file);
  const read = { onProgress: options.onProgress };
  const run = <T>(p: Plan<T>) => runImport(db, file, p, synthetic, options.batchSize ?? 1000);
  switch (kind) {
    case 'gias':
      return run({
        open: (problems) => readGias(file, { ...read, problems }),
        write: (trx, batch) => upsertSchools(trx, batch, synthetic),
      });
    case 'ofsted':
      return run({
        open: (problems) => readOfsted(file, { ...read, problems }),
        write: upsertInspections,
        urnOf: (r) => r.urn,
      });
    case 'performance':
      return run({
        open: (problems) => readPerformance(file, { ...read, problems, year: options.year }),
        write: upsertPerformance,
        urnOf: (r) => r.urn,
      });
    case 'links':
      return run({ open: (problems) => readLinks(file, { ...read, problems }), write: upsertLinks });
    case 'census':
      return run({
        open: (problems) => readCensus(file, { ...read, problems }),
        write: updateCensusFigures,
        urnOf: (r) => r.urn,
      });
  }
}

async function runImport<T>(
  db: Db,
  file: string,
  plan: Plan<T>,
  synthetic: boolean,
  batchSize: number,
): Promise<ImportSummary> {
  return db.transaction().execute(async (trx) => {
    const problems = new RowProblems(path.basename(file));
    const source = await plan.open(problems);
    const registry = plan.urnOf ? await registryUrns(trx) : null;
    const totals = { inserted: 0, updated: 0, written: 0 };
    let batch: T[] = [];
    const flush = async () => {
      const counts = await plan.write(trx, batch);
      totals.inserted += counts.inserted;
      totals.updated += counts.updated;
      totals.written += batch.length;
      batch = [];
    };
    for await (const record of source.records) {
      if (registry && plan.urnOf && !registry.has(plan.urnOf(record))) {
        problems.skip(NOT_IN_REGISTRY);
        continue;
      }
      batch.push(record);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    const skipped = [...problems.skipped].map(([reason, count]) => ({ reason, count }));
    const skippedTotal = skipped.reduce((sum, s) => sum + s.count, 0);
    const importId = await recordImport(trx, {
      kind: source.kind,
      fileName: source.name,
      sha256: source.sha256(),
      synthetic,
      rowsRead: source.rowsRead(),
      inserted: totals.inserted,
      updated: totals.updated,
      skipped: skippedTotal,
    });
    return {
      importId,
      kind: source.kind,
      file: source.name,
      synthetic,
      rowsRead: source.rowsRead(),
      inserted: totals.inserted,
      updated: totals.updated,
      unchanged: totals.written - totals.inserted - totals.updated,
      skipped,
    };
  });
}
