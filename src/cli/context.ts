import type { AppContext } from '../app/context.ts';
import { openApp } from '../app/context.ts';
import { loadConfig } from '../config.ts';

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

/** Prints either the machine form (--json) or the human form of a result. */
export function output(json: boolean | undefined, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}
