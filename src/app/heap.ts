import { setFlagsFromString } from 'node:v8';

/**
 * How far, in per cent, V8 lets the heap grow past what its last full collection kept before it
 * collects again. Its own choice, about double at this size, suits a short program; the service
 * holds its snapshot of every school for as long as it runs, and the garbage of building it (and
 * of answering) would stand beside it at up to its size again. At 147,791 schools the service was
 * resident at 505 MB once ready with V8's choice and 415 MB at 25%, and at 1,973 MB against 1,088 MB
 * while its worker computed capacity, with the same partner-search latencies (bench/load.ts).
 */
export const HEAP_GROWING_PERCENT = 25;

/** Sets the heap's growth for this process and its worker threads (V8's flags are the process's). */
export function holdHeapNearLive(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
