import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateGreedily } from '../../../../src/domain/allocation/greedy.ts';
import { allocateOptimally } from '../../../../src/domain/allocation/min-cost-flow.ts';
import {
  totalQuality,
  type AllocationProblem,
  type AllocationSolution,
} from '../../../../src/domain/allocation/problem.ts';

// Random problems: up to 8 seekers (URNs 1–8), supporters 101–106 with capacity 0–2.
const problems = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 6 }),
    seekers: fc.array(
      fc.uniqueArray(fc.record({ s: fc.integer({ min: 0, max: 5 }), q: fc.integer({ min: 0, max: 100 }) }), {
        selector: (o) => o.s,
        maxLength: 4,
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ capacities, seekers }): AllocationProblem => ({
    capacity: new Map(capacities.map((c, i) => [101 + i, c])),
    seekers: seekers.map((options, i) => ({
      seeker: i + 1,
      options: options
        .filter((o) => o.s < capacities.length)
        .map((o) => ({ supporter: 101 + o.s, quality: o.q / 100 })),
    })),
  }));

function respectsCapacity(problem: AllocationProblem, solution: AllocationSolution): boolean {
  const used = new Map<number, number>();
  for (const p of solution.pairs) used.set(p.supporter, (used.get(p.supporter) ?? 0) + 1);
  return [...used].every(([supporter, n]) => n <= (problem.capacity.get(supporter) ?? 0));
}

/** Every possible allocation, for checking the optimum on small problems. */
function bestByExhaustion(problem: AllocationProblem): { count: number; quality: number } {
  let best = { count: 0, quality: 0 };
  const left = new Map(problem.capacity);
  const walk = (i: number, count: number, quality: number) => {
    if (i === problem.seekers.length) {
      if (count > best.count || (count === best.count && quality > best.quality + 1e-9))
        best = { count, quality };
      return;
    }
    walk(i + 1, count, quality);
    for (const o of problem.seekers[i]!.options) {
      if ((left.get(o.supporter) ?? 0) <= 0) continue;
      left.set(o.supporter, left.get(o.supporter)! - 1);
      walk(i + 1, count + 1, quality + o.quality);
      left.set(o.supporter, left.get(o.supporter)! + 1);
    }
  };
  walk(0, 0, 0);
  return best;
}

describe('the optimal allocation', () => {
  it('never exceeds a capacity and supports at least as many schools as a greedy pass', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const optimal = allocateOptimally(problem);
        const greedy = allocateGreedily(problem);
        expect(respectsCapacity(problem, optimal)).toBe(true);
        expect(optimal.pairs.length).toBeGreaterThanOrEqual(greedy.pairs.length);
        if (optimal.pairs.length === greedy.pairs.length) {
          expect(totalQuality(optimal)).toBeGreaterThanOrEqual(totalQuality(greedy) - 1e-9);
        }
        expect(optimal.pairs.length + optimal.unassigned.length).toBe(problem.seekers.length);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('matches the best of every possible allocation: most schools supported, then highest quality', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const optimal = allocateOptimally(problem);
        const best = bestByExhaustion(problem);
        expect(optimal.pairs.length).toBe(best.count);
        expect(totalQuality(optimal)).toBeCloseTo(best.quality, 6);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('gives up one good pair to support two schools where greedy supports one', () => {
    const problem: AllocationProblem = {
      capacity: new Map([
        [101, 1],
        [102, 1],
      ]),
      seekers: [
        {
          seeker: 1,
          options: [
            { supporter: 101, quality: 0.95 },
            { supporter: 102, quality: 0.5 },
          ],
        },
        { seeker: 2, options: [{ supporter: 101, quality: 0.9 }] },
      ],
    };
    expect(allocateGreedily(problem).pairs).toHaveLength(1);
    expect(allocateOptimally(problem)).toEqual({
      pairs: [
        { seeker: 1, supporter: 102, quality: 0.5 },
        { seeker: 2, supporter: 101, quality: 0.9 },
      ],
      unassigned: [],
    });
  });

  it('gives the same answer every time', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        expect(allocateOptimally(problem)).toEqual(allocateOptimally(problem));
      }),
      { seed: 3, numRuns: 50 },
    );
  });
});
