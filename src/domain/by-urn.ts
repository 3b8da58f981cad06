/**
 * Each URN's place in a list of schools: the last place it appears at, in the order URNs are first
 * seen, as a Map set from the list would give. One such index serves every map of a snapshot
 * (schools, groups, classifications, matching facts), each holding its values by place. Held as
 * an open-addressed table in typed columns: about 2 MB at 150,000 schools, where a Map of the same
 * took about 7 MB (and as much again for the collector at every rebuild).
 */
export class UrnPlaces {
  readonly size: number;
  /** By slot: the URN and its place (-1 for an empty slot). */
  readonly #urns: Int32Array;
  readonly #places: Int32Array;
  /** The slots in the order their URNs were first seen. */
  readonly #order: Int32Array;
  readonly #shift: number;

  constructor(items: readonly { urn: number }[]) {
    // A table at most three-quarters full, so that a probe finds its URN in a step or two.
    const bits = Math.max(4, Math.ceil(Math.log2((items.length * 4) / 3 + 1)));
    this.#shift = 32 - bits;
    this.#urns = new Int32Array(1 << bits);
    this.#places = new Int32Array(1 << bits).fill(-1);
    this.#order = new Int32Array(items.length);
    let size = 0;
    for (let i = 0; i < items.length; i++) {
      const urn = items[i]!.urn;
      if (urn !== (urn | 0)) throw new RangeError(`URN ${urn} is not a whole number of at most 31 bits`);
      const slot = this.#slot(urn);
      if (this.#places[slot] === -1) {
        this.#urns[slot] = urn;
        this.#order[size++] = slot;
      }
      this.#places[slot] = i;
    }
    this.size = size;
  }

  /** The slot holding `urn`, or the empty one where it would go. */
  #slot(urn: number): number {
    const mask = this.#urns.length - 1;
    // Fibonacci hashing: consecutive URNs spread across the table.
    let slot = Math.imul(urn, 0x9e3779b1) >>> this.#shift;
    while (this.#places[slot] !== -1 && this.#urns[slot] !== urn) slot = (slot + 1) & mask;
    return slot;
  }

  get(urn: number): number | undefined {
    if (urn !== (urn | 0)) return undefined;
    const place = this.#places[this.#slot(urn)]!;
    return place === -1 ? undefined : place;
  }

  has(urn: number): boolean {
    return this.get(urn) !== undefined;
  }

  *entries(): Generator<[number, number]> {
    for (let k = 0; k < this.size; k++) yield [this.urnAt(k), this.placeAt(k)];
  }

  *values(): Generator<number> {
    for (let k = 0; k < this.size; k++) yield this.placeAt(k);
  }

  // The `k`th URN first seen and its place, for k below `size`: a loop over them makes no
  // iterator and no object a URN, where walking every school of a snapshot is done often.

  urnAt(k: number): number {
    return this.#urns[this.#order[k]!]!;
  }

  placeAt(k: number): number {
    return this.#places[this.#order[k]!]!;
  }
}

/**
 * A read-only map by URN over values held by place (see placesByUrn): the same answers, and the
 * same order, as a Map filled from the list, without a table of its own. Every place has a value
 * unless `gaps` is set: then `valueAt` gives undefined for a place with none, which the map
 * leaves out.
 */
export class ByUrn<T> implements ReadonlyMap<number, T> {
  readonly #places: UrnPlaces;
  readonly #valueAt: (i: number) => T | undefined;
  readonly #gaps: boolean;
  #size: number | undefined;

  constructor(places: UrnPlaces, valueAt: (i: number) => T | undefined, gaps = false) {
    this.#places = places;
    this.#valueAt = valueAt;
    this.#gaps = gaps;
  }

  get size(): number {
    if (!this.#gaps) return this.#places.size;
    if (this.#size === undefined) {
      let size = 0;
      for (const i of this.#places.values()) if (this.#valueAt(i) !== undefined) size++;
      this.#size = size;
    }
    return this.#size;
  }

  has(urn: number): boolean {
    return this.#gaps ? this.get(urn) !== undefined : this.#places.has(urn);
  }

  get(urn: number): T | undefined {
    const i = this.#places.get(urn);
    return i === undefined ? undefined : this.#valueAt(i);
  }

  *entries(): MapIterator<[number, T]> {
    const places = this.#places;
    for (let k = 0; k < places.size; k++) {
      const value = this.#valueAt(places.placeAt(k));
      if (value !== undefined) yield [places.urnAt(k), value];
    }
  }

  *keys(): MapIterator<number> {
    const places = this.#places;
    for (let k = 0; k < places.size; k++)
      if (!this.#gaps || this.#valueAt(places.placeAt(k)) !== undefined) yield places.urnAt(k);
  }

  *values(): MapIterator<T> {
    const places = this.#places;
    for (let k = 0; k < places.size; k++) {
      const value = this.#valueAt(places.placeAt(k));
      if (value !== undefined) yield value;
    }
  }

  [Symbol.iterator](): MapIterator<[number, T]> {
    return this.entries();
  }

  /** Every value in order, as `values` gives them, with no iterator: what the national analysis walks. */
  forEach(visit: (value: T, key: number, map: ReadonlyMap<number, T>) => void, thisArg?: unknown): void {
    const places = this.#places;
    for (let k = 0; k < places.size; k++) {
      const value = this.#valueAt(places.placeAt(k));
      if (value !== undefined) visit.call(thisArg, value, places.urnAt(k), this);
    }
  }
}
