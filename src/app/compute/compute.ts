import type { Snapshot } from '../../domain/snapshot.ts';
import { arrived, type ComputeAnswer, type ComputeTask } from './tasks.ts';
import { encodeSnapshotInput } from './snapshot-payload.ts';
import {
  createWorkerPool,
  releaseState,
  StateLostError,
  type PoolState,
  type PoolStats,
  type SettledListener,
} from './worker-pool.ts';

export interface ComputeOptions {
  /** Worker threads (S2S_WORKERS). */
  workers: number;
  /** Computations that may wait for a worker (S2S_COMPUTE_QUEUE). */
  queue: number;
  /** A worker with nothing to do for this long ends (S2S_WORKER_IDLE_SECONDS); 0: never. */
  idleSeconds?: number;
}

export interface ComputeStats extends PoolStats {
  /** Bytes of the registry serialised for the workers, held on this thread between their reads. */
  stateBytes: number;
}

/** The heavy computations of the service, run off the thread that answers requests. */
export interface Compute {
  /**
   * The task's answer on this snapshot: from the answers kept for the snapshot, from the same
   * computation already under way, or computed in a worker. Refuses with `ComputeBusyError` when
   * it would have to wait and the queue is full.
   */
  run<T extends ComputeTask>(snapshot: Snapshot, task: T): Promise<ComputeAnswer<T>>;
  stats(): ComputeStats;
  onSettled(listener: SettledListener): void;
  close(): Promise<void>;
}

/**
 * How many answers of each kind are kept per snapshot: radii and URNs are free input, so memory
 * stays bounded. A capacity answer holds every area's figures (about 0.4 MB by local authority,
 * more by constituency), a partner search's ten candidates a few kilobytes, a draft profile's
 * preview a few counts (an administrator trying one rule after another). The national
 * allocation (one per profile, so few) needs no bound: every page of it asks again, and a run of
 * other questions must not push out seconds of work; a profile that does not exist fails, and a
 * failure is not kept.
 */
export const ANSWERS_KEPT: Record<ComputeTask['kind'], number> = {
  allocation: Infinity,
  capacity: 50,
  partners: 500,
  preview: 10,
};

/** A snapshot's kept answers, a shelf for each kind of task, by the task. */
type KeptAnswers = Record<ComputeTask['kind'], Map<string, Promise<unknown>>>;

/**
 * The workers' snapshot is the service's own, rebuilt from the plain data it was built from: that
 * is serialised once per snapshot, a slice at a time between requests, and lent to each worker in
 * turn to read. Each state serialised is listed in `made` too, to be let go when no worker is left.
 */
function stateOf(
  states: WeakMap<Snapshot, Promise<PoolState>>,
  made: Set<WeakRef<PoolState>>,
  snapshot: Snapshot,
  nextId: () => number,
) {
  let state = states.get(snapshot);
  if (!state) {
    const id = nextId();
    state = encodeSnapshotInput(snapshot.input).then((payload) => {
      const encoded: PoolState = { id, payload };
      made.add(new WeakRef(encoded));
      return encoded;
    });
    states.set(snapshot, state);
    // A failure is not kept: the next request tries again.
    state.catch(() => states.delete(snapshot));
  }
  return state;
}

export function createCompute({ workers, queue, idleSeconds = 0 }: ComputeOptions): Compute {
  let states = new WeakMap<Snapshot, Promise<PoolState>>();
  const made = new Set<WeakRef<PoolState>>();
  let ids = 0;
  const pool = createWorkerPool({
    module: new URL('./worker.ts', import.meta.url),
    size: workers,
    maxQueue: queue,
    idleMs: idleSeconds > 0 ? idleSeconds * 1000 : undefined,
    // With no worker left, the serialised registry is let go too, its memory given back at once (a
    // few hundred megabytes at 150,000 schools): the next computation serialises it again for the
    // worker it starts. One a new snapshot replaced goes with the snapshot, at a full collection.
    onAllIdle: () => {
      states = new WeakMap();
      for (const state of made) {
        const held = state.deref();
        if (held) releaseState(held);
      }
      made.clear();
    },
  });
  /**
   * The answer computed in a worker, from the snapshot's state; serialised again if the state was
   * let go or lost with a worker before the task's worker could read it.
   */
  const computed = (snapshot: Snapshot, task: ComputeTask, retries = 1): Promise<unknown> => {
    const state = stateOf(states, made, snapshot, () => ++ids);
    return state
      .then((s) => pool.run<unknown>(s, task.kind, task))
      .catch((error: unknown) => {
        if (!(error instanceof StateLostError) || retries === 0) throw error;
        if (states.get(snapshot) === state) states.delete(snapshot);
        return computed(snapshot, task, retries - 1);
      });
  };
  // One promise per snapshot and task: while pending it is shared by every caller, once resolved
  // it is the kept answer; a new snapshot starts empty, so no answer outlives its data.
  const answers = new WeakMap<Snapshot, KeptAnswers>();

  return {
    run<T extends ComputeTask>(snapshot: Snapshot, task: T): Promise<ComputeAnswer<T>> {
      let shelves = answers.get(snapshot);
      if (!shelves)
        answers.set(
          snapshot,
          (shelves = { allocation: new Map(), capacity: new Map(), partners: new Map(), preview: new Map() }),
        );
      const kept = shelves[task.kind];
      const key = JSON.stringify(task);
      const known = kept.get(key);
      if (known) return known as Promise<ComputeAnswer<T>>;
      const answer = computed(snapshot, task).then((crossed) => arrived(snapshot, task, crossed));
      if (kept.size >= ANSWERS_KEPT[task.kind]) kept.delete(kept.keys().next().value!);
      kept.set(key, answer);
      // A refusal or a failure is not an answer: the next request tries again.
      answer.catch(() => {
        if (kept.get(key) === answer) kept.delete(key);
      });
      return answer;
    },
    stats: () => {
      let stateBytes = 0;
      for (const state of made) stateBytes += state.deref()?.payload?.byteLength ?? 0;
      return { ...pool.stats(), stateBytes };
    },
    onSettled: (listener) => pool.onSettled(listener),
    close: () => pool.close(),
  };
}
