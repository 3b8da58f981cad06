import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { closeDb, createDb } from '../../../src/data/db.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { cuttableLink, throughLink } from '../../helpers/cuttable-link.ts';

describe('the database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.drop());

  it('has the registry tables after migration', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'`.execute(t.db);
    const names = tables.rows.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining(['schools', 'inspections', 'performance', 'school_links', 'imports']),
    );
  });

  it('finds a school by an accented or partial name through the search index', async () => {
    await t.db
      .insertInto('schools')
      .values({
        urn: 100001,
        name: "St Mary's Church of England Primary School",
        type_name: null,
        type_group: null,
        open: true,
        status_name: 'Open',
        phase: 'primary',
        statutory_low_age: 4,
        statutory_high_age: 11,
        country: 'England',
        la_code: null,
        la_name: null,
        region_code: null,
        region_name: null,
        constituency_code: null,
        constituency_name: null,
        town: 'Ystradgynlais',
        postcode: 'SA9 1AB',
        lat: null,
        lon: null,
        pupils: null,
        fsm_percent: null,
        eal_percent: null,
        sen_percent: null,
        urban_rural: null,
        trust: null,
      })
      .execute();
    const byPostcode = await sql<{ urn: number }>`
      select urn from schools where search @@ plainto_tsquery('simple', 'SA91AB')`.execute(t.db);
    expect(byPostcode.rows.map((r) => r.urn)).toEqual([100001]);
  });

  it('stops waiting for a server that does not answer, so a stop never hangs on it', async () => {
    const own = await createTestDatabase();
    const link = await cuttableLink(own.url);
    try {
      const db = createDb(throughLink(own.url, link), { max: 2, onConnectionLost: () => {} });
      await Promise.all([sql`select 1`.execute(db), sql`select 1`.execute(db)]);
      // The connections stay open, but nothing comes back: not even the end of them.
      link.freeze();
      const closed = closeDb(db, { waitMs: 200 }).then(() => 'closed');
      const stillWaiting = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000));
      expect(await Promise.race([closed, stillWaiting])).toBe('closed');
    } finally {
      await link.close();
      await own.drop();
    }
  });
});
