import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { closeDb, createDb, type Db } from '../../src/data/db.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  /** Closes its connections (so it can serve as a template); safe to call again. */
  release(): Promise<void>;
  drop(): Promise<void>;
}

/**
 * A fresh database of its own, cloned from a template: by default the migrated, empty one made
 * for the whole run; or a seeded one, so each test starts from the same data.
 */
export async function createTestDatabase(template = inject('templateDatabase')): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `s2s_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { max: 4 });
  let released: Promise<void> | undefined;
  const release = () => (released ??= closeDb(db));
  return {
    name,
    url,
    db,
    release,
    drop: async () => {
      await release();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
