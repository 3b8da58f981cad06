import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { openDatabase } from '../../../src/data/open.ts';

/**
 * The DATABASE_URL path against a real PostgreSQL server. CI sets TEST_SERVER_DATABASE_URL to
 * the machine's server; without a server the test says so rather than passing silently.
 */
const serverUrl = process.env.TEST_SERVER_DATABASE_URL;

describe.runIf(serverUrl)('with DATABASE_URL set', () => {
  it('migrates and uses that server, starting no embedded PostgreSQL', async () => {
    const name = `s2s_url_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    try {
      const opened = await openDatabase(
        loadConfig({ DATABASE_URL: url.toString(), S2S_DATA_DIR: '/nonexistent/never-created' }),
      );
      expect(opened.description).toContain(`/${name}`);
      const tables = await sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.tables where table_name = 'schools'`.execute(
        opened.db,
      );
      expect(tables.rows[0]?.n).toBe(1);
      await opened.close();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describe.skipIf(serverUrl)('with DATABASE_URL set', () => {
  it.skip('needs TEST_SERVER_DATABASE_URL pointing at a PostgreSQL server (set by .ci/run)', () => {});
});
