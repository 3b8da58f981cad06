import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComputeBusyError } from '../../../../src/app/compute/busy.ts';
import {
  createWorkerPool,
  releaseState,
  StateLostError,
  type PoolState,
  type WorkerPool,
  type WorkerPoolOptions,
} from '../../../../src/app/compute/worker-pool.ts';
import type { GatedTask } from '../../../fixtures/compute/gated-worker.ts';
import { BACKGROUND_WORK_MS } from '../../../helpers/background.ts';

const module = new URL('../../../fixtures/compute/gated-worker.ts', import.meta.url);

const stateOf = (id: number, label: string): PoolState => {
  const bytes = new TextEncoder().encode(label);
  const payload = new ArrayBuffer(bytes.length, { maxByteLength: bytes.length });
  new Uint8Array(payload).set(bytes);
  return { id, payload };
};

/** A gate a task waits at in its worker until the test opens it. */
function gate() {
  const buffer = new SharedArrayBuffer(4);
  return {
    buffer,
    open() {
      Atomics.store(new Int32Array(buffer), 0, 1);
      Atomics.notify(new Int32Array(buffer), 0);
    },
  };
}

describe('the worker pool', () => {
  let pool: WorkerPool | undefined;
  const open = (size: number, maxQueue: number, idle: Partial<WorkerPoolOptions> = {}) =>
    (pool = createWorkerPool({ module, size, maxQueue, ...idle }));
  const run = (state: PoolState, task: GatedTask) => pool!.run<string>(state, 'test', task);
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('answers each task from the state it names, sending a worker each new state once', async () => {
    open(1, 10);
    const first = stateOf(1, 'first');
    const second = stateOf(2, 'second');
    expect(await run(first, { answer: 'a' })).toBe('first:a');
    expect(await run(first, { answer: 'b' })).toBe('first:b');
    expect(await run(second, { answer: 'c' })).toBe('second:c');
    expect(await run(first, { answer: 'd' })).toBe('first:d');
  });

  it('queues tasks while every worker is busy and refuses one more than the queue holds, at once', async () => {
    open(1, 1);
    const state = stateOf(1, 's');
    const held = gate();
    const running = run(state, { answer: 'running', gate: held.buffer });
    const waiting = run(state, { answer: 'waiting' });
    await expect(run(state, { answer: 'refused' })).rejects.toBeInstanceOf(ComputeBusyError);
    expect(pool!.stats()).toMatchObject({ queued: 1, running: 1, workers: 1 });
    held.open();
    expect(await running).toBe('s:running');
    expect(await waiting).toBe('s:waiting');
    expect(pool!.stats()).toMatchObject({ queued: 0, running: 0 });
  });

  it('runs as many tasks at once as it has workers', async () => {
    open(2, 0);
    const state = stateOf(1, 's');
    const held = gate();
    const both = [
      run(state, { answer: 'one', gate: held.buffer }),
      run(state, { answer: 'two', gate: held.buffer }),
    ];
    expect(pool!.stats()).toMatchObject({ queued: 0, running: 2, workers: 2 });
    await expect(run(state, { answer: 'three' })).rejects.toBeInstanceOf(ComputeBusyError);
    held.open();
    expect(await Promise.all(both)).toEqual(['s:one', 's:two']);
  });

  it('lends a new state to one worker at a time, the others waiting for it to come back', async () => {
    open(3, 0);
    const state = stateOf(1, 's');
    const held = gate();
    const three = ['one', 'two', 'three'].map((answer) => run(state, { answer, gate: held.buffer }));
    expect(pool!.stats()).toMatchObject({ queued: 0, running: 3, workers: 3 });
    held.open();
    expect(await Promise.all(three)).toEqual(['s:one', 's:two', 's:three']);
    // Back home once every worker has read it.
    expect(new TextDecoder().decode(state.payload)).toBe('s');
  });

  it('fails the tasks waiting for a state whose payload a dying worker took, for their caller to send it again', async () => {
    open(2, 0);
    const doomed = stateOf(1, 'dies reading');
    const reading = run(doomed, { answer: 'a' });
    const waiting = run(doomed, { answer: 'b' });
    await expect(reading).rejects.toThrow(/worker stopped/);
    await expect(waiting).rejects.toBeInstanceOf(StateLostError);
    await expect(run(doomed, { answer: 'c' })).rejects.toBeInstanceOf(StateLostError);
    expect(await run(stateOf(2, 'again'), { answer: 'd' })).toBe('again:d');
  });

  it('gives a released state’s memory back, and fails a task that asks for it later', async () => {
    open(1, 10);
    const state = stateOf(1, 's');
    expect(await run(state, { answer: 'a' })).toBe('s:a');
    const payload = state.payload!;
    releaseState(state);
    await vi.waitFor(() => expect(payload.byteLength).toBe(0), { timeout: BACKGROUND_WORK_MS });
    await expect(run(state, { answer: 'b' })).rejects.toBeInstanceOf(StateLostError);
  });

  it('fails a task whose computation throws, with its message, and goes on answering', async () => {
    open(1, 10);
    const state = stateOf(1, 's');
    await expect(run(state, { fail: 'no such school' })).rejects.toThrow(/no such school/);
    expect(await run(state, { answer: 'after' })).toBe('s:after');
  });

  it('fails only the task of a worker that dies, and starts another for the next', async () => {
    open(1, 10);
    const state = stateOf(1, 's');
    await expect(run(state, { exit: true })).rejects.toThrow(/worker stopped/);
    expect(await run(state, { answer: 'after' })).toBe('s:after');
    expect(pool!.stats().workers).toBe(1);
  });

  it('ends a worker left without a task, says when none is left, and starts another for the next task', async () => {
    let allIdle = 0;
    open(1, 10, { idleMs: 20, onAllIdle: () => allIdle++ });
    const state = stateOf(1, 's');
    expect(await run(state, { answer: 'a' })).toBe('s:a');
    await vi.waitFor(() => expect(pool!.stats().workers).toBe(0), { timeout: BACKGROUND_WORK_MS });
    expect(allIdle).toBe(1);
    // The new worker is sent the state again before its first task.
    expect(await run(state, { answer: 'b' })).toBe('s:b');
    expect(pool!.stats()).toMatchObject({ workers: 1, started: 2 });
  });

  it('does not end a worker while it has a task', async () => {
    open(1, 10, { idleMs: 20 });
    const state = stateOf(1, 's');
    const held = gate();
    const running = run(state, { answer: 'long', gate: held.buffer });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pool!.stats()).toMatchObject({ workers: 1, running: 1 });
    held.open();
    expect(await running).toBe('s:long');
  });

  it('reports how long each task took in its worker', async () => {
    open(1, 10);
    const settled: [string, number, string][] = [];
    pool!.onSettled((kind, seconds, outcome) => settled.push([kind, seconds, outcome]));
    const state = stateOf(1, 's');
    await run(state, { answer: 'a' });
    await run(state, { fail: 'x' }).catch(() => undefined);
    expect(settled.map(([kind, , outcome]) => [kind, outcome])).toEqual([
      ['test', 'ok'],
      ['test', 'failed'],
    ]);
    expect(settled.every(([, seconds]) => seconds >= 0)).toBe(true);
  });

  it('refuses the tasks still waiting when it closes', async () => {
    open(1, 5);
    const state = stateOf(1, 's');
    const held = gate();
    const running = run(state, { answer: 'running', gate: held.buffer });
    const waiting = run(state, { answer: 'waiting' });
    // The running task's thread is ended; the waiting one never starts.
    const closing = pool!.close();
    await expect(waiting).rejects.toThrow(/closed/);
    await expect(running).rejects.toThrow(/closed/);
    held.open();
    await closing;
  });
});
