import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
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
});
