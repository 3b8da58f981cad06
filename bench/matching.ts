/**
 * Classification, partner search and the national allocation, with figures and ratios against
 * baselines run in the same process: a brute-force scan of every school for the partner search,
 * and a greedy pass for the allocation.
 *
 *   node --import tsx bench/matching.ts                  # 5,000 schools (quick)
 *   node --import tsx bench/matching.ts --national       # 22,000 schools, England's state schools
 *   node --import tsx bench/matching.ts --schools 150000
 *   --repeat N   runs each stage N times (default 3) and reports the fastest
 *   node --expose-gc --import tsx bench/matching.ts …  # the heap held, after a full collection
 *   node --import tsx bench/matching.ts --growth         # the analysis at 22,000 and 150,000 schools:
 *                      the first in a fresh process, then --repeat N more once N more have
 *                      warmed the JIT (best and median, CPU of every thread and wall-clock),
 *                      and how far each stands above its floor (bench/analysis-floor.ts), taken
 *                      in a process of its own right after the analysis's; and another
 *                      profile's view built all at once and a step at a time (its longest step)
 *   --data synthetic   made-up towns in which every school in need finds a supporter (default)
 *   --data generated   `bench/load.ts`'s dataset: schools scattered around England's real school
 *                      sites, imported into an embedded PostgreSQL and read as the service reads it
 *   --data demo        the demo dataset `npm start` loads (real 2018/19 data; --schools is ignored)
 * Where capacity runs out, the allocation searches the schools already placed around each school
 * left unsupported, for a swap: compare the datasets' unsupported counts beside their CPU.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { allocateNationally } from '../src/domain/allocation/allocate.ts';
import { allocateGreedily } from '../src/domain/allocation/greedy.ts';
import { allocateOptimally } from '../src/domain/allocation/min-cost-flow.ts';
import { totalQuality, type AllocationProblem } from '../src/domain/allocation/problem.ts';
import { classifySchools } from '../src/domain/classification/classify.ts';
import { NFER_2017_PROFILE, SHIPPED_PROFILES } from '../src/domain/classification/profiles/index.ts';
import { reciprocalCoverage } from '../src/domain/matching/coverage.ts';
import { findPartners, rankCandidates } from '../src/domain/matching/find-partners.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../src/domain/matching/settings.ts';
import { holdHeapNearLive } from '../src/app/heap.ts';
import { loadOpenSchoolRecords } from '../src/data/school-records.ts';
import type { SchoolRecord } from '../src/domain/school.ts';
import { syntheticSchools } from '../test/builders/synthetic-schools.ts';
import { shareRepeatedValues } from '../src/domain/shared-values.ts';
import { buildSnapshot } from '../src/domain/snapshot.ts';
import { distanceKm } from '../src/domain/spatial-index.ts';
import { withDemoDataset, withImportedDataset, type ImportedDataset } from './served.ts';
import { floorInput, runFloor, type FloorRun } from './analysis-floor.ts';

const args = process.argv.slice(2);
const requested = args.includes('--national')
  ? 22_000
  : Number(args[args.indexOf('--schools') + 1] ?? '') || 5_000;
const data = args.includes('--data') ? args[args.indexOf('--data') + 1]! : 'synthetic';
if (!['synthetic', 'generated', 'demo'].includes(data))
  throw new Error(`--data ${data}: synthetic, generated or demo`);

const repeats = Number(args[args.indexOf('--repeat') + 1] ?? '') || 3;
// The analysis alone is measured as the service runs it, its heap held as close to what it keeps.
if (args.includes('--analysis-only')) holdHeapNearLive();
/**
 * The best of a few runs, in wall-clock time and in the CPU time the process used (main thread
 * and garbage collector), each the least of the runs: the machine is shared, and the fastest run
 * is the one least disturbed by other work, while CPU time leaves out the time spent waiting for
 * a core (the figure to compare on a busy machine).
 */
const time = <T>(work: () => T): [T, number, number] => {
  let best = Infinity;
  let cpu = Infinity;
  let result: T;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = work();
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(startCpu);
    best = Math.min(best, elapsed);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return [result!, best, cpu];
};
// Shared machines run other work: the figures mean little without the load they were measured under.
const load = () => `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const us = (n: number) => `${(n * 1000).toFixed(1)} µs`;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
// With `node --expose-gc`: a full collection first, so that the heap is what is held.
const collect = (globalThis as { gc?: () => void }).gc;

// Growth: the national analysis alone (snapshot and allocation) at England's size and at 150,000
// schools, each in a process of its own so that each resident memory is its own.
if (args.includes('--growth')) {
  const child = (part: '--analysis-only' | '--floor-only', n: number) => {
    const run = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1]!,
        part,
        '--schools',
        String(n),
        '--repeat',
        String(repeats),
        '--data',
        data,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as unknown;
  };
  // The floor in a process of its own too, right after the analysis's: run in the analysis's
  // process, between its runs, it made the analysis's own runs a sixth to a fifth slower (why was
  // not traced; bench/HISTORY.md).
  const runs = [22_000, 150_000].map((n) => ({
    ...(child('--analysis-only', n) as {
      schools: number;
      first: number;
      best: number;
      median: number;
      wallBest: number;
      wallMedian: number;
      rssOnce: number;
      rss: number;
      held: number | null;
      otherProfile: string;
      otherAtOnce: number;
      otherLongestStep: number;
      otherSteps: number;
      inNeed: number;
      within: number;
      supported: number;
      unsupported: number;
    }),
    ...(child('--floor-only', n) as { floorBest: number; floor: FloorRun }),
  }));
  const [small, large] = runs as [(typeof runs)[0], (typeof runs)[0]];
  for (const r of runs) {
    const { floor } = r;
    console.log(
      `national analysis at ${r.schools.toLocaleString('en-GB')} ${data} schools: CPU ${Math.round(r.best)} ms best and ${Math.round(r.median)} ms median of ${repeats} once warm (wall-clock ${Math.round(r.wallBest)} and ${Math.round(r.wallMedian)} ms; the first in a fresh process ${Math.round(r.first)} ms of CPU), resident memory ${mb(r.rssOnce)} after one analysis and ${mb(r.rss)} after ${2 * repeats + 1}${r.held === null ? '' : ` (heap held ${mb(r.held)} after a full collection)`}; of ${r.inNeed.toLocaleString('en-GB')} in need ${r.supported.toLocaleString('en-GB')} supported, ${r.unsupported.toLocaleString('en-GB')} unsupported; a school in need has ${r.within.toFixed(1)} suitable supporters within its radius on average`,
    );
    console.log(
      `  another profile     ${r.otherProfile}'s view, built the first time a request names it: all at once ${Math.round(r.otherAtOnce)} ms; between requests, in ${r.otherSteps.toLocaleString('en-GB')} steps, the longest ${Math.round(r.otherLongestStep)} ms (medians of ${repeats}): ${(r.otherAtOnce / r.otherLongestStep).toFixed(0)}× less that any request waits behind it`,
    );
    console.log(
      `  its floor           ${Math.round(floor.total)} ms median (${Math.round(r.floorBest)} ms best): index ${Math.round(floor.index)} + searches ${Math.round(floor.searches)} + flow ${Math.round(floor.flow)} ms, ${floor.options.toLocaleString('en-GB')} options within the radii, ${floor.paired.toLocaleString('en-GB')} paired; the analysis ${(r.wallMedian / floor.total).toFixed(1)}× its floor (wall-clock medians, ${(r.wallBest / r.floorBest).toFixed(1)}× by the best runs)`,
    );
  }
  console.log(
    `growth                ${(large.median / small.median).toFixed(1)}× the median CPU for ${(large.schools / small.schools).toFixed(1)}× the schools, each school in need with ${(large.within / small.within).toFixed(1)}× the supporters within its radius; ${load()}`,
  );
  process.exit(0);
}

// Held as the service holds the registry it reads (from the database or in a worker): one copy of
// each repeated value. The datasets in a database are read by the service's own loader, which
// shares them as it reads.
const fromDatabase = async (
  withData: (use: (dataset: ImportedDataset) => Promise<void>) => Promise<void>,
) => {
  let records: SchoolRecord[] = [];
  await withData(async ({ db }) => {
    records = await loadOpenSchoolRecords(db);
  });
  return records;
};
const schools =
  data === 'synthetic'
    ? shareRepeatedValues(syntheticSchools(requested))
    : await fromDatabase(
        data === 'demo' ? withDemoDataset : (use) => withImportedDataset('matching', requested, use),
      );
const count = schools.length;
const located = schools.filter((s) => s.location);
const asOf = '2026-11-24';
const settings = DEFAULT_MATCHING_SETTINGS;
/** The snapshot of the schools under the NFER profile, as the service builds it. */
const snapshotOfSchools = () =>
  buildSnapshot({
    schools,
    profiles: SHIPPED_PROFILES,
    defaultProfile: NFER_2017_PROFILE.name,
    asOf,
    settings,
  });
console.log(
  `${count.toLocaleString('en-GB')} ${data} open schools (${located.length.toLocaleString('en-GB')} with a location), NFER 2017 profile, ${process.platform} ${process.arch}, ${load()}`,
);

if (args.includes('--floor-only')) {
  // One child of --growth: the analysis's floor on the same schools, run as many times. It is
  // given what the analysis works out first: each school's group and room.
  const input = ((s) => floorInput(s.view()!.pool, settings, s.capacity))(snapshotOfSchools());
  // As many runs before measuring as the analysis makes: its first, then as many again.
  for (let i = 0; i <= repeats; i++) runFloor(input);
  const floors = Array.from({ length: repeats }, () => runFloor(input)).sort((a, b) => a.total - b.total);
  console.log(JSON.stringify({ floorBest: floors[0]!.total, floor: floors[floors.length >> 1]! }));
  process.exit(0);
}

if (args.includes('--analysis-only')) {
  // One child of --growth: the national analysis as a service runs it, once per snapshot. The
  // first is what a service just started pays (the JIT compiling as it goes); the steady work is
  // measured once the JIT has settled, and its runs differ by which of them the garbage
  // collector's full collections fall in, so their median is given beside their best. Resident memory after the
  // first is the service's once it has built its snapshot; after the repeats it also holds what
  // the earlier ones left for the garbage collector.
  const analyse = () => snapshotOfSchools().view()!.allocation();
  // CPU of every thread (the garbage collector's and the JIT's helpers too), and wall-clock time:
  // on two cores the helpers run beside the analysis, so its CPU is more than the time it takes.
  const timed = (work: () => unknown) => {
    const start = process.cpuUsage();
    const began = performance.now();
    work();
    const wall = performance.now() - began;
    const used = process.cpuUsage(start);
    return { cpu: (used.user + used.system) / 1000, wall };
  };
  let allocation: ReturnType<typeof analyse> | undefined;
  const first = timed(() => (allocation = analyse())).cpu;
  const rssOnce = process.memoryUsage().rss;
  // The JIT goes on compiling through the next few: as many again are left out before measuring.
  for (let i = 0; i < repeats; i++) allocation = analyse();
  const runs = Array.from({ length: repeats }, () => timed(() => (allocation = analyse())));
  const warm = runs.map((r) => r.cpu).sort((a, b) => a - b);
  const wall = runs.map((r) => r.wall).sort((a, b) => a - b);
  const rss = process.memoryUsage().rss;
  collect?.();
  const held = collect ? process.memoryUsage().heapUsed : null;
  // The density the analysis meets, which the generated data raises with the number of schools:
  // how many suitable supporters a school in need has within its radius, on average.
  const snapshot = snapshotOfSchools();
  const { pool } = snapshot.view()!;
  let within = 0;
  pool.facts.forEach((facts) => {
    if (facts.group !== 'in-need') return;
    const ranking = rankCandidates(
      pool,
      facts.school.urn,
      { strategy: 'support' },
      settings,
      snapshot.capacity,
      1,
    );
    if (ranking.ok) within += ranking.within;
  });
  // Another profile's view, as a first request naming it has it built: all at once (what held
  // every request before the service built it between requests), and a step at a time (the
  // longest step is the longest any request waits behind it). Each in a snapshot of its own.
  const other = SHIPPED_PROFILES.find((p) => p.name !== NFER_2017_PROFILE.name)!.name;
  const viewRuns = Array.from({ length: repeats }, () => {
    const atOnce = timed(() => snapshotOfSchools().view(other)).wall;
    const steps = snapshotOfSchools().viewSteps(other);
    let longest = 0;
    let taken = 0;
    for (let done = false; !done; taken++) {
      const began = performance.now();
      done = steps.next().done === true;
      longest = Math.max(longest, performance.now() - began);
    }
    return { atOnce, longest, steps: taken };
  });
  const medianOf = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
  console.log(
    JSON.stringify({
      otherProfile: other,
      otherAtOnce: medianOf(viewRuns.map((r) => r.atOnce)),
      otherLongestStep: medianOf(viewRuns.map((r) => r.longest)),
      otherSteps: viewRuns[0]!.steps,
      schools: count,
      first,
      best: warm[0],
      median: warm[warm.length >> 1],
      wallBest: wall[0],
      wallMedian: wall[wall.length >> 1],
      rssOnce,
      rss,
      held,
      inNeed: allocation!.summary.inNeed,
      within: within / allocation!.summary.inNeed,
      supported: allocation!.summary.supported,
      unsupported: allocation!.summary.unsupported,
    }),
  );
  process.exit(0);
}

// Warm up the JIT on a slice, so the figures are of steady work.
classifySchools(schools.slice(0, 2000), NFER_2017_PROFILE, asOf);

const [classifications, classifyMs] = time(() => classifySchools(schools, NFER_2017_PROFILE, asOf));
const groups = { 'in-need': 0, 'high-performing': 0, other: 0 };
for (const c of classifications) groups[c.group]++;
console.log(
  `classification        ${ms(classifyMs)} (${us(classifyMs / count)} a school): ${groups['high-performing']} high-performing, ${groups['in-need']} in need`,
);

const [snapshot, snapshotMs, snapshotCpu] = time(snapshotOfSchools);
const view = snapshot.view()!;
const [allocation, allocateMs, allocateCpu] = time(() =>
  allocateNationally(view.pool, settings, snapshot.capacity),
);
console.log(
  `national analysis     ${ms(snapshotMs + allocateMs)} (CPU ${ms(snapshotCpu + allocateCpu)}): snapshot (classify, index, context) ${ms(snapshotMs)} + allocation ${ms(allocateMs)}; ${load()}`,
);
console.log(
  `                      ${allocation.summary.supported} of ${allocation.summary.inNeed} in need supported (${allocation.summary.remote} remote, ${allocation.summary.remoteNearerTaken} of them because those nearer are taken), ${allocation.summary.unsupported} without a partner`,
);
// Resident memory with the snapshot and its allocation held, as a service holds them. Run with
// `node --expose-gc` to collect the garbage first: the heap is then what they hold.
collect?.();
console.log(
  `resident memory       ${mb(process.memoryUsage().rss)} with the snapshot and the allocation held (heap ${mb(process.memoryUsage().heapUsed)}${collect ? ' after a full collection' : ''}); ${count.toLocaleString('en-GB')} ${data} schools`,
);

// Reciprocal matching's reach: schools with per-area data offered a partner each strong where
// the other is weak, within the radius or beyond it, and why the rest are offered none.
const [reach, reachMs] = time(() => reciprocalCoverage(view.pool, settings, snapshot.capacity));
const pct = (n: number) => `${((100 * n) / Math.max(1, reach.withAreaData)).toFixed(0)}%`;
console.log(
  `reciprocal coverage   ${reach.covered} of ${reach.withAreaData} schools with per-area data (${pct(reach.covered)}; ${reach.remote} of them beyond the radius) in ${ms(reachMs)}; none for ${reach.noStrengthOrWeakness} neither strong nor weak anywhere (${pct(reach.noStrengthOrWeakness)}), ${reach.noWeakness} weak nowhere (${pct(reach.noWeakness)}), ${reach.noStrength} strong nowhere (${pct(reach.noStrength)}), ${reach.noComplement} with no complementary school with room (${pct(reach.noComplement)})`,
);

// One school's search, through the index, against scanning every school (the brute force).
const sample = located
  .filter((_, i) => i % Math.max(1, Math.floor(located.length / 500)) === 0)
  .slice(0, 500);
// With `node --expose-gc`, what the words written for the sample's answers hold (the reasons and
// standings of its schools and their candidates, kept for the WORDS_KEPT read last): the heap
// after a full collection, before and after the first searches, once the JIT has compiled them
// on other schools.
const partnersOf = (schools: readonly { urn: number }[]) => {
  const shown = new Set<number>();
  for (const s of schools) {
    shown.add(s.urn);
    const found = findPartners(view.pool, s.urn, { strategy: 'support' }, settings, snapshot.capacity);
    if (found.ok) for (const c of found.candidates) shown.add(c.urn);
  }
  return shown;
};
const warmed = partnersOf(located.filter((_, i) => i % 97 === 1).slice(0, 200));
collect?.();
const heapBefore = process.memoryUsage().heapUsed;
const written = [...partnersOf(sample)].filter((urn) => !warmed.has(urn)).length;
collect?.();
const wordsHeld = process.memoryUsage().heapUsed - heapBefore;
const [, searchMs] = time(() => {
  for (const s of sample)
    findPartners(view.pool, s.urn, { strategy: 'support' }, settings, snapshot.capacity);
});
if (collect) {
  console.log(
    `words held            ${mb(wordsHeld)} for the ${written.toLocaleString('en-GB')} schools whose words ${sample.length} searches wrote (${(wordsHeld / written / 1024).toFixed(1)} KB a school; their classifications and standings by area)`,
  );
}
const [, bruteMs] = time(() => {
  for (const s of sample) {
    const radius = settings.radiusKm[s.phase];
    const phases = new Set(settings.compatiblePhases[s.phase]);
    located
      .filter(
        (o) =>
          o.urn !== s.urn &&
          phases.has(o.phase) &&
          view.groups.get(o.urn) === 'high-performing' &&
          distanceKm(s.location!, o.location!) <= radius,
      )
      .sort((a, b) => distanceKm(s.location!, a.location!) - distanceKm(s.location!, b.location!));
  }
});
console.log(
  `one school's partners ${us(searchMs / sample.length)} a school with reasons; brute-force scan ${us(bruteMs / sample.length)}: ${(bruteMs / searchMs).toFixed(0)}× faster`,
);

const [, everyMs] = time(() => {
  for (const s of schools)
    rankCandidates(view.pool, s.urn, { strategy: 'support' }, settings, snapshot.capacity);
});
console.log(
  `candidates for every  ${ms(everyMs)} (${us(everyMs / count)} a school; brute force would take about ${ms((bruteMs / sample.length) * count)})`,
);

// The optimal allocation against the greedy pass, on the same candidate lists.
const problem: AllocationProblem = { seekers: [], capacity: new Map() };
// The allocation as it was before remote supporters were offered to schools whose supporters
// within the radius are all taken: each school's best candidates within it, or the nearest
// beyond it only for a school with none within.
for (const facts of view.pool.facts.values()) {
  if (facts.classification.group !== 'in-need') continue;
  const ranking = rankCandidates(
    view.pool,
    facts.school.urn,
    { strategy: 'support' },
    settings,
    snapshot.capacity,
  );
  if (!ranking.ok) continue;
  const options = ranking.ranked.slice(0, settings.allocationOptions);
  problem.seekers.push({
    seeker: facts.school.urn,
    options: options.map((o) => ({
      supporter: o.facts.school.urn,
      quality: o.score / 100,
      remote: ranking.remote,
    })),
  });
  for (const o of options) (problem.capacity as Map<number, number>).set(o.facts.school.urn, o.spare);
}
const [optimal, optimalMs] = time(() => allocateOptimally(problem));
const [greedy, greedyMs] = time(() => allocateGreedily(problem));
console.log(
  `allocation (flow only) optimal ${ms(optimalMs)}, greedy ${ms(greedyMs)} (${(optimalMs / greedyMs).toFixed(1)}× the time): supports ${optimal.pairs.length} vs ${greedy.pairs.length}, total quality ${totalQuality(optimal).toFixed(1)} vs ${totalQuality(greedy).toFixed(1)}`,
);
console.log(
  `remote when taken     supported ${optimal.pairs.length} of ${allocation.summary.inNeed} with remote supporters only for schools with none within the radius; ${allocation.summary.supported} when those whose supporters within it are all taken are offered remote ones too (+${allocation.summary.supported - optimal.pairs.length})`,
);
