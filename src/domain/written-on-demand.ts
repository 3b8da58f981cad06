/**
 * Values written on demand by place (a school's classification, its standings by area), each kept
 * while anything holds it and the last `kept` written besides: the garbage collector takes back
 * the others, and they are written again, the same, when next read. While one is held it is the
 * one given, so there are never two. Kept weakly alone, they lasted until the next full
 * collection, which in a busy service came every few hundred requests: partner search then cost
 * twice the CPU. Kept for good, every school a search had shown held its words until the next
 * rebuild (4.5 KB a school at 147,791).
 */
export class WrittenOnDemand<T extends object> {
  readonly #written: (WeakRef<T> | undefined)[];
  readonly #write: (place: number) => T;
  /** The last `kept` written, held so that the garbage collector leaves them. */
  readonly #recent: T[];
  #next = 0;

  constructor(places: number, write: (place: number) => T, kept = WORDS_KEPT) {
    this.#written = new Array<WeakRef<T> | undefined>(places);
    this.#write = write;
    this.#recent = new Array<T>(kept);
  }

  /** The value at `place`: the one held, if any, or written now. */
  get(place: number): T {
    const held = this.#written[place]?.deref();
    if (held) return held;
    const written = this.#write(place);
    this.#written[place] = new WeakRef(written);
    this.#recent[this.#next] = written;
    this.#next = (this.#next + 1) % this.#recent.length;
    return written;
  }
}

/**
 * How many schools' classifications, and separately their standings, a snapshot keeps written:
 * about 45 MB at most, the words of a thousand partner searches' schools and candidates.
 */
export const WORDS_KEPT = 10_000;
