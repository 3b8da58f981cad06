import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/data/db.ts';
import { launchBrowser } from './browser.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { startServer } from './server.ts';

export interface BrowserTestApp {
  readonly app: FastifyInstance;
  readonly db: Db;
  /** Where the app listens, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * For one end-to-end test file (call inside `describe`, before its own hooks): a fresh seeded
 * database, the app listening on a free port and Chromium, all removed after the file. Tests
 * make their pages with `browser.newContext()`, as axe requires.
 */
export function useBrowserApp(
  seed: (db: Db) => Promise<void> = async () => {},
  env: Record<string, string> = {},
): BrowserTestApp {
  let t: TestDatabase | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seed(t.db);
    server = await startServer(t.db, env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    await t?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser test app is only there inside the tests');
    return value;
  };
  return {
    get app() {
      return ready(server).app;
    },
    get db() {
      return ready(t).db;
    },
    get url() {
      return ready(server).url;
    },
    get browser() {
      return ready(browser);
    },
  };
}
