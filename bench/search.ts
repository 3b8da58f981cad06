/**
 * Search latency at national scale (22,000 schools) and, with --large, at 150,000: the
 * registry's search (full text + trigram indexes) against a plain baseline (a sequential
 * ILIKE scan over names) run on the same database in the same process. Prints figures and
 * ratios; asserts nothing about wall-clock time.
 *
 *   node --import tsx bench/search.ts [--large]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createDb } from '../src/data/db.ts';
import { startEmbeddedPostgres } from '../src/data/embedded.ts';
import { migrateToLatest } from '../src/data/migrate.ts';
import { searchSchools } from '../src/data/schools.ts';
import { generateDataset, GENERATED_FILES } from '../src/ingest/generate/generate.ts';
import { importFile } from '../src/ingest/import-file.ts';

const sizes = process.argv.includes('--large') ? [22_000, 150_000] : [22_000];
const QUERIES = [
  'primary',
  'st mary',
  'academy',
  'church of england',
  'leeds',
  'hill',
  'park junior',
  'saint',
];
const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-bench-search-'));
fs.chmodSync(work, 0o755);
const pg = await startEmbeddedPostgres(path.join(work, 'pg'), { database: 'postgres' });
try {
  console.log(`search latency, median of ${ROUNDS} runs per query, ${QUERIES.length} queries`);
  console.log('schools   | S2S search ms | baseline ILIKE scan ms | ratio (baseline / S2S)');
  for (const size of sizes) {
    const out = path.join(work, `data-${size}`);
    await generateDataset({ schools: size, seed: 1, out });
    const database = `bench_${size}`;
    const admin = createDb(pg.adminUrl, { max: 1 });
    await sql.raw(`create database ${database}`).execute(admin);
    await admin.destroy();
    const db = createDb(pg.adminUrl.replace(/\/postgres$/, `/${database}`));
    await migrateToLatest(db);
    await importFile(db, 'gias', path.join(out, GENERATED_FILES.gias));
    await sql`analyze schools`.execute(db);

    let ours = 0;
    let baseline = 0;
    for (const q of QUERIES) {
      ours += await time(() => searchSchools(db, { q, limit: 20, offset: 0 }));
      baseline += await time(() =>
        sql`select *, count(*) over () from schools where open and name ilike ${`%${q}%`} order by name limit 20`.execute(
          db,
        ),
      );
    }
    const n = QUERIES.length;
    console.log(
      `${String(size).padEnd(9)} | ${(ours / n).toFixed(2).padStart(13)} | ${(baseline / n).toFixed(2).padStart(22)} | ${(baseline / ours).toFixed(2)}`,
    );
    await db.destroy();
  }
} finally {
  await pg.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
