/**
 * Whether an error means PostgreSQL could not be reached or went away (a network failure, the
 * server shutting down or restarting, a connection that timed out), rather than a fault in a
 * query. Those are a state to serve through: the web answers 503 and retries on the next request.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.test(code))) return true;
    if (LOST_CONNECTION.test(e.message)) return true;
    // AggregateError: node tries each address of a host (IPv4 and IPv6) and reports them together.
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATEs for a lost or refused connection: class 08 (connection exception),
 * 57P01-57P03 (the server shutting down, crashed, or not yet accepting connections) and 53300
 * (too many connections).
 */
const SERVER_CODES = /^(08...|57P0[123]|53300)$/;

/** node-postgres reports a dropped socket or a pool timeout in words only. */
const LOST_CONNECTION =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Client was closed and is not queryable/i;
