import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../data/db.ts';
import type { ResultsStatus } from '../domain/school.ts';
import {
  recordImport,
  registryUrns,
  upsertInspections,
  upsertLinks,
  upsertOfstedRatings,
  upsertPerformance,
  updateCensusFigures,
  upsertSchools,
  upsertCategorisations,
  upsertWelshSchools,
  type UpsertCounts,
} from '../data/registry-import.ts';
import { readCensus } from './census.ts';
import { readEstyn } from './estyn.ts';
import { readGias } from './gias.ts';
import { RowProblems } from './import-error.ts';
import type { FileKind } from './kinds.ts';
import { readLinks } from './links.ts';
import { readOfsted } from './ofsted.ts';
import { readOfstedRatings } from './ofsted-ratings.ts';
import { readPerformance } from './performance.ts';
import type { RecordSource } from './source.ts';
import { readWalesCategorisation } from './wales-categorisation.ts';
import { readWalesSchools } from './wales-schools.ts';

export const IMPORT_KINDS = [
  'gias',
  'ofsted',
  'ofsted-ratings',
  'performance',
  'links',
  'census',
  'wales-schools',
  'estyn',
  'wales-categorisation',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The generator writes this beside its files; the registry then marks those schools synthetic. */
export const SYNTHETIC_MANIFEST = 's2s-synthetic.json';

export interface ImportOptions {
  /** Performance tables: the calendar year the academic year ends (else read from the path). */
  year?: number;
  /** Performance tables: provisional or final (else read from the file name). */
  status?: ResultsStatus;
  /** What the data describes as of (else read from the file name or its rows). */
  asOf?: string;
  /** Default: true when the file sits beside a synthetic-dataset manifest. */
  synthetic?: boolean;
  /** Read, check and write everything, then roll it all back: what an import would change. */
  dryRun?: boolean;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  batchSize?: number;
}

export interface ImportSummary {
  /** The import's record; null for a dry run, which records nothing. */
  importId: number | null;
  kind: FileKind;
  file: string;
  synthetic: boolean;
  asOf: string | null;
  /** Results tables: provisional or final. */
  resultsStatus: ResultsStatus | null;
  dryRun: boolean;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Schools whose provisional results this (final) table replaced. */
  replacedProvisional: number;
  /** Rows of national, regional or local-authority totals, and notes lines, skipped (also in `skipped`). */
  skippedTotals: number;
  skipped: { reason: string; count: number }[];
}

const NOT_IN_REGISTRY = 'URN not in the registry (import the GIAS extract first)';
const KEPT_FINAL = 'final results already held for the year: provisional figures not applied';

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

/** Thrown to roll a dry run back once its summary is known. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
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
  const settings = { ...options, synthetic: options.synthetic ?? isSynthetic(file) };
  const read = { onProgress: options.onProgress };
  const run = <T>(p: Plan<T>) => runImport(db, file, p, settings);
  switch (kind) {
    case 'gias':
      return run({
        open: (problems) => readGias(file, { ...read, problems }),
        write: (trx, batch) => upsertSchools(trx, batch, settings.synthetic),
      });
    case 'ofsted':
      return run({
        open: (problems) => readOfsted(file, { ...read, problems }),
        write: upsertInspections,
        urnOf: (r) => r.urn,
      });
    case 'ofsted-ratings':
      return run({
        open: (problems) => readOfstedRatings(file, { ...read, problems, asOf: options.asOf }),
        write: upsertOfstedRatings,
        urnOf: (r) => r.urn,
      });
    case 'performance':
      return run({
        open: (problems) =>
          readPerformance(file, { ...read, problems, year: options.year, status: options.status }),
        write: upsertPerformance,
        urnOf: (r) => r.urn,
      });
    case 'links':
      return run({ open: (problems) => readLinks(file, { ...read, problems }), write: upsertLinks });
    case 'wales-schools':
      return run({
        open: (problems) => readWalesSchools(file, { ...read, problems }),
        write: (trx, batch) => upsertWelshSchools(trx, batch, settings.synthetic),
      });
    case 'estyn':
      return run({
        open: (problems) => readEstyn(file, { ...read, problems }),
        write: upsertInspections,
        urnOf: (r) => r.urn,
      });
    case 'wales-categorisation':
      return run({
        open: (problems) => readWalesCategorisation(file, { ...read, problems }),
        write: upsertCategorisations,
        urnOf: (r) => r.urn,
      });
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
  options: ImportOptions & { synthetic: boolean },
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  try {
    return await db.transaction().execute(async (trx) => {
      const problems = new RowProblems(path.basename(file));
      const source = await plan.open(problems);
      const registry = plan.urnOf ? await registryUrns(trx) : null;
      const totals = { inserted: 0, updated: 0, written: 0, replacedProvisional: 0 };
      let batch: T[] = [];
      const flush = async () => {
        const counts = await plan.write(trx, batch);
        totals.inserted += counts.inserted;
        totals.updated += counts.updated;
        totals.replacedProvisional += counts.replacedProvisional ?? 0;
        totals.written += batch.length - (counts.keptFinal ?? 0);
        if (counts.keptFinal) problems.skip(KEPT_FINAL, counts.keptFinal);
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
      const asOf = options.asOf ?? source.asOf();
      const resultsStatus = source.resultsStatus ?? null;
      const record = {
        kind: source.kind,
        fileName: source.name,
        sha256: source.sha256(),
        synthetic: options.synthetic,
        rowsRead: source.rowsRead(),
        inserted: totals.inserted,
        updated: totals.updated,
        skipped: skipped.reduce((sum, s) => sum + s.count, 0),
        asOf,
        resultsStatus,
      };
      const summary: ImportSummary = {
        importId: options.dryRun ? null : await recordImport(trx, record),
        kind: source.kind,
        file: source.name,
        synthetic: options.synthetic,
        asOf,
        resultsStatus,
        dryRun: options.dryRun ?? false,
        rowsRead: record.rowsRead,
        inserted: totals.inserted,
        updated: totals.updated,
        unchanged: totals.written - totals.inserted - totals.updated,
        replacedProvisional: totals.replacedProvisional,
        skippedTotals: problems.skippedTotals,
        skipped,
      };
      if (options.dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}
