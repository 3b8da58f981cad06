import type { Snapshot } from '../../domain/snapshot.ts';
import type { ComputeAnswer, ComputeTask } from './tasks.ts';
import { encodeSnapshotInput } from './snapshot-payload.ts';
import { threadLoad } from './thread-load.ts';
import { createWorkerPool, type PoolState, type PoolStats, type SettledListener } from './worker-pool.ts';

export interface ComputeOptions {
  /** Worker threads (S2S_WORKERS). */
  workers: number;
  /** Computations that may wait for a worker (S2S_COMPUTE_QUEUE). */
  queue: number;
  /** A worker with nothing to do for this long ends (S2S_WORKER_IDLE_SECONDS); 0: never. */
  idleSeconds?: number;
}

/** The heavy computations of the service, run off the thread that answers requests. */
export interface Compute {
  /**
   * The task's answer on this snapshot: from the answers kept for the snapshot, from the same
   * computation already under way, or computed in a worker. Refuses with `ComputeBusyError` when
   * it would have to wait and the queue is full.
   */
  run<T extends ComputeTask>(snapshot: Snapshot, task: T): Promise<ComputeAnswer<T>>;
  /**
   * A light task's answer (a usual partner search: a millisecond or so): worked out by `here` on
   * this thread, unless the thread has been busy lately and a worker that has built the snapshot
   * is free; then there, and the requests waiting here go on meanwhile. Not kept: the answers
   * kept are for heavy tasks.
   */
  runLight<T extends ComputeTask>(
    snapshot: Snapshot,
    task: T,
    here: () => ComputeAnswer<T>,
  ): ComputeAnswer<T> | Promise<ComputeAnswer<T>>;
  stats(): PoolStats;
  onSettled(listener: SettledListener): void;
  close(): Promise<void>;
}

/** Answers kept per snapshot: radii and URNs are free input, so memory stays bounded. */
export const ANSWERS_KEPT = 500;

/** A snapshot's state for the workers: being serialised, then (`value`) ready to send. */
interface Encoding {
  pending: Promise<PoolState>;
  value?: PoolState;
}

/**
 * The workers' snapshot is the service's own, rebuilt from the plain data it was built from: that
 * is serialised once per snapshot, a slice at a time between requests, into memory every worker
 * reads without a copy.
 */
function stateOf(states: WeakMap<Snapshot, Encoding>, snapshot: Snapshot, nextId: () => number): Encoding {
  let state = states.get(snapshot);
  if (!state) {
    const id = nextId();
    const encoding: Encoding = {
      pending: encodeSnapshotInput(snapshot.input).then((payload) => (encoding.value = { id, payload })),
    };
    states.set(snapshot, (state = encoding));
    // A failure is not kept: the next request tries again.
    encoding.pending.catch(() => states.delete(snapshot));
  }
  return state;
}

export function createCompute({ workers, queue, idleSeconds = 0 }: ComputeOptions): Compute {
  let states = new WeakMap<Snapshot, Encoding>();
  const pool = createWorkerPool({
    module: new URL('./worker.ts', import.meta.url),
    size: workers,
    maxQueue: queue,
    idleMs: idleSeconds > 0 ? idleSeconds * 1000 : undefined,
    // With no worker left, the serialised registry is let go too (a few hundred megabytes at
    // 150,000 schools): the next computation serialises it again for the worker it starts.
    onAllIdle: () => (states = new WeakMap()),
  });
  // One promise per snapshot and task: while pending it is shared by every caller, once resolved
  // it is the kept answer; a new snapshot starts empty, so no answer outlives its data.
  const answers = new WeakMap<Snapshot, Map<string, Promise<unknown>>>();
  let ids = 0;
  const thread = threadLoad();

  return {
    run<T extends ComputeTask>(snapshot: Snapshot, task: T): Promise<ComputeAnswer<T>> {
      let kept = answers.get(snapshot);
      if (!kept) answers.set(snapshot, (kept = new Map<string, Promise<unknown>>()));
      const key = JSON.stringify(task);
      const known = kept.get(key);
      if (known) return known as Promise<ComputeAnswer<T>>;
      const answer = stateOf(states, snapshot, () => ++ids).pending.then((state) =>
        pool.run<ComputeAnswer<T>>(state, task.kind, task),
      );
      if (kept.size >= ANSWERS_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(key, answer);
      // A refusal or a failure is not an answer: the next request tries again.
      answer.catch(() => {
        if (kept.get(key) === answer) kept.delete(key);
      });
      return answer;
    },
    runLight<T extends ComputeTask>(snapshot: Snapshot, task: T, here: () => ComputeAnswer<T>) {
      if (!thread.busy()) return here();
      // Serialising the snapshot and building it in a worker take seconds: meanwhile, here.
      const state = stateOf(states, snapshot, () => ++ids).value;
      if (!state) return here();
      const shared = pool.runIfFree<ComputeAnswer<T>>(state, task.kind, task);
      if (shared) return shared;
      pool.prepare(state);
      return here();
    },
    stats: () => pool.stats(),
    onSettled: (listener) => pool.onSettled(listener),
    close: () => pool.close(),
  };
}
