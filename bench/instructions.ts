/**
 * The national analysis (or partner search alone) counted in instructions rather than timed: on a
 * shared machine the same code's wall-clock moves by up to 40% from one process to the next, while
 * valgrind's count of the instructions it runs comes back within a fraction of a per cent. With
 * `--base REV` the same part of that commit's code is counted in the same run, on the same
 * schools, and the two versions' answers are compared: the way to tell whether a change to the
 * analysis is faster when timing cannot.
 *
 *   node --import tsx bench/instructions.ts [--schools N] [--part analysis|searches] [--base REV]
 *
 * `--schools`: generated schools (default 21,708 of 22,000 located; `bench/load.ts`'s dataset),
 * imported into an embedded PostgreSQL and read through the service's loader, then written to a
 * JSON file each version reads. `--part analysis` (default): classify, index and allocate, as the
 * service does once per snapshot. `--part searches`: the best twenty candidates of every school
 * in need, from one snapshot. Each version is bundled with esbuild and run under
 * `valgrind --tool=cachegrind` with `node --single-threaded` (V8 compiles and collects garbage on
 * the one thread, so all of it is counted), once with one run of the part and once with three;
 * a run's instructions are half the difference, which leaves out reading the file and the JIT's
 * first compiles. Each run starts after a full collection, so from the same heap. Skipped,
 * saying why, without valgrind (Debian's `valgrind` package).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { loadOpenSchoolRecords } from '../src/data/school-records.ts';
import { withImportedDataset } from './served.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const count = Number(option('--schools') ?? '') || 22_000;
const part = option('--part') ?? 'analysis';
const base = option('--base');
if (part !== 'analysis' && part !== 'searches') throw new Error('--part is analysis or searches');

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = [1, 3] as const;

function valgrindVersion(): string | undefined {
  try {
    return execFileSync('valgrind', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** The runner bundled with the `src` of `tree` (the repository, or a commit's copy of it). */
async function bundle(tree: string, out: string): Promise<void> {
  await build({
    entryPoints: [path.join(tree, 'bench', 'instructions-run.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    // A commit's copy has no node_modules of its own: the repository's serve both.
    nodePaths: [path.join(ROOT, 'node_modules')],
    logLevel: 'warning',
  });
}

/** A commit's `src` and this runner, in a folder of their own. */
function checkout(rev: string, into: string): void {
  fs.mkdirSync(into, { recursive: true });
  const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', rev, 'src'], {
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', into], { input: archive });
  fs.mkdirSync(path.join(into, 'bench'));
  fs.copyFileSync(
    path.join(ROOT, 'bench', 'instructions-run.ts'),
    path.join(into, 'bench', 'instructions-run.ts'),
  );
}

/** Instructions counted for `runs` runs of the part, and the part's answer. */
function counted(
  script: string,
  records: string,
  runs: number,
): Promise<{ instructions: number; digest: string }> {
  const child = spawn(
    'valgrind',
    [
      '--tool=cachegrind',
      '--cache-sim=no',
      // V8 writes the code it compiles into memory it then runs: valgrind must look for that.
      '--smc-check=all-non-file',
      '--cachegrind-out-file=/dev/null',
      process.execPath,
      '--single-threaded',
      '--expose-gc',
      script,
      records,
      String(runs),
      part!,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
      const answer = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !refs || !answer.startsWith('{'))
        return reject(
          new Error(`valgrind ended with ${code}:\n${stderr.slice(-2000)}${stdout.slice(-2000)}`),
        );
      resolve({
        instructions: Number(refs.replaceAll(',', '')),
        digest: (JSON.parse(answer) as { digest: string }).digest,
      });
    });
  });
}

const millions = (n: number) => `${(n / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 0 })} M`;

async function main(): Promise<void> {
  const valgrind = valgrindVersion();
  if (!valgrind) {
    console.log("bench/instructions.ts skipped: valgrind is not installed (Debian's valgrind package)");
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-bench-instructions-'));
  try {
    const records = path.join(work, 'records.json');
    let schools = 0;
    await withImportedDataset('instructions', count, async ({ db }) => {
      const loaded = await loadOpenSchoolRecords(db);
      schools = loaded.length;
      fs.writeFileSync(records, JSON.stringify(loaded));
    });
    const versions: { name: string; tree: string }[] = [{ name: 'this working tree', tree: ROOT }];
    if (base) {
      const tree = path.join(work, 'base');
      checkout(base, tree);
      versions.unshift({
        name: `${base} (${execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', base], { encoding: 'utf8' }).trim()})`,
        tree,
      });
    }
    console.log(
      `${part === 'analysis' ? 'the national analysis' : 'partner search for every school in need'} at ${schools.toLocaleString('en-GB')} generated schools, instructions per run (${valgrind}, node ${process.version} --single-threaded)`,
    );
    const results: { name: string; perRun: number; digest: string }[] = [];
    for (const { name, tree } of versions) {
      const script = path.join(work, `${results.length}.mjs`);
      await bundle(tree, script);
      const counts: { instructions: number; digest: string }[] = [];
      for (const runs of RUNS) {
        process.stdout.write(`  ${name}: counting ${runs} run${runs > 1 ? 's' : ''}…\r`);
        counts.push(await counted(script, records, runs));
      }
      const perRun = (counts[1]!.instructions - counts[0]!.instructions) / (RUNS[1] - RUNS[0]);
      results.push({ name, perRun, digest: counts[1]!.digest });
      console.log(`  ${name}: ${millions(perRun)} a run (answer ${counts[1]!.digest})          `);
    }
    if (results.length === 2) {
      const [before, after] = results as [(typeof results)[0], (typeof results)[0]];
      const change = (after.perRun / before.perRun - 1) * 100;
      console.log(
        `  this working tree runs ${change <= 0 ? `${(-change).toFixed(1)}% fewer` : `${change.toFixed(1)}% more`} instructions than ${before.name}; the answers are ${before.digest === after.digest ? 'the same' : 'DIFFERENT'}`,
      );
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
