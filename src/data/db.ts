import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// PostgreSQL numeric and bigint arrive as strings by default; S2S stores counts and
// percentages that fit comfortably in a double.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// Dates stay as ISO strings (yyyy-mm-dd): they are calendar dates, not instants.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Kysely<Database>;

export interface DbOptions {
  /** Connections at most. */
  max?: number;
  /** Told when a connection is lost (the server stopped, crashed or restarted). */
  onConnectionLost?: (error: Error) => void;
}

/**
 * How long a request waits for a connection before the database counts as unreachable: long
 * enough for a busy pool, short enough that a person sees "try again" rather than a spinner.
 */
const CONNECT_TIMEOUT_MS = 5_000;

export function createDb(url: string, { max = 10, onConnectionLost }: DbOptions = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const lost =
    onConnectionLost ?? ((error: Error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  // A connection dropped by the server (a restart, a crash, the embedded server stopping) emits
  // 'error' on its client, idle or in use; unheard, that event would end the process. The query
  // in flight fails on its own, and the pool opens a new connection for the next one.
  const open = new Set<Promise<void>>();
  pool.on('connect', (client) => {
    client.on('error', lost);
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    open.add(ended);
    void ended.then(() => open.delete(ended));
  });
  // The pool repeats an idle client's error, already reported by the client's own listener.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  connections.set(db, open);
  return db;
}

/** Kysely keeps its pool to itself; kept here by database, for the service's metrics. */
const pools = new WeakMap<Db, pg.Pool>();
/** The ends of each database's open connections, awaited by `closeDb`. */
const connections = new WeakMap<Db, Set<Promise<void>>>();

/**
 * Closes the pool and resolves once every connection has ended, or after `waitMs` for a server
 * that does not answer (a stop never waits on it for long). The pool's own close resolves as soon
 * as it has asked its idle connections to end: a server stopped straight after (the embedded one)
 * ended them first, and each read as a connection lost.
 */
export async function closeDb(db: Db, { waitMs = CONNECT_TIMEOUT_MS }: { waitMs?: number } = {}): Promise<void> {
  await db.destroy();
  const open = connections.get(db);
  if (!open || open.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  await Promise.race([Promise.all(open), waited]);
  clearTimeout(timer);
}

export interface PoolStats {
  /** Connections open, in use or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

/** The connection pool's state now, for a database made by `createDb`. */
export function poolStats(db: Db): PoolStats | undefined {
  const pool = pools.get(db);
  return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
