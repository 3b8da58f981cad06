import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { startEmbeddedPostgres } from '../../../src/data/embedded.ts';
import { openDatabase } from '../../../src/data/open.ts';

describe('with DATABASE_URL unset', () => {
  it('starts a real PostgreSQL in the data folder on a free port, keeps data across restarts, and stops cleanly', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-embedded-'));
    fs.chmodSync(dataDir, 0o755);
    try {
      const config = loadConfig({ S2S_DATA_DIR: dataDir });
      const first = await openDatabase(config);
      expect(first.description).toContain(path.join(dataDir, 'pg'));
      await sql`create table kept (n int)`.execute(first.db);
      await sql`insert into kept values (42)`.execute(first.db);
      await first.close();

      const second = await openDatabase(config);
      const rows = await sql<{ n: number }>`select n from kept`.execute(second.db);
      expect(rows.rows).toEqual([{ n: 42 }]);
      await second.close();
      expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops only once every connection has ended, so none reads as lost', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-embedded-'));
    fs.chmodSync(dataDir, 0o755);
    const lost: string[] = [];
    const heard = (warning: Error) => {
      if (/connection lost/.test(warning.message)) lost.push(warning.message);
    };
    process.on('warning', heard);
    try {
      const config = loadConfig({ S2S_DATA_DIR: dataDir });
      // The server ended idle connections before they had said goodbye about one time in twenty.
      for (let round = 0; round < 6; round++) {
        const opened = await openDatabase(config);
        await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.05)`.execute(opened.db)));
        await opened.close();
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(lost).toEqual([]);
    } finally {
      process.off('warning', heard);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('lets a command share the database while the service runs on the same folder, and leaves it running', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-embedded-'));
    fs.chmodSync(dataDir, 0o755);
    try {
      const config = loadConfig({ S2S_DATA_DIR: dataDir });
      const service = await openDatabase(config);
      await sql`create table shared (n int)`.execute(service.db);

      const command = await openDatabase(config);
      await sql`insert into shared values (7)`.execute(command.db);
      await command.close();

      const rows = await sql<{ n: number }>`select n from shared`.execute(service.db);
      expect(rows.rows).toEqual([{ n: 7 }]);
      await service.close();
      expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('signs in with a random password of its own, readable by this user alone, and retires the old shared one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-embedded-'));
    fs.chmodSync(dataDir, 0o755);
    const passwordFile = path.join(dataDir, 'pg.password');
    const signsIn = async (url: string, password: string) => {
      const u = new URL(url);
      u.password = password;
      const client = new pg.Client({ connectionString: u.toString() });
      try {
        await client.connect();
        return true;
      } catch {
        return false;
      } finally {
        await client.end();
      }
    };
    try {
      const config = loadConfig({ S2S_DATA_DIR: dataDir });
      const first = await startEmbeddedPostgres(path.join(dataDir, 'pg'));
      const password = fs.readFileSync(passwordFile, 'utf8').trim();
      expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
      expect(password.length).toBeGreaterThanOrEqual(32);
      expect(await signsIn(first.adminUrl, 's2s-local')).toBe(false);
      expect(await signsIn(first.adminUrl, password)).toBe(true);

      // A folder from before, still on the shared password: changed on the next start.
      const old = new pg.Client({ connectionString: first.adminUrl });
      await old.connect();
      await old.query(`alter role s2s password 's2s-local'`);
      await old.end();
      fs.rmSync(passwordFile);
      await first.stop();

      const second = await openDatabase(config);
      const renewed = fs.readFileSync(passwordFile, 'utf8').trim();
      expect(renewed).not.toBe(password);
      expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
      await sql`select 1`.execute(second.db);
      await second.close();
      const third = await startEmbeddedPostgres(path.join(dataDir, 'pg'));
      expect(await signsIn(third.adminUrl, 's2s-local')).toBe(false);
      expect(await signsIn(third.adminUrl, renewed)).toBe(true);
      await third.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('connects S2S as an application role that owns its database and nothing more, taking over what the superuser made before', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-embedded-'));
    fs.chmodSync(dataDir, 0o755);
    const query = async (url: string, text: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    };
    try {
      const first = await startEmbeddedPostgres(path.join(dataDir, 'pg'));
      // A folder from before the application role: the schema's tables were the superuser's.
      await query(first.adminUrl, 'create table older (n int)');
      await first.stop();

      const config = loadConfig({ S2S_DATA_DIR: dataDir });
      const opened = await openDatabase(config);
      await sql`alter table older add column m int`.execute(opened.db);
      const [role] = (
        await sql<{ current_user: string; rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean }>`
          select current_user, rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user`.execute(
          opened.db,
        )
      ).rows;
      expect(role).toEqual({ current_user: 's2s_app', rolsuper: false, rolcreatedb: false, rolcreaterole: false });
      await expect(sql`create database elsewhere`.execute(opened.db)).rejects.toThrow(/permission denied/);
      await expect(sql`alter role s2s password 'taken'`.execute(opened.db)).rejects.toThrow(/permission denied/);
      // Migrated by the application role: the registry's tables are its own.
      const owners = await sql<{ owner: string }>`
        select distinct pg_get_userbyid(relowner) as owner from pg_class c
          join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and relkind = 'r'`.execute(
        opened.db,
      );
      expect(owners.rows).toEqual([{ owner: 's2s_app' }]);
      await opened.close();
      const passwordFile = path.join(dataDir, 'pg.s2s_app.password');
      expect(fs.statSync(passwordFile).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
