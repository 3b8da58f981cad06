import { deserialize, serialize } from 'node:v8';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { shareRepeatedValues } from '../../domain/shared-values.ts';
import type { SnapshotInput } from '../../domain/snapshot.ts';

/**
 * Schools serialised between two turns of the event loop: a few milliseconds of work, so a
 * request that arrives meanwhile waits no longer than that. The whole registry at once held the
 * thread that answers requests for a third of a second at 22,000 schools.
 */
const SCHOOLS_A_SLICE = 500;
/**
 * Address space set aside for a payload, taken as memory only as the payload grows into it:
 * 180 MB at 150,000 schools.
 */
const MOST_PAYLOAD_BYTES = 2 ** 32;

/**
 * The snapshot's input as one block of memory the workers are lent in turn to read (the pool's
 * `PoolState`): the rest of the input, then the schools slice by slice, each part preceded by its
 * length. Built a slice at a time, yielding to the requests waiting between slices, and each slice
 * copied in as soon as it is serialised: the slices kept until the end, to know the size, were as
 * large again as the payload and stayed, garbage, until the next full collection. Resizable, so
 * that its memory goes back at once when it is let go (resized to nothing).
 */
export async function encodeSnapshotInput(input: SnapshotInput): Promise<ArrayBuffer> {
  const payload = new ArrayBuffer(0, { maxByteLength: MOST_PAYLOAD_BYTES });
  const append = (part: Uint8Array) => {
    const at = payload.byteLength;
    payload.resize(at + 4 + part.length);
    new DataView(payload).setUint32(at, part.length);
    new Uint8Array(payload).set(part, at + 4);
  };
  append(serialize({ ...input, schools: [] }));
  for (let from = 0; from < input.schools.length; from += SCHOOLS_A_SLICE) {
    await nextTurn();
    append(serialize(input.schools.slice(from, from + SCHOOLS_A_SLICE)));
  }
  return payload;
}

/** The input `encodeSnapshotInput` wrote, read back (in a worker). */
export function decodeSnapshotInput(payload: Uint8Array): SnapshotInput {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const parts: unknown[] = [];
  for (let at = 0; at < payload.byteLength;) {
    const length = view.getUint32(at);
    parts.push(deserialize(payload.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
  }
  const [rest, ...slices] = parts as [SnapshotInput, ...SnapshotInput['schools'][]];
  // Read back, each record has strings of its own again: shared as the service's own are.
  return { ...rest, schools: shareRepeatedValues(slices.flat()) };
}
