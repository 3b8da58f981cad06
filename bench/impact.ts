/**
 * One partnership's impact on one measure (what the impact report and its API compute for each
 * objective) against every eligible school nationally, against a baseline measured in the same
 * run: one pass over every value to draw the by-year means the chart shows. Prints figures,
 * ratios and the machine's load average; asserts nothing about time.
 *
 *   node --import tsx bench/impact.ts                # 2,000 comparison schools, quick
 *   node --import tsx bench/impact.ts 16000          # every KS2 school in England
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { trendByYear } from '../src/domain/partnerships/impact/trends.ts';
import { Random } from '../src/ingest/generate/random.ts';
import { evaluatePanel, generatePanel, PANEL_YEARS } from '../test/helpers/impact-panels.ts';

const sizes = process.argv.slice(2).map(Number);
const ROUNDS = 7;

/**
 * The median wall and CPU milliseconds of several timed rounds, after one untimed round to warm
 * the code up. CPU time (the whole process's, garbage collector included) moves less than wall
 * time when other work shares the machine.
 */
function median(run: () => void): { wall: number; cpu: number } {
  run();
  const rounds = Array.from({ length: ROUNDS }, () => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
  });
  const middle = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
  return { wall: middle(rounds.map((r) => r.wall)), cpu: middle(rounds.map((r) => r.cpu)) };
}

console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`,
);
for (const comparisonSchools of sizes.length > 0 ? sizes : [2000]) {
  for (const partnerSchools of [2, 20]) {
    const { members, pool } = generatePanel(new Random(comparisonSchools + partnerSchools), {
      partnerSchools,
      comparisonSchools,
      selection: 'selected',
      effect: 3,
    });
    const baseline = median(() =>
      trendByYear(
        PANEL_YEARS,
        members,
        pool.map((s) => ({ series: s.series, weight: 1 })),
      ),
    );
    const evaluation = median(() => evaluatePanel({ members, pool }));
    console.log(
      `${comparisonSchools.toLocaleString('en-GB')} comparison schools × ${PANEL_YEARS.length} years, ` +
        `${partnerSchools} partner schools: evaluation ${evaluation.wall.toFixed(1)} ms ` +
        `(${evaluation.cpu.toFixed(1)} ms of CPU), one pass over the values ${baseline.wall.toFixed(1)} ms ` +
        `(${baseline.cpu.toFixed(1)} ms of CPU): ${(evaluation.cpu / baseline.cpu).toFixed(1)}× in CPU time`,
    );
  }
}
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
