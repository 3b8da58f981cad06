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

export function createDb(url: string, { max = 10 }: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (a restart, or the embedded server stopping at
  // shutdown) must not crash the process; the next query simply opens a new connection.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
