import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

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
});
