import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type OpenDatabase } from '../data/open.ts';

/**
 * Runs a command with the configuration and an open, migrated database, and always closes it
 * (stopping the embedded PostgreSQL) however the command ends.
 */
export async function withDatabase<T>(
  work: (db: OpenDatabase['db'], config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const opened = await openDatabase(config);
  try {
    return await work(opened.db, config);
  } finally {
    await opened.close();
  }
}

/** Prints either the machine form (--json) or the human form of a result. */
export function output(json: boolean | undefined, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}
