/**
 * Imports at scale: rows per second and resident memory, each against parsing the same CSV
 * alone (decode + csv-parse, the plain baseline) in the same run. Two files: a GIAS extract, and
 * an Ofsted inspection outcomes file of many rows (the file that once took 967 MB at 2 million).
 * Every measurement runs in a fresh process, so one's heap does not flatter or burden the next;
 * memory is the peak resident set above that process's idle size.
 *
 *   node --import tsx bench/import.ts             # 5,000 schools, 200,000 inspection rows (quick)
 *   node --import tsx bench/import.ts --national  # 22,000 schools, 2,000,000 inspection rows
 *   node --import tsx bench/import.ts --rows N --schools S
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { createDb } from '../src/data/db.ts';
import { CsvWriter } from '../src/ingest/csv-writer.ts';
import { generateDataset, GENERATED_FILES } from '../src/ingest/generate/generate.ts';
import { importFile, type ImportKind } from '../src/ingest/import-file.ts';
import { inLayout, OFSTED_LAYOUT } from '../src/ingest/layouts.ts';
import { benchDatabase } from './database.ts';

interface Measurement {
  rows: number;
  seconds: number;
  idleMb: number;
  peakMb: number;
}

const MB = 1_048_576;

/** Runs in a child process: one measured job, its figures printed as JSON on the last line. */
async function child([job, file, kind, url]: string[]): Promise<void> {
  const work =
    job === 'parse'
      ? async () => {
          let rows = 0;
          const input = createReadStream(file!);
          const text =
            kind === 'gias' ? input.pipe(iconv.decodeStream('win1252')) : input.setEncoding('utf-8');
          for await (const _ of text.pipe(parse({ relax_column_count: true }))) rows++;
          return rows - 1;
        }
      : async () => {
          const db = createDb(url!, { max: 2 });
          try {
            return (await importFile(db, kind as ImportKind, file!)).rowsRead;
          } finally {
            await db.destroy();
          }
        };
  global.gc?.();
  const idle = process.memoryUsage.rss();
  let peak = idle;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const t0 = performance.now();
  const rows = await work();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  const result: Measurement = { rows, seconds, idleMb: idle / MB, peakMb: (peak - idle) / MB };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function measure(job: 'parse' | 'import', file: string, kind: ImportKind, url = ''): Measurement {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', self, '--child', job, file, kind, url],
    { encoding: 'utf-8', maxBuffer: 16 * MB },
  );
  if (run.status !== 0) throw new Error(`${job} ${kind} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Measurement;
}

/** An Ofsted outcomes file of `rows` inspections of the given schools, on distinct dates per school. */
async function writeOfsted(file: string, urns: number[], rows: number): Promise<void> {
  const out = new CsvWriter(file, OFSTED_LAYOUT, 'utf-8');
  const grades = ['1', '2', '2', '2', '3', '4'];
  const base = Date.UTC(2020, 2, 31);
  for (let i = 0; i < rows; i++) {
    const urn = urns[i % urns.length]!;
    const start = new Date(base - Math.floor(i / urns.length) * 86_400_000);
    const date = `${String(start.getUTCDate()).padStart(2, '0')}/${String(start.getUTCMonth() + 1).padStart(2, '0')}/${start.getUTCFullYear()}`;
    await out.row(
      inLayout(OFSTED_LAYOUT, {
        URN: urn,
        'School name': `School ${urn}`,
        'Inspection number of latest graded inspection': 10_000_000 + i,
        'Inspection type': 'S5 Inspection',
        'Inspection start date of latest graded inspection': date,
        'Publication date of latest graded inspection': date,
        'Overall effectiveness': grades[i % grades.length],
        'Quality of education': grades[(i + 1) % grades.length],
        'Effectiveness of leadership and management': grades[(i + 2) % grades.length],
        'Safeguarding is effective?': 'Yes',
      }),
    );
  }
  await out.close();
}

async function main(args: string[]): Promise<void> {
  const national = args.includes('--national');
  const option = (name: string) => Number(args[args.indexOf(name) + 1] ?? '') || undefined;
  const schools = option('--schools') ?? (national ? 22_000 : 5_000);
  const rows = option('--rows') ?? (national ? 2_000_000 : 200_000);

  const dir = await mkdtemp(path.join(os.tmpdir(), 's2s-bench-import-'));
  const { db, url, close } = await benchDatabase();
  try {
    await generateDataset({ schools, seed: 1, out: dir });
    const gias = path.join(dir, GENERATED_FILES.gias);
    const ofsted = path.join(dir, 'ofsted-inspections.csv');
    const loadBefore = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    const lines: string[] = [];
    const row = (label: string, m: Measurement, baseline: Measurement) =>
      `  ${label.padEnd(30)} ${String(Math.round(m.rows / m.seconds)).padStart(9)} rows/s ${m.seconds.toFixed(1).padStart(7)} s` +
      `  ${(m.seconds / baseline.seconds).toFixed(1).padStart(5)}× baseline  resident +${m.peakMb.toFixed(0).padStart(4)} MB above ${m.idleMb.toFixed(0)} MB idle`;

    const giasParse = measure('parse', gias, 'gias');
    const giasImport = measure('import', gias, 'gias', url);
    const giasAgain = measure('import', gias, 'gias', url);
    lines.push(
      `GIAS extract: ${giasImport.rows} rows, ${((await stat(gias)).size / MB).toFixed(1)} MB (Windows-1252)`,
      row('baseline: decode + csv-parse', giasParse, giasParse),
      row('import into PostgreSQL (new)', giasImport, giasParse),
      row('import again (nothing changes)', giasAgain, giasParse),
    );

    const registered = (await db.selectFrom('schools').select('urn').execute()).map((s) => s.urn);
    await writeOfsted(ofsted, registered, rows);
    const ofstedParse = measure('parse', ofsted, 'ofsted');
    const ofstedImport = measure('import', ofsted, 'ofsted', url);
    lines.push(
      `Ofsted inspection outcomes: ${ofstedImport.rows} rows, ${((await stat(ofsted)).size / MB).toFixed(0)} MB, for ${registered.length} schools`,
      row('baseline: csv-parse', ofstedParse, ofstedParse),
      row('import into PostgreSQL (new)', ofstedImport, ofstedParse),
    );
    const loadAfter = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    process.stdout.write(
      [
        ...lines,
        `load average ${loadBefore} before, ${loadAfter} after, on ${os.cpus().length} CPUs`,
        '',
      ].join('\n'),
    );
  } finally {
    await close();
    await rm(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args.slice(1));
else await main(args);
