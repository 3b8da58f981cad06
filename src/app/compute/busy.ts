/** How long a client is asked to wait when the computations queue is full, in seconds. */
export const BUSY_RETRY_AFTER_SECONDS = 10;

/**
 * The queue of heavy computations is full: a state to answer (429 with Retry-After, a "busy"
 * page), not a fault. Waiting longer would only let the queue, and every answer, grow late.
 */
export class ComputeBusyError extends Error {
  readonly retryAfterSeconds = BUSY_RETRY_AFTER_SECONDS;
  constructor() {
    super('S2S is busy; try again in a minute.');
    this.name = 'ComputeBusyError';
  }
}

export const isComputeBusy = (error: unknown): error is ComputeBusyError => error instanceof ComputeBusyError;
