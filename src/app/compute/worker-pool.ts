import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { ComputeBusyError } from './busy.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** A state the workers compute from (a snapshot of the registry), serialised once for all of them. */
export interface PoolState {
  id: number;
  payload: SharedArrayBuffer;
}

export interface WorkerPoolOptions {
  /** The TypeScript module each worker runs (it calls `serveTasks`). */
  module: URL;
  /** How many worker threads at most; each starts when first needed. */
  size: number;
  /** How many tasks may wait for a worker; one more is refused with `ComputeBusyError`. */
  maxQueue: number;
  /**
   * A worker with no task for this long ends, giving back the memory its copy of the state holds;
   * the next task starts another. Undefined: workers last as long as the pool.
   */
  idleMs?: number;
  /** Called when the last worker has ended for want of tasks: no worker holds a state any more. */
  onAllIdle?: () => void;
}

export interface PoolStats {
  /** Tasks waiting for a worker. */
  queued: number;
  /** Tasks a worker is computing. */
  running: number;
  /** Worker threads started and alive. */
  workers: number;
  /** Tasks handed to a worker since the pool started. */
  started: number;
}

export type SettledListener = (kind: string, seconds: number, outcome: 'ok' | 'failed') => void;

export interface WorkerPool {
  /** Runs a task on the given state in a worker, or refuses at once when the queue is full. */
  run<R>(state: PoolState, kind: string, task: unknown): Promise<R>;
  stats(): PoolStats;
  /** Called as each task ends, with how long it took in its worker (queueing not included). */
  onSettled(listener: SettledListener): void;
  /** Ends every worker; tasks not yet answered are refused. */
  close(): Promise<void>;
}

interface Job {
  taskId: number;
  state: PoolState;
  kind: string;
  task: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** The state this worker holds. */
  loaded: number | undefined;
  job: Job | undefined;
  startedAt: number;
  /** Ends the worker when it has had no task for `idleMs`. */
  idleTimer: NodeJS.Timeout | undefined;
}

const ENTRY = new URL('./worker-entry.js', import.meta.url);

/**
 * A fixed set of worker threads with a bounded queue: heavy computations run there, never on the
 * thread that answers requests. Each worker is told about a new state once, before its first task
 * on it; a worker that dies fails only its own task and is replaced on the next one. Idle workers
 * do not keep the process alive, so a command ends when its work does.
 */
export function createWorkerPool({
  module,
  size,
  maxQueue,
  idleMs,
  onAllIdle,
}: WorkerPoolOptions): WorkerPool {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  const listeners: SettledListener[] = [];
  let nextTaskId = 1;
  let started = 0;
  let closed = false;

  const settle = (slot: Slot, outcome: 'ok' | 'failed') => {
    const job = slot.job!;
    slot.job = undefined;
    slot.worker.unref();
    const seconds = (performance.now() - slot.startedAt) / 1000;
    for (const listener of listeners) listener(job.kind, seconds, outcome);
    return job;
  };

  const spawn = (): Slot => {
    const worker = new Worker(ENTRY, { workerData: { module: module.href } });
    worker.unref();
    const slot: Slot = { worker, loaded: undefined, job: undefined, startedAt: 0, idleTimer: undefined };
    worker.on('message', (message: FromWorker) => {
      if (!slot.job || slot.job.taskId !== message.taskId) return;
      const job = settle(slot, message.ok ? 'ok' : 'failed');
      if (message.ok) job.resolve(message.value);
      else job.reject(new Error(`The ${job.kind} computation failed: ${message.message}`));
      pump();
      if (!slot.job && idleMs !== undefined) slot.idleTimer = setTimeout(() => end(slot), idleMs).unref();
    });
    const lost = (error: Error) => {
      const index = slots.indexOf(slot);
      if (index === -1) return;
      slots.splice(index, 1);
      if (slot.job) settle(slot, 'failed').reject(error);
      pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`A computation worker stopped (exit code ${code})`)));
    slots.push(slot);
    return slot;
  };

  /** Ends an idle worker; its `exit` then finds it gone from the slots and fails nothing. */
  const end = (slot: Slot) => {
    const index = slots.indexOf(slot);
    if (index === -1 || slot.job) return;
    slots.splice(index, 1);
    void slot.worker.terminate();
    if (slots.length === 0) onAllIdle?.();
  };

  const dispatch = (slot: Slot, job: Job) => {
    clearTimeout(slot.idleTimer);
    if (slot.loaded !== job.state.id) {
      slot.worker.postMessage({
        type: 'state',
        id: job.state.id,
        payload: job.state.payload,
      } satisfies ToWorker);
      slot.loaded = job.state.id;
    }
    slot.job = job;
    slot.startedAt = performance.now();
    started++;
    slot.worker.ref();
    slot.worker.postMessage({ type: 'task', taskId: job.taskId, task: job.task } satisfies ToWorker);
  };

  const idleSlot = (): Slot | undefined =>
    slots.find((slot) => !slot.job) ?? (slots.length < size ? spawn() : undefined);

  function pump() {
    if (closed) return;
    while (queue.length > 0) {
      const slot = idleSlot();
      if (!slot) return;
      dispatch(slot, queue.shift()!);
    }
  }

  return {
    run<R>(state: PoolState, kind: string, task: unknown): Promise<R> {
      if (closed) return Promise.reject(new Error('The computation pool is closed'));
      return new Promise<R>((resolve, reject) => {
        const job: Job = {
          taskId: nextTaskId++,
          state,
          kind,
          task,
          resolve,
          reject,
        };
        const slot = queue.length === 0 ? idleSlot() : undefined;
        if (slot) dispatch(slot, job);
        else if (queue.length < maxQueue) queue.push(job);
        else reject(new ComputeBusyError());
      });
    },
    stats: () => ({
      queued: queue.length,
      running: slots.filter((slot) => slot.job).length,
      workers: slots.length,
      started,
    }),
    onSettled(listener) {
      listeners.push(listener);
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('The computation pool is closed'));
      const ending = slots.splice(0);
      for (const slot of ending) {
        clearTimeout(slot.idleTimer);
        slot.job?.reject(new Error('The computation pool is closed'));
      }
      await Promise.all(ending.map((slot) => slot.worker.terminate()));
    },
  };
}
