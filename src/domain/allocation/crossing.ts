import { writePhrase, type Phrase } from '../words.ts';
import type { Allocation, Assignment } from './answer.ts';

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

/** Writes a pairing's reasons as phrases; `undefined` when its schools cannot be found. */
export type ReasonWriter = (pairing: PairingFacts) => Phrase[] | undefined;

type Written = PairingFacts & {
  [WRITER]: ReasonWriter;
  [WORDS]?: Phrase[] | null;
  [TEXT]?: string[];
};

// Under symbols and not enumerable: left out of JSON, copies and comparisons.
const WRITER = Symbol('writes reasons');
const WORDS = Symbol('reasons as phrases');
const TEXT = Symbol('reasons in English');

const wordsOf = (pairing: Written) =>
  pairing[WORDS] === undefined ? (pairing[WORDS] = pairing[WRITER](pairing) ?? null) : pairing[WORDS];

function reasonsWritten(this: Written): string[] {
  return (this[TEXT] ??= wordsOf(this)?.map((p) => writePhrase(p)) ?? []);
}

/**
 * A pairing's reasons as phrases, for a page to write in its reader's language: the ones its
 * English `reasons` are written from, worked out once for both.
 */
export const reasonWordsOf = (assignment: Assignment): Phrase[] | undefined =>
  WRITER in assignment ? (wordsOf(assignment as Written) ?? undefined) : undefined;

/**
 * The allocation with each pairing's reasons written by `write` the first time they are read, by
 * one getter and one writer shared by every pairing: a page shows a hundred of the tens of
 * thousands of pairings, and the words of the rest would be written for nothing. The same for an
 * allocation just made and one that crossed from a worker without its reasons.
 */
export function withReasonsWrittenBy(allocation: AllocationFacts, write: ReasonWriter): Allocation {
  // One set of descriptors for every pairing: defining them makes no new objects for each.
  const properties: PropertyDescriptorMap = {
    [WRITER]: { value: write },
    [WORDS]: { value: undefined, writable: true },
    [TEXT]: { value: undefined, writable: true },
    reasons: { enumerable: true, get: reasonsWritten },
  };
  for (const pairing of allocation.assignments) Object.defineProperties(pairing, properties);
  return allocation as Allocation;
}
