import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/data/db.ts';
import { buildApp } from '../../src/web/app.ts';
import type { AppDeps } from '../../src/web/deps.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: Db;
  /** The database's connection string, for the CLI. */
  readonly url: string;
}

/**
 * For one test file (call inside `describe`): a fresh database, seeded, and the S2S app over it,
 * built before the tests and removed after them.
 */
export function useTestApp(
  seed: (db: Db) => Promise<void> = async () => {},
  options: { env?: Record<string, string>; mailer?: AppDeps['mailer'] } = {},
): TestApp {
  let t: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seed(t.db);
    app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', ...options.env }),
      db: t.db,
      mailer: options.mailer,
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test app is only there inside the tests');
    return value;
  };
  return {
    get app() {
      return ready(app);
    },
    get db() {
      return ready(t).db;
    },
    get url() {
      return ready(t).url;
    },
  };
}
