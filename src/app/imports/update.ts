import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { lastImportedSha256 } from '../../data/provenance.ts';
import type { DatasetProvenance } from '../../domain/provenance.ts';
import { download, isPublished } from '../../ingest/download.ts';
import { ImportError } from '../../ingest/import-error.ts';
import { importFile, type ImportKind, type ImportSummary } from '../../ingest/import-file.ts';
import { sourceCandidates, sourceTemplates, type Candidate } from '../../ingest/publishers.ts';
import { UPDATE_SOURCE_LABELS, UPDATE_SOURCES, type UpdateSource } from '../../domain/update-sources.ts';
import { today, type AppContext } from '../context.ts';
import { datasetProvenance } from '../provenance.ts';

export { UPDATE_SOURCE_LABELS };

/** What happened to one source. */
export type SourceOutcome =
  | 'imported' // a new release, imported
  | 'checked' // a new release, read and checked in a dry run, not written
  | 'unchanged' // the same file as last imported
  | 'not-found' // nothing at any of its addresses
  | 'not-configured' // no address known: set S2S_UPDATE_<SOURCE>_URL or use --from
  | 'failed'; // found, but it could not be downloaded or imported: nothing of it was written

export interface SourceReport {
  source: UpdateSource;
  outcome: SourceOutcome;
  url: string | null;
  message: string | null;
  summary: ImportSummary | null;
}

/** What `s2s update --json` prints. */
export interface UpdateReport {
  dryRun: boolean;
  sources: SourceReport[];
  dataset: DatasetProvenance;
}

export interface UpdateOptions {
  /** A mirror holding every source under the publishers' names (see PUBLISHED_FILES); else each
   * source's S2S_UPDATE_<SOURCE>_URL or publisher's address. */
  from?: string;
  dryRun?: boolean;
  /** Says what it is doing, for a person watching. */
  log?: (line: string) => void;
  /** Progress of the current download or import, in bytes. */
  progress?: (label: string) => { update: (done: number, total: number) => void; stop: () => void };
}

const KIND: Record<UpdateSource, ImportKind> = {
  gias: 'gias',
  links: 'links',
  ofsted: 'ofsted',
  ks2: 'performance',
  ks4: 'performance',
};

async function findLatest(candidates: Candidate[]): Promise<Candidate | null> {
  for (const candidate of candidates) if (await isPublished(candidate.url)) return candidate;
  return null;
}

/**
 * Fetches the latest published files, in the order they depend on one another (schools first),
 * checks and imports each (each all or nothing, as `s2s import` does), and says what changed. A
 * file that is the one imported last time is left alone; one that fails changes nothing and the
 * others still go ahead.
 */
export async function updateFromPublishers(
  ctx: Pick<AppContext, 'db' | 'snapshots' | 'config' | 'now'>,
  options: UpdateOptions,
): Promise<UpdateReport> {
  const { db } = ctx;
  const log = options.log ?? (() => {});
  const progress = options.progress ?? (() => ({ update: () => {}, stop: () => {} }));
  const work = await mkdtemp(path.join(os.tmpdir(), 's2s-update-'));
  const report = (
    source: UpdateSource,
    outcome: SourceOutcome,
    rest: Partial<Omit<SourceReport, 'source' | 'outcome'>> = {},
  ): SourceReport => ({ source, outcome, url: null, message: null, summary: null, ...rest });

  const one = async (source: UpdateSource): Promise<SourceReport> => {
    const templates = sourceTemplates(source, ctx.config.updateAddresses[source], options.from);
    if (templates.length === 0)
      return report(source, 'not-configured', {
        message: `no address: set S2S_UPDATE_${source.toUpperCase()}_URL or give --from`,
      });
    log(`Looking for the latest ${UPDATE_SOURCE_LABELS[source]}…`);
    let found: Candidate | null;
    try {
      found = await findLatest(sourceCandidates(templates, today(ctx)));
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      return report(source, 'failed', { message: `cannot reach ${templates[0]} (${cause})` });
    }
    if (!found)
      return report(source, 'not-found', { message: `nothing published at ${templates.join(' or ')}` });
    const { url } = found;
    const file = path.join(work, source, path.basename(new URL(url).pathname));
    await mkdir(path.dirname(file), { recursive: true });
    const bar = progress(`Downloading ${path.basename(file)}`);
    let sha256: string;
    try {
      ({ sha256 } = await download(url, file, bar.update));
    } catch (error) {
      return report(source, 'failed', { url, message: (error as Error).message });
    } finally {
      bar.stop();
    }
    if (sha256 === (await lastImportedSha256(db, source)))
      return report(source, 'unchanged', { url, message: 'the same file as imported last time' });
    const importing = progress(`${options.dryRun ? 'Checking' : 'Importing'} ${path.basename(file)}`);
    try {
      const summary = await importFile(db, KIND[source], file, {
        year: found.year,
        dryRun: options.dryRun,
        onProgress: importing.update,
      });
      return report(source, options.dryRun ? 'checked' : 'imported', { url, summary });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      return report(source, 'failed', { url, message: `${error.message}\nNothing was imported from it.` });
    } finally {
      importing.stop();
    }
  };

  try {
    const sources: SourceReport[] = [];
    for (const source of UPDATE_SOURCES) sources.push(await one(source));
    if (sources.some((s) => s.outcome === 'imported')) ctx.snapshots.refreshSoon();
    return { dryRun: options.dryRun ?? false, sources, dataset: await datasetProvenance(ctx) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
