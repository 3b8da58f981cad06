import type { Snapshot } from '../../domain/snapshot.ts';
import { arrived, type ComputeAnswer, type ComputeTask } from './tasks.ts';
import { encodeSnapshotInput } from './snapshot-payload.ts';
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
  stats(): PoolStats;
  onSettled(listener: SettledListener): void;
  close(): Promise<void>;
}

/**
 * How many answers of each kind are kept per snapshot: radii and URNs are free input, so memory
 * stays bounded. A capacity answer holds every area's figures (about 0.4 MB by local authority,
 * more by constituency), a partner search's ten candidates a few kilobytes. The national
 * allocation (one per profile, so few) needs no bound: every page of it asks again, and a run of
 * other questions must not push out seconds of work; a profile that does not exist fails, and a
 * failure is not kept.
 */
export const ANSWERS_KEPT: Record<ComputeTask['kind'], number> = {
  allocation: Infinity,
  capacity: 50,
  partners: 500,
};

/** A snapshot's kept answers, a shelf for each kind of task, by the task. */
type KeptAnswers = Record<ComputeTask['kind'], Map<string, Promise<unknown>>>;

/**
 * The workers' snapshot is the service's own, rebuilt from the plain data it was built from: that
 * is serialised once per snapshot, a slice at a time between requests, into memory every worker
 * reads without a copy.
 */
function stateOf(states: WeakMap<Snapshot, Promise<PoolState>>, snapshot: Snapshot, nextId: () => number) {
  let state = states.get(snapshot);
  if (!state) {
    const id = nextId();
    state = encodeSnapshotInput(snapshot.input).then((payload) => ({ id, payload }));
    states.set(snapshot, state);
    // A failure is not kept: the next request tries again.
    state.catch(() => states.delete(snapshot));
  }
  return state;
}

export function createCompute({ workers, queue, idleSeconds = 0 }: ComputeOptions): Compute {
  let states = new WeakMap<Snapshot, Promise<PoolState>>();
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
  const answers = new WeakMap<Snapshot, KeptAnswers>();
  let ids = 0;

  return {
    run<T extends ComputeTask>(snapshot: Snapshot, task: T): Promise<ComputeAnswer<T>> {
      let shelves = answers.get(snapshot);
      if (!shelves)
        answers.set(
          snapshot,
          (shelves = { allocation: new Map(), capacity: new Map(), partners: new Map() }),
        );
      const kept = shelves[task.kind];
      const key = JSON.stringify(task);
      const known = kept.get(key);
      if (known) return known as Promise<ComputeAnswer<T>>;
      const answer = stateOf(states, snapshot, () => ++ids)
        .then((state) => pool.run<unknown>(state, task.kind, task))
        .then((crossed) => arrived(snapshot, task, crossed));
      if (kept.size >= ANSWERS_KEPT[task.kind]) kept.delete(kept.keys().next().value!);
      kept.set(key, answer);
      // A refusal or a failure is not an answer: the next request tries again.
      answer.catch(() => {
        if (kept.get(key) === answer) kept.delete(key);
      });
      return answer;
    },
    stats: () => pool.stats(),
    onSettled: (listener) => pool.onSettled(listener),
    close: () => pool.close(),
  };
}
