import { setFlagsFromString } from 'node:v8';

/**
 * How far, in per cent, V8 lets the heap grow past what its last full collection kept before it
 * collects again. Its own choice, about double at this size, suits a short program; the service
 * holds its snapshot of every school for as long as it runs, and the garbage of building it (and
 * of answering) would stand beside it at up to its size again. At 147,791 schools (bench/load.ts)
 * the service was resident at 505–513 MB once ready with V8's choice, 438 MB at 50% and 428 MB at
 * 25%; while its worker computed capacity, 1,282–1,973 MB, 1,179 MB and 1,081 MB. At 25% the
 * national analysis of 21,708 schools took about a third more CPU (more full collections of a
 * small heap), at 50% about a tenth.
 */
export const HEAP_GROWING_PERCENT = 50;

/** Sets the heap's growth for this process and its worker threads (V8's flags are the process's). */
export function holdHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
