/**
 * The last `size` values written on demand, held so that the garbage collector leaves them: a
 * school's words are kept weakly (taken back once nothing uses them, written again when next
 * read), and these are the ones kept besides, so a school asked about again soon is not written
 * again. Kept weakly alone, they lasted until the next full collection, which in a busy service
 * came every few hundred requests: partner search then cost twice the CPU. Kept for good, every
 * school a search had shown held its words until the next rebuild (4.5 KB a school at 147,791).
 */
export class RecentlyWritten {
  readonly #held: unknown[];
  #next = 0;

  constructor(size: number) {
    this.#held = new Array<unknown>(size);
  }

  /** Holds `value` in place of the oldest held, and gives it back. */
  hold<T>(value: T): T {
    this.#held[this.#next] = value;
    this.#next = (this.#next + 1) % this.#held.length;
    return value;
  }
}

/**
 * How many schools' classifications, and separately their standings, a snapshot keeps written:
 * about 45 MB at most, the words of a thousand partner searches' schools and candidates.
 */
export const WORDS_KEPT = 10_000;
