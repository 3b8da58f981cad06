import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The `s2s` command as a user runs it, against the database at `databaseUrl()`, with `env` set. */
export function s2sCommand(databaseUrl: () => string, env: Record<string, string> = {}) {
  const s2s = (...args: string[]) =>
    run(process.execPath, ['bin/s2s.js', ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl(), NODE_ENV: 'test', ...env },
    });
  /** Runs a command that must fail, and gives its exit status and output. */
  const failure = (...args: string[]) =>
    s2s(...args).then(
      () => {
        throw new Error(`expected "s2s ${args.join(' ')}" to fail`);
      },
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  return { s2s, failure };
}
