/**
 * Each URN's place in a list of schools: the last place it appears at, as a Map set from the list
 * keeps the last, in the order URNs are first seen. One such index serves every map of a snapshot
 * (schools, groups, classifications, matching facts), each holding its values by place.
 */
export function placesByUrn(items: readonly { urn: number }[]): Map<number, number> {
  const places = new Map<number, number>();
  for (let i = 0; i < items.length; i++) places.set(items[i]!.urn, i);
  return places;
}

/**
 * A read-only map by URN over values held by place (see placesByUrn): the same answers, and the
 * same order, as a Map filled from the list, without a table of its own. Every place has a value
 * unless `gaps` is set: then `valueAt` gives undefined for a place with none, which the map
 * leaves out.
 */
export class ByUrn<T> implements ReadonlyMap<number, T> {
  readonly #places: ReadonlyMap<number, number>;
  readonly #valueAt: (i: number) => T | undefined;
  readonly #gaps: boolean;
  #size: number | undefined;

  constructor(places: ReadonlyMap<number, number>, valueAt: (i: number) => T | undefined, gaps = false) {
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
    for (const [urn, i] of this.#places) {
      const value = this.#valueAt(i);
      if (value !== undefined) yield [urn, value];
    }
  }

  *keys(): MapIterator<number> {
    for (const [urn, i] of this.#places) if (!this.#gaps || this.#valueAt(i) !== undefined) yield urn;
  }

  *values(): MapIterator<T> {
    for (const i of this.#places.values()) {
      const value = this.#valueAt(i);
      if (value !== undefined) yield value;
    }
  }

  [Symbol.iterator](): MapIterator<[number, T]> {
    return this.entries();
  }

  forEach(visit: (value: T, key: number, map: ReadonlyMap<number, T>) => void, thisArg?: unknown): void {
    for (const [urn, value] of this.entries()) visit.call(thisArg, value, urn, this);
  }
}
