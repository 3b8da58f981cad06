import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type OpenDatabase } from '../data/open.ts';
import { describeProvenance, type DatasetProvenance } from '../domain/provenance.ts';

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

/**
 * Prints either the machine form (--json) or the human form of a result; a result that rests on
 * school data says which (`dataset` in JSON, as the API does; its one line after the text).
 */
export function output(
  json: boolean | undefined,
  value: object,
  human: () => string,
  dataset?: DatasetProvenance,
): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(dataset ? { ...value, dataset } : value, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${human()}\n${dataset ? `${describeProvenance(dataset)}\n` : ''}`);
}
