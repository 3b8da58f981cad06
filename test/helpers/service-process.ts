import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../src/data/embedded.ts';

/** `s2s serve` as an operator runs it: its own process, listening on a free loopback port. */
export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed to stderr so far. */
  output(): string;
  /** Resolves with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * glibc's malloc settings that `npm start` and the container image run the service with (see the
 * README's Configuration): its thresholds fixed at their defaults, so that a large block freed is
 * given back to the system rather than kept for the next.
 */
export const MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' };

/** The environment of a child process: this one's, with `env` over it (undefined removes a variable). */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  return merged;
}

export async function startService(
  env: Record<string, string | undefined>,
  /** Options for node itself (a CPU profile's `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs: readonly string[] = [],
): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, 'bin/s2s.js', 'serve'], {
    env: childEnv({
      ...MALLOC_ENV,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      S2S_LOAD_DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const listening = new Promise<void>((resolve, reject) => {
    const check = () => stderr.includes('S2S: listening on') && resolve();
    child.stderr!.on('data', check);
    void exited.then(({ code, signal }) =>
      reject(new Error(`s2s serve ended (${signal ?? code}) before listening:\n${stderr}`)),
    );
  });
  await listening;
  return { url: `http://127.0.0.1:${port}`, child, output: () => stderr, exited };
}

/** A browser's cookie jar over fetch, for following a session across requests. */
export function browser(base: string) {
  const cookies = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(base + path, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    return response;
  };
  const csrfToken = async () =>
    ((await (await request('/api/session')).json()) as { csrfToken: string }).csrfToken;
  return {
    get: (path: string) => request(path),
    /** Posts a form with a fresh CSRF token, as the page's form would. */
    post: async (path: string, fields: Record<string, string>) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: await csrfToken(), ...fields }).toString(),
      }),
  };
}

/** Asks until the answer is the one wanted (no wall-clock limit: the test's own timeout bounds it). */
export async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check().catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 200));
}
