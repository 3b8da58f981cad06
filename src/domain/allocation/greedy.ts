import type { AllocationProblem, AllocationSolution, Pairing } from './problem.ts';

/**
 * The obvious single pass, kept as the baseline the optimal allocation is tested and measured
 * against: best pairs first (those within the radius before those beyond it), each taken if both
 * sides are still free. It reads only the options, never the groups.
 */
export function allocateGreedily(problem: AllocationProblem): AllocationSolution {
  const all = problem.seekers.flatMap(({ seeker, options }) =>
    options.map((o): Pairing => ({ seeker, ...o, remote: o.remote ?? false, throughGroup: false })),
  );
  all.sort(
    (a, b) =>
      Number(a.remote) - Number(b.remote) ||
      b.quality - a.quality ||
      a.seeker - b.seeker ||
      a.supporter - b.supporter,
  );
  const left = new Map(problem.capacity);
  const taken = new Map<number, Pairing>();
  for (const pair of all) {
    if (taken.has(pair.seeker) || (left.get(pair.supporter) ?? 0) <= 0) continue;
    taken.set(pair.seeker, pair);
    left.set(pair.supporter, left.get(pair.supporter)! - 1);
  }
  return {
    pairs: problem.seekers.flatMap(({ seeker }) => (taken.has(seeker) ? [taken.get(seeker)!] : [])),
    unassigned: problem.seekers.filter(({ seeker }) => !taken.has(seeker)).map(({ seeker }) => seeker),
  };
}
