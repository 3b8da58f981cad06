import pg from 'pg';
import { createDb, type Db } from '../src/data/db.ts';
import { startEmbeddedPostgres } from '../src/data/embedded.ts';
import { migrateToLatest } from '../src/data/migrate.ts';

/**
 * A fresh, migrated database for a benchmark: on the server named by BENCH_DATABASE_URL (an
 * admin connection), or else on an embedded PostgreSQL in .s2s/bench-pg.
 */
export async function benchDatabase(
  name = 's2s_bench',
): Promise<{ db: Db; url: string; close: () => Promise<void> }> {
  const embedded = process.env.BENCH_DATABASE_URL
    ? null
    : await startEmbeddedPostgres('.s2s/bench-pg', { database: 'postgres' });
  const adminUrl = process.env.BENCH_DATABASE_URL ?? embedded!.adminUrl;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: 2 });
  await migrateToLatest(db);
  return {
    db,
    url: url.toString(),
    close: async () => {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
