/**
 * Values written on demand by place (a school's classification, its standings by area), each kept
 * while anything holds it and while it is among the last `kept` read: the garbage collector takes
 * back the others, and they are written again, the same, when next read. While one is held it is
 * the one given, so there are never two. Kept weakly alone, they lasted until the next full
 * collection, which in a busy service came every few hundred requests: partner search then cost
 * twice the CPU. Kept for good, every school a search had shown held its words until the next
 * rebuild (about 6 KB a school at 147,791).
 */
export class WrittenOnDemand<T extends object> {
  readonly #written: (WeakRef<T> | undefined)[];
  readonly #write: (place: number) => T;
  /** The last `kept` put among the recent, held so that the garbage collector leaves them. */
  readonly #recent: T[];
  /** How many had been put among the recent when each place last was (0: never), wrapping. */
  readonly #putAt: Uint32Array;
  #puts = 0;

  constructor(places: number, write: (place: number) => T, kept = WORDS_KEPT) {
    this.#written = new Array<WeakRef<T> | undefined>(places);
    this.#write = write;
    this.#recent = new Array<T>(kept);
    this.#putAt = new Uint32Array(places);
  }

  /** The value at `place`: the one held, if any, or written now. */
  get(place: number): T {
    const held = this.#written[place]?.deref();
    if (held) {
      // Put among the recent again once half of them have come after it: a school that many
      // searches show (a supporter in a busy area) stays written while the rest come and go.
      if ((this.#puts - this.#putAt[place]!) >>> 0 > this.#recent.length >> 1) this.#keep(place, held);
      return held;
    }
    const written = this.#write(place);
    this.#written[place] = new WeakRef(written);
    this.#keep(place, written);
    return written;
  }

  #keep(place: number, value: T): void {
    this.#recent[this.#puts % this.#recent.length] = value;
    this.#puts = (this.#puts + 1) >>> 0;
    this.#putAt[place] = this.#puts;
  }
}

/**
 * How many schools' classifications, and separately their standings, a snapshot keeps written
 * besides those in use: about 3 KB a school for both (bench/matching.ts), so some 30 MB at most;
 * in the service at 147,791 schools, heap snapshots held 36 MB more once 7,500 partner searches
 * had written the words of 7,774 schools (4.6 KB a school, with what holds them). Keeping
 * 2,500, the service was resident at 574 MB after 18,000 searches against 641 MB when a school's
 * words took 7 KB, but asking again about each of 5,027 schools took twice the CPU.
 */
export const WORDS_KEPT = 10_000;
