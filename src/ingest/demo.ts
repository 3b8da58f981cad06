import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../data/db.ts';
import { schoolCount } from '../data/registry-import.ts';
import { importFile, type ImportKind, type ImportSummary } from './import-file.ts';

/** The bundled demo dataset: real 2018/19 public data in the published layouts (see README). */
export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/demo');

export const DEMO_FILES = {
  gias: 'edubasealldata20190117.csv.gz',
  census: '2018-2019/england_census.csv.gz',
  links: 'links_edubasealldata20250422.csv.gz',
  ofsted: 'ofsted-inspections-outcomes-to-march-2020.csv.gz',
  ks2: '2018-2019/england_ks2final.csv.gz',
  ks4: '2018-2019/england_ks4final.csv.gz',
} as const;

/** In dependency order: results and inspections attach to schools already in the registry. */
const ORDER: [keyof typeof DEMO_FILES, ImportKind][] = [
  ['gias', 'gias'],
  ['census', 'census'],
  ['links', 'links'],
  ['ofsted', 'ofsted'],
  ['ks2', 'performance'],
  ['ks4', 'performance'],
];

/** Imports a dataset's files (the demo's, or a generated one's) through the same path as `s2s import`. */
export async function importDataset(
  db: Db,
  dir: string,
  files: Partial<Record<keyof typeof DEMO_FILES, string>> = DEMO_FILES,
  log: (line: string) => void = () => {},
): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const [key, kind] of ORDER) {
    const file = files[key];
    if (file === undefined) continue;
    const summary = await importFile(db, kind, path.join(dir, file));
    log(`${summary.file}: ${summary.inserted} inserted, ${summary.updated} updated`);
    summaries.push(summary);
  }
  return summaries;
}

/**
 * On first start with an empty registry, loads the bundled demo dataset so that a newcomer sees
 * real schools at once. Returns the import summaries, or null when the registry had schools.
 */
export async function loadDemoIfEmpty(
  db: Db,
  log: (line: string) => void = () => {},
): Promise<ImportSummary[] | null> {
  if ((await schoolCount(db)) > 0) return null;
  log('The registry is empty: loading the bundled demo dataset (real 2018/19 public data)…');
  return importDataset(db, DEMO_DIR, DEMO_FILES, log);
}
