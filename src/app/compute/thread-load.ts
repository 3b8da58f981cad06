import { performance } from 'node:perf_hooks';

/** How long a reading of the thread's load covers, in milliseconds: a few dozen requests. */
const WINDOW_MS = 100;
/** Busier than this share of the time, the thread is falling behind its requests. */
const BUSY_SHARE = 0.5;

/**
 * Whether this thread has spent most of the last moments working rather than waiting for
 * requests (Node's event-loop utilisation, read again once a window has passed): when it has,
 * light work it could do itself is better done by a free worker, before requests queue behind it.
 */
export function threadLoad(): { busy(): boolean } {
  let mark = performance.eventLoopUtilization();
  let busy = false;
  return {
    busy() {
      const now = performance.eventLoopUtilization();
      const since = performance.eventLoopUtilization(now, mark);
      if (since.idle + since.active >= WINDOW_MS) {
        busy = since.utilization > BUSY_SHARE;
        mark = now;
      }
      return busy;
    },
  };
}
