import { writePhrase, type Phrase } from '../words.ts';
import type { Allocation, Assignment } from './answer.ts';

/** A pairing's figures, its schools by URN: named and explained by the thread that reads it. */
export type PairingFacts = Omit<Assignment, 'reasons' | 'name' | 'supporterName'>;

/** Writes a pairing's reasons as phrases; `undefined` when its schools cannot be found. */
export type ReasonWriter = (pairing: PairingFacts) => Phrase[] | undefined;

/** How the thread that reads an allocation names a pairing's schools and writes its reasons. */
export interface PairingWords {
  nameOf: (urn: number) => string;
  write: ReasonWriter;
}

/**
 * A pairing whose schools are named, and whose reasons are written, when first read: a page shows
 * a hundred of the tens of thousands of pairings, and the words of the rest would be written for
 * nothing. A class, its names and reasons getters on its prototype: an own getter for each pairing,
 * defined on arrival from a worker, took 40–60 ms of the thread answering requests for 31,302
 * pairings (147,791 schools), and their names as copied strings as long again to read back.
 */
class WrittenPairing implements Assignment {
  readonly urn: number;
  readonly supporterUrn: number;
  readonly distanceKm: number;
  readonly score: number;
  readonly remote: boolean;
  readonly nearerTaken: boolean;
  readonly #words: PairingWords;
  #phrases: Phrase[] | null | undefined;
  #text: string[] | undefined;

  constructor(facts: PairingFacts, words: PairingWords) {
    this.urn = facts.urn;
    this.supporterUrn = facts.supporterUrn;
    this.distanceKm = facts.distanceKm;
    this.score = facts.score;
    this.remote = facts.remote;
    this.nearerTaken = facts.nearerTaken;
    this.#words = words;
  }

  get name(): string {
    return this.#words.nameOf(this.urn);
  }

  get supporterName(): string {
    return this.#words.nameOf(this.supporterUrn);
  }

  /** The reasons as phrases, worked out once for them and for `reasons`. */
  get phrases(): Phrase[] | null {
    if (this.#phrases === undefined) this.#phrases = this.#words.write(this) ?? null;
    return this.#phrases;
  }

  get reasons(): string[] {
    return (this.#text ??= this.phrases?.map((p) => writePhrase(p)) ?? []);
  }

  /** Every field, as an answer carries it: the getters are not the pairing's own properties. */
  toJSON(): Assignment {
    const { urn, name, supporterUrn, supporterName, distanceKm, score, remote, nearerTaken, reasons } = this;
    return { urn, name, supporterUrn, supporterName, distanceKm, score, remote, nearerTaken, reasons };
  }
}

/** A pairing as a plain object, its names and reasons written: for an answer built from it. */
export const pairingAnswer = (assignment: Assignment): Assignment =>
  assignment instanceof WrittenPairing ? assignment.toJSON() : assignment;

/**
 * A pairing's reasons as phrases, for a page to write in its reader's language: the ones its
 * English `reasons` are written from, worked out once for both.
 */
export const reasonWordsOf = (assignment: Assignment): Phrase[] | undefined =>
  assignment instanceof WrittenPairing ? (assignment.phrases ?? undefined) : undefined;

/** The allocation with its pairings named and explained, when read, by `words`. */
export function withPairingWords(
  allocation: Omit<Allocation, 'assignments'> & { assignments: readonly PairingFacts[] },
  words: PairingWords,
): Allocation {
  return {
    ...allocation,
    assignments: allocation.assignments.map((pairing) => new WrittenPairing(pairing, words)),
  };
}

/**
 * The pairings' figures as columns, their schools by URN alone: what crosses from the thread that
 * allocated to the one that reads. A copy reads every enumerable property, and would write the
 * reasons of every pairing (tens of thousands at 150,000 schools) where a page shows a hundred;
 * an object for each pairing, names and all, took 30–50 ms to read back on the thread answering
 * requests (31,302 pairings at 147,791 schools), where columns are copied at once.
 */
export interface PairingColumns {
  urn: Int32Array;
  supporterUrn: Int32Array;
  distanceKm: Float64Array;
  score: Float64Array;
  /** 1 where true. */
  remote: Uint8Array;
  nearerTaken: Uint8Array;
}

/** The allocation as it crosses to another thread: its pairings as columns. */
export type CrossingAllocation = Omit<Allocation, 'assignments'> & { pairings: PairingColumns };

export function forCrossing({ assignments, ...rest }: Allocation): CrossingAllocation {
  const n = assignments.length;
  const pairings: PairingColumns = {
    urn: new Int32Array(n),
    supporterUrn: new Int32Array(n),
    distanceKm: new Float64Array(n),
    score: new Float64Array(n),
    remote: new Uint8Array(n),
    nearerTaken: new Uint8Array(n),
  };
  assignments.forEach((a, i) => {
    pairings.urn[i] = a.urn;
    pairings.supporterUrn[i] = a.supporterUrn;
    pairings.distanceKm[i] = a.distanceKm;
    pairings.score[i] = a.score;
    pairings.remote[i] = a.remote ? 1 : 0;
    pairings.nearerTaken[i] = a.nearerTaken ? 1 : 0;
  });
  return { ...rest, pairings };
}

/** The allocation that crossed, its pairings named and explained, when read, by `words`. */
export const crossedWithWords = (
  { pairings, ...rest }: CrossingAllocation,
  words: PairingWords,
): Allocation =>
  withPairingWords(
    {
      ...rest,
      assignments: Array.from(pairings.urn, (urn, i) => ({
        urn,
        supporterUrn: pairings.supporterUrn[i]!,
        distanceKm: pairings.distanceKm[i]!,
        score: pairings.score[i]!,
        remote: pairings.remote[i] === 1,
        nearerTaken: pairings.nearerTaken[i] === 1,
      })),
    },
    words,
  );
