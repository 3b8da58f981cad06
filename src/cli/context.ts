import type { AppContext } from '../app/context.ts';
import { openApp } from '../app/context.ts';
import { datasetProvenance } from '../app/provenance.ts';
import { loadConfig } from '../config.ts';
import { describeProvenance, type DatasetProvenance } from '../domain/provenance.ts';

const log = { info: () => {}, warn: (_: unknown, message: string) => process.stderr.write(`${message}\n`) };

/**
 * Runs a command with the same use-case context as the web service, over the configured
 * database, and always closes it (stopping the embedded PostgreSQL) however the command ends.
 */
export async function withApp<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const opened = await openApp(loadConfig(), log);
  try {
    return await work(opened.ctx);
  } finally {
    await opened.close();
  }
}

/** Runs a command as `withApp` does, and says which data its answer rests on. */
export function withDataset<T>(
  work: (ctx: AppContext) => Promise<T>,
): Promise<{ value: T; dataset: DatasetProvenance }> {
  return withApp(async (ctx) => {
    const value = await work(ctx);
    return { value, dataset: await datasetProvenance(ctx) };
  });
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
