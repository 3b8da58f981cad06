/**
 * Every benchmark, one after another, each in its own process so that one's heap does not
 * disturb the next. Quick sizes by default; `--national` runs each at the size of England.
 *
 *   npm run bench
 *   npm run bench -- --national
 */
import { spawnSync } from 'node:child_process';

const national = process.argv.includes('--national');
const benches: { file: string; args: string[]; node?: string[] }[] = [
  { file: 'bench/search.ts', args: [] },
  { file: 'bench/import.ts', args: national ? ['--national'] : [], node: ['--expose-gc'] },
  { file: 'bench/matching.ts', args: national ? ['--national'] : [] },
  { file: 'bench/matching-api.ts', args: national ? [] : ['--schools', '5000'] },
  {
    file: 'bench/load.ts',
    args: national ? [] : ['--schools', '5000', '--rates', '50,200', '--seconds', '5'],
  },
  { file: 'bench/capacity.ts', args: national ? ['22000'] : [] },
  // Skipped, saying why, without valgrind.
  { file: 'bench/instructions.ts', args: national ? [] : ['--schools', '5000'] },
  { file: 'bench/impact.ts', args: national ? ['16000'] : [] },
  { file: 'bench/practice.ts', args: national ? [] : ['--records', '5000'] },
  // Skipped, saying why, unless BENCH_POSTGIS_URL names a database with PostGIS.
  { file: 'bench/postgis.ts', args: national ? [] : ['--schools', '5000'] },
];

let failed = 0;
for (const { file, args, node = [] } of benches) {
  console.log(`\n== ${file} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [...node, '--import', 'tsx', file, ...args], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
