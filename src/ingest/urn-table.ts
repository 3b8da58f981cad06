/** URNs have at most seven digits; a larger number in the URN column is not one. */
export const URN_BOUNDS = { min: 1, max: 9_999_999 };

/**
 * A whole number for each URN, held in a typed array indexed by the URN itself: a few bytes per
 * possible school, however many rows a file has, where a Map would grow with every row. Zero
 * means nothing was set.
 */
export class UrnTable {
  private values = new Int32Array(1 << 17);

  get(urn: number): number {
    return urn < this.values.length ? this.values[urn]! : 0;
  }

  set(urn: number, value: number): void {
    if (urn >= this.values.length) {
      let size = this.values.length;
      while (size <= urn) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[urn] = value;
  }
}
