/**
 * One school's partner search through the JSON API (`GET /api/schools/{urn}/partners`) on a
 * synthetic national dataset imported into a real PostgreSQL, against the plain record lookup
 * (`GET /api/schools/{urn}`, one indexed read) as the baseline, in the same run. Prints the
 * median and 95th percentile; asserts nothing about time.
 *
 *   node --import tsx bench/matching-api.ts              # 22,000 schools
 *   node --import tsx bench/matching-api.ts --schools 5000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/data/db.ts';
import { startEmbeddedPostgres } from '../src/data/embedded.ts';
import { migrateToLatest } from '../src/data/migrate.ts';
import { generateDataset, GENERATED_FILES } from '../src/ingest/generate/generate.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { buildApp } from '../src/web/app.ts';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--schools') + 1] ?? '') || 22_000;
const SAMPLE = 300;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-bench-matching-api-'));
fs.chmodSync(work, 0o755);
const pg = await startEmbeddedPostgres(path.join(work, 'pg'), { database: 'postgres' });
const db = createDb(pg.url);
try {
  await migrateToLatest(db);
  const out = path.join(work, 'data');
  await generateDataset({ schools: count, seed: 1, out });
  for (const kind of ['gias', 'ofsted'] as const)
    await importFile(db, kind, path.join(out, GENERATED_FILES[kind]));
  for (const file of [GENERATED_FILES.ks2, GENERATED_FILES.ks4])
    await importFile(db, 'performance', path.join(out, file));

  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), db });
  await app.ready();
  const snapshotStart = performance.now();
  const snapshot = await app.snapshots.get();
  const snapshotMs = performance.now() - snapshotStart;
  const step = Math.max(1, Math.floor(snapshot.schools.length / SAMPLE));
  const urns = snapshot.schools
    .filter((_, i) => i % step === 0)
    .slice(0, SAMPLE)
    .map((s) => s.urn);

  let answered = 0;
  const measure = async (url: (urn: number) => string): Promise<number[]> => {
    for (const urn of urns.slice(0, 30)) await app.inject({ url: url(urn) }); // warm up
    const times: number[] = [];
    for (const urn of urns) {
      const start = performance.now();
      const response = await app.inject({ url: url(urn) });
      times.push(performance.now() - start);
      // A school with no location on record answers 422; anything else is a failure, not a figure.
      if (response.statusCode !== 200 && response.statusCode !== 422) {
        throw new Error(`${url(urn)}: ${response.statusCode} ${response.body}`);
      }
      if (response.statusCode === 200) answered++;
    }
    return times.sort((a, b) => a - b);
  };
  const partners = await measure((urn) => `/api/schools/${urn}/partners?strategy=support`);
  const record = await measure((urn) => `/api/schools/${urn}`);
  const median = (t: number[]) => percentile(t, 0.5);
  console.log(
    `${snapshot.schools.length.toLocaleString('en-GB')} open schools imported; snapshot built in ${(snapshotMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `${urns.length} schools (${answered} of ${urns.length * 2} answers with a result), through app.inject (no network):`,
  );
  console.log(
    `  partners  median ${median(partners).toFixed(2)} ms, 95th percentile ${percentile(partners, 0.95).toFixed(2)} ms`,
  );
  console.log(
    `  record    median ${median(record).toFixed(2)} ms, 95th percentile ${percentile(record, 0.95).toFixed(2)} ms (baseline)`,
  );
  console.log(
    `  a partner search costs ${(median(partners) / median(record)).toFixed(1)}× a plain record read`,
  );
  await app.close();
} finally {
  await db.destroy();
  await pg.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
