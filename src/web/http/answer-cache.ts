/** Where a kept answer's bytes are in the cache's memory. */
interface Place {
  offset: number;
  length: number;
}

/**
 * Answers already written, served again to the same request while what they rest on stays the
 * same: each entry belongs to one basis (the snapshot, the dataset's provenance, the day, each
 * compared by identity), and a new basis empties the cache. At most `limit` answers are kept, in
 * `bytes` of memory; the oldest written goes first.
 *
 * The answers are kept as UTF-8 in one block outside the JavaScript heap, written round and
 * round. Kept as strings, each answer outlived a few young-generation collections, was moved to
 * the old generation, and was dropped there a second later once `limit` newer ones had come: at
 * 500 partner searches a second over more schools than are kept, that was five sixths of what the
 * old generation gained (6.6 MB a second at 147,791 schools, against 1.1 without them), and so of
 * how often the whole heap was marked while requests waited.
 */
export class AnswerCache {
  readonly #memory: Buffer;
  /** In the order written, which is the order of their places round the memory from `#next`. */
  readonly #entries = new Map<string, Place>();
  #next = 0;
  #basis: readonly unknown[] = [];

  constructor(
    private readonly limit: number,
    bytes: number,
  ) {
    this.#memory = Buffer.allocUnsafeSlow(bytes);
  }

  /**
   * The answer written for `key` on this basis, if there is one: a copy, since the socket may still
   * be sending it when a later answer is written over its place.
   */
  get(key: string, basis: readonly unknown[]): Buffer | undefined {
    if (basis.includes(undefined)) return undefined;
    if (!this.#holds(basis)) {
      this.#entries.clear();
      this.#next = 0;
      this.#basis = basis;
      return undefined;
    }
    const place = this.#entries.get(key);
    return place && Buffer.from(this.#memory.subarray(place.offset, place.offset + place.length));
  }

  /**
   * Keeps `answer` for `key` if it was written on the basis the cache holds now, and is small
   * enough that keeping it leaves room for others (a quarter of the memory at most).
   */
  set(key: string, basis: readonly unknown[], answer: string): void {
    if (!this.#holds(basis)) return;
    // A key written again goes to the end of the order, with its new place, if it has one.
    this.#entries.delete(key);
    const length = Buffer.byteLength(answer);
    const size = this.#memory.length;
    if (length > size / 4) return;
    // An answer that does not fit before the end goes at the start, and those kept after `#next`
    // go with it: they are the oldest, and the order of the places must stay the order written.
    const wraps = this.#next + length > size;
    const tail = wraps ? this.#next : size;
    const from = wraps ? 0 : this.#next;
    const to = from + length;
    // The oldest are the first in the way: those at the new answer's place, just ahead of `#next`.
    for (const [oldest, place] of this.#entries) {
      const inTheWay = place.offset >= tail || (place.offset < to && place.offset + place.length > from);
      if (!inTheWay && this.#entries.size < this.limit) break;
      this.#entries.delete(oldest);
    }
    this.#memory.write(answer, from, 'utf8');
    this.#entries.set(key, { offset: from, length });
    this.#next = to;
  }

  /** Whether `basis` is, value by value, the one the kept answers were written on. */
  #holds(basis: readonly unknown[]): boolean {
    return basis.length === this.#basis.length && basis.every((value, i) => value === this.#basis[i]);
  }
}
