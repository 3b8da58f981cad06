import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
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

export interface TestAppOptions {
  env?: Record<string, string>;
  mailer?: AppDeps['mailer'];
  /**
   * 'test' (the default): every test gets its own copy of the seeded database and its own app,
   * so any test runs alone and none sees another's writes. 'file': one for the whole file, for
   * files whose tests only read.
   */
  fresh?: 'test' | 'file';
}

/**
 * A seeded database and the S2S app over it (call inside `describe`); with `fresh: 'test'` a
 * fresh copy for each test, cloned from the database seeded once for the file.
 */
export function useTestApp(
  seed: (db: Db) => Promise<void> = async () => {},
  options: TestAppOptions = {},
): TestApp {
  let seeded: TestDatabase | undefined;
  let t: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  const start = async () => {
    app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', ...options.env }),
      db: t!.db,
      mailer: options.mailer,
    });
  };
  const stop = async () => {
    await app?.close();
    await t?.drop();
    app = t = undefined;
  };
  if (options.fresh === 'file') {
    beforeAll(async () => {
      t = await createTestDatabase();
      await seed(t.db);
      await start();
    });
    afterAll(stop);
  } else {
    beforeAll(async () => {
      seeded = await createTestDatabase();
      await seed(seeded.db);
      // A database with open connections cannot be a template.
      await seeded.release();
    });
    beforeEach(async () => {
      t = await createTestDatabase(seeded!.name);
      await start();
    });
    afterEach(stop);
    afterAll(async () => {
      await seeded?.drop();
    });
  }
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
