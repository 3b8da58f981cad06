/**
 * A typed column copied into a longer one (twice as long unless told): for columns of numbers
 * that grow as they fill, where a plain array would hold an object, or a slot the garbage
 * collector copies, for each.
 */
export function grown<T extends Float64Array | Int32Array | Int16Array | Uint8Array>(
  column: T,
  size = column.length * 2,
): T {
  const longer = new (column.constructor as new (size: number) => T)(size);
  longer.set(column);
  return longer;
}
