/**
 * Import of a GIAS establishments extract: rows per second and peak memory, against parsing the
 * same CSV alone (the plain baseline) in the same run.
 *
 *   node --expose-gc --import tsx bench/import.ts             # 5,000 schools (quick)
 *   node --expose-gc --import tsx bench/import.ts --national  # 50,000 rows, the size of GIAS's full extract
 *   node --expose-gc --import tsx bench/import.ts --schools 150000
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { generateDataset, GENERATED_FILES } from '../src/ingest/generate/generate.ts';
import { readGias } from '../src/ingest/gias.ts';
import { RowProblems } from '../src/ingest/import-error.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { benchDatabase } from './database.ts';

const args = process.argv.slice(2);
const schools = args.includes('--national')
  ? 50_000
  : Number(args[args.indexOf('--schools') + 1] ?? '') || 5_000;

/**
 * Runs `work`, sampling the JavaScript heap every 20 ms; returns seconds and the peak heap above
 * where it started (run with --expose-gc so that each run starts from a collected heap).
 */
async function measure(work: () => Promise<unknown>): Promise<{ seconds: number; peakMb: number }> {
  global.gc?.();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const t0 = performance.now();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { seconds, peakMb: (peak - start) / 1_048_576 };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 's2s-bench-import-'));
await generateDataset({ schools, seed: 1, out: dir });
const file = path.join(dir, GENERATED_FILES.gias);
const megabytes = (await stat(file)).size / 1_048_576;

const parseOnly = async () => {
  const parser = createReadStream(file)
    .pipe(iconv.decodeStream('win1252'))
    .pipe(parse({ relax_column_count: true }));
  for await (const _ of parser);
};
await parseOnly(); // warm up the JIT so the baseline is not flattered by the runs after it
const baseline = await measure(parseOnly);
const reader = await measure(async () => {
  const source = await readGias(file, { problems: new RowProblems('bench') });
  for await (const _ of source.records);
});
const { db, close } = await benchDatabase();
const first = await measure(() => importFile(db, 'gias', file));
const again = await measure(() => importFile(db, 'gias', file));
await close();
await rm(dir, { recursive: true, force: true });

const row = (label: string, m: { seconds: number; peakMb: number }) =>
  `${label.padEnd(34)} ${String(Math.round(schools / m.seconds)).padStart(8)} rows/s  ${m.seconds.toFixed(2).padStart(7)} s  ` +
  `heap peak +${m.peakMb.toFixed(0).padStart(4)} MB  ${(m.seconds / baseline.seconds).toFixed(1).padStart(6)}× baseline`;
process.stdout.write(
  [
    `GIAS import: ${schools} rows, ${megabytes.toFixed(1)} MB (Windows-1252)`,
    row('baseline: decode + csv-parse only', baseline),
    row('reader: rows to schools', reader),
    row('import into PostgreSQL (new)', first),
    row('import again (nothing changes)', again),
    '',
  ].join('\n'),
);
