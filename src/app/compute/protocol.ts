import { parentPort } from 'node:worker_threads';

/**
 * The messages between the pool and its workers. A worker holds one state (the registry's
 * snapshot), sent once per version and shared by every task that names that version. The
 * serialised state is lent: transferred to the worker, which sends it back once it has read it.
 */
export type ToWorker =
  { type: 'state'; id: number; payload: ArrayBuffer } | { type: 'task'; taskId: number; task: unknown };

export type FromWorker =
  | { type: 'loaded'; id: number; payload: ArrayBuffer }
  | { type: 'done'; taskId: number; ok: true; value: unknown }
  | { type: 'done'; taskId: number; ok: false; message: string };

/**
 * Runs inside a worker: builds its state from each payload the pool sends (the newest replaces
 * the one before), sends the payload back, and answers each task from the state, one at a time.
 * `load` must keep nothing of the payload: it is no longer this thread's once read.
 */
export function serveTasks<State>({
  load,
  run,
}: {
  load: (payload: Uint8Array) => State;
  run: (state: State, task: never) => unknown;
}): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs inside a worker thread');
  let state: State | undefined;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'state') {
      const { id, payload } = message;
      try {
        state = load(new Uint8Array(payload));
      } finally {
        port.postMessage({ type: 'loaded', id, payload } satisfies FromWorker, [payload]);
      }
      return;
    }
    let answer: FromWorker;
    try {
      if (state === undefined) throw new Error('no state was sent before the task');
      answer = { type: 'done', taskId: message.taskId, ok: true, value: run(state, message.task as never) };
    } catch (error) {
      answer = {
        type: 'done',
        taskId: message.taskId,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
    }
    port.postMessage(answer);
  });
}
