/**
 * Answers already written, served again to the same request while what they rest on stays the
 * same: each entry belongs to one basis (the snapshot, the dataset's provenance, the day, each
 * compared by identity), and a new basis empties the cache. At most `limit` answers are kept;
 * the oldest written goes first.
 */
export class AnswerCache {
  readonly #entries = new Map<string, string>();
  #basis: readonly unknown[] = [];

  constructor(private readonly limit: number) {}

  /** The answer written for `key` on this basis, if there is one. */
  get(key: string, basis: readonly unknown[]): string | undefined {
    if (basis.includes(undefined)) return undefined;
    if (!this.#holds(basis)) {
      this.#entries.clear();
      this.#basis = basis;
      return undefined;
    }
    return this.#entries.get(key);
  }

  /** Keeps `answer` for `key` if it was written on the basis the cache holds now. */
  set(key: string, basis: readonly unknown[], answer: string): void {
    if (!this.#holds(basis)) return;
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, answer);
  }

  /** Whether `basis` is, value by value, the one the kept answers were written on. */
  #holds(basis: readonly unknown[]): boolean {
    return basis.length === this.#basis.length && basis.every((value, i) => value === this.#basis[i]);
  }
}
