import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ComputeBusyError } from './busy.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** A state the workers compute from (a snapshot of the registry), serialised once for all of them. */
export interface PoolState {
  id: number;
  /**
   * The state serialised, lent to one worker at a time to read: transferred there and back, so
   * that no thread holds it but the one reading it, and what is let go gives its memory back at
   * once (`releaseState`) rather than at this thread's next full collection (a few hundred
   * megabytes at 150,000 schools). Undefined while a worker has it, or once released.
   */
  payload: ArrayBuffer | undefined;
  /** The payload is gone (released, or with a worker that died reading it): serialise it again. */
  lost?: boolean;
}

/** How much of a released payload goes back between two turns of the event loop. */
const RELEASED_A_TURN = 16 * 2 ** 20;

/**
 * Gives a state's memory back now, a slice at a time between requests (170 MB at once held the
 * thread 40 ms); a task asking for the state later fails with `StateLostError`.
 */
export function releaseState(state: PoolState): void {
  const payload = state.payload;
  state.payload = undefined;
  state.lost = true;
  if (payload) void shrinkAway(payload);
}

async function shrinkAway(payload: ArrayBuffer): Promise<void> {
  while (payload.byteLength > 0) {
    payload.resize(Math.max(0, payload.byteLength - RELEASED_A_TURN));
    await nextTurn();
  }
}

/** A task's state is no longer there to send a worker: the caller serialises it again. */
export class StateLostError extends Error {
  constructor() {
    super('The state a computation needs was let go before a worker could read it');
    this.name = 'StateLostError';
  }
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
  /** The state whose payload this worker has been lent and not yet sent back. */
  reading: PoolState | undefined;
  /**
   * The job given this worker: sent at once, or, while the worker has not read its state (whose
   * payload is lent to another), once the payload comes back.
   */
  job: Job | undefined;
  startedAt: number;
  /** Ends the worker when it has had no task for `idleMs`. */
  idleTimer: NodeJS.Timeout | undefined;
}

const ENTRY = new URL('./worker-entry.js', import.meta.url);

/**
 * A fixed set of worker threads with a bounded queue: heavy computations run there, never on the
 * thread that answers requests. Each worker is told about a new state once, before its first task
 * on it, lent the state's payload in turn with the other workers that need it; a worker that dies
 * fails only its own task (and, dying with a payload, the tasks waiting for it) and is replaced on
 * the next one. Idle workers do not keep the process alive, so a command ends when its work does.
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
    const slot: Slot = {
      worker,
      loaded: undefined,
      reading: undefined,
      job: undefined,
      startedAt: 0,
      idleTimer: undefined,
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'loaded') {
        const state = slot.reading;
        slot.reading = undefined;
        if (state?.id !== message.id) return;
        state.payload = message.payload;
        if (state.lost) releaseState(state);
        passOn(state);
        return;
      }
      if (!slot.job || slot.job.taskId !== message.taskId) return;
      const job = settle(slot, message.ok ? 'ok' : 'failed');
      if (message.ok) job.resolve(message.value);
      else job.reject(new Error(`The ${job.kind} computation failed: ${message.message}`));
      freed(slot);
    });
    const lost = (error: Error) => {
      // A worker that dies reading a state takes its payload with it.
      const reading = slot.reading;
      slot.reading = undefined;
      if (reading) reading.lost = true;
      const index = slots.indexOf(slot);
      if (index !== -1) {
        slots.splice(index, 1);
        if (slot.job) settle(slot, 'failed').reject(error);
      }
      if (reading) passOn(reading);
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

  /** A worker whose task has ended takes the next, or waits for one until `idleMs` has passed. */
  const freed = (slot: Slot) => {
    pump();
    if (!slot.job && idleMs !== undefined) slot.idleTimer = setTimeout(() => end(slot), idleMs).unref();
  };

  /** Sends the worker its job's task, lending it the state's payload first if it has not read it. */
  const send = (slot: Slot) => {
    const job = slot.job!;
    const { state } = job;
    if (slot.loaded !== state.id) {
      const payload = state.payload!;
      state.payload = undefined;
      slot.reading = state;
      slot.loaded = state.id;
      slot.worker.postMessage({ type: 'state', id: state.id, payload } satisfies ToWorker, [payload]);
    }
    slot.startedAt = performance.now();
    started++;
    slot.worker.postMessage({ type: 'task', taskId: job.taskId, task: job.task } satisfies ToWorker);
  };

  /**
   * A state's payload is back (or lost): the next worker waiting for it is lent it; if it is lost,
   * the jobs waiting for it fail, for their caller to serialise the state again.
   */
  const passOn = (state: PoolState) => {
    for (const slot of slots) {
      if (slot.job?.state !== state || slot.loaded === state.id) continue;
      if (state.payload) return send(slot);
      settle(slot, 'failed').reject(new StateLostError());
      freed(slot);
    }
  };

  /**
   * Gives `job` to a worker: its task goes at once if the worker has read the state, or the state's
   * payload is here to lend; otherwise when the payload comes back from the worker reading it.
   */
  const dispatch = (slot: Slot, job: Job) => {
    clearTimeout(slot.idleTimer);
    slot.job = job;
    slot.startedAt = performance.now();
    slot.worker.ref();
    if (slot.loaded === job.state.id || job.state.payload) send(slot);
  };

  /** A free worker for `job`, one that has read its state if there is one; or a new one. */
  const slotFor = (job: Job): Slot | undefined => {
    const free = slots.filter((slot) => !slot.job);
    return (
      free.find((slot) => slot.loaded === job.state.id) ??
      free[0] ??
      (slots.length < size ? spawn() : undefined)
    );
  };

  function pump() {
    if (closed) return;
    while (queue.length > 0) {
      const job = queue[0]!;
      if (job.state.lost) {
        queue.shift();
        job.reject(new StateLostError());
        continue;
      }
      const slot = slotFor(job);
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
        if (state.lost) return reject(new StateLostError());
        const slot = queue.length === 0 ? slotFor(job) : undefined;
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
