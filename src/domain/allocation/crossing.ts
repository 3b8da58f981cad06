import type { Allocation, Assignment } from './allocate.ts';

/** A pairing without its reasons: what crosses from the thread that allocated to the one that reads. */
export type PairingFacts = Omit<Assignment, 'reasons'>;

export type AllocationFacts = Omit<Allocation, 'assignments'> & { assignments: PairingFacts[] };

/**
 * The allocation with its pairings' reasons left out, for a copy to another thread: a copy reads
 * every enumerable property, and would write the reasons of every pairing (tens of thousands at
 * 150,000 schools) where a page shows a hundred.
 */
export const withoutReasons = (allocation: Allocation): AllocationFacts => ({
  ...allocation,
  assignments: allocation.assignments.map(
    ({ urn, name, supporterUrn, supporterName, distanceKm, score, remote, nearerTaken }) => ({
      urn,
      name,
      supporterUrn,
      supporterName,
      distanceKm,
      score,
      remote,
      nearerTaken,
    }),
  ),
});

type Written = PairingFacts & { [WRITER]: (pairing: PairingFacts) => string[]; [WRITTEN]?: string[] };

// Under symbols and not enumerable: left out of JSON, copies and comparisons.
const WRITER = Symbol('writes reasons');
const WRITTEN = Symbol('reasons written');

function reasonsWritten(this: Written): string[] {
  return (this[WRITTEN] ??= this[WRITER](this));
}

/**
 * The allocation that arrived without its reasons, each pairing's reasons written by `write` the
 * first time they are read, by one getter and one writer shared by every pairing.
 */
export function withReasonsWrittenBy(
  allocation: AllocationFacts,
  write: (pairing: PairingFacts) => string[],
): Allocation {
  for (const pairing of allocation.assignments) {
    Object.defineProperties(pairing, {
      [WRITER]: { value: write },
      [WRITTEN]: { value: undefined, writable: true },
      reasons: { enumerable: true, get: reasonsWritten },
    });
  }
  return allocation as Allocation;
}
