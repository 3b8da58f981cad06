import path from 'node:path';
import type { Config } from '../config.ts';
import { closeDb, createDb, type Db } from './db.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateToLatest } from './migrate.ts';

export interface OpenDatabase {
  db: Db;
  /** Where the data lives, for messages: the server URL without its password, or the folder. */
  description: string;
  close(): Promise<void>;
}

/**
 * The server named by DATABASE_URL, or else a real PostgreSQL started in the data folder (and
 * restarted if it stops unasked; `notice` hears of that). Either way the schema is migrated
 * before it is handed out.
 */
export async function openDatabase(
  config: Config,
  notice: (line: string) => void = () => {},
  { stoppedByCaller = false }: { stoppedByCaller?: boolean } = {},
): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let description: string;
  if (url) {
    const shown = new URL(url);
    shown.password = shown.password ? '***' : '';
    description = `PostgreSQL at ${shown.toString()}`;
  } else {
    const dir = path.join(config.dataDir, 'pg');
    const embedded = await startEmbeddedPostgres(dir, { onNotice: notice, stoppedByCaller });
    url = embedded.url;
    stopEmbedded = () => embedded.stop();
    description = `embedded PostgreSQL in ${dir}`;
  }
  const db = createDb(url);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await closeDb(db);
    await stopEmbedded?.();
    throw error;
  }
  return {
    db,
    description,
    close: async () => {
      await closeDb(db);
      await stopEmbedded?.();
    },
  };
}
