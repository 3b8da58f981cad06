import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest/import-file.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { fixture } from '../../helpers/fixtures.ts';

const GIAS = 'edubasealldata20250422.csv';

/** A fresh database for each test, holding the GIAS extract when `withRegistry`. */
function useDatabase(withRegistry: boolean) {
  const current: { t?: TestDatabase } = {};
  beforeEach(async () => {
    current.t = await createTestDatabase();
    if (withRegistry) await importFile(current.t.db, 'gias', fixture(GIAS));
  });
  afterEach(async () => current.t?.drop());
  const t = {
    get db() {
      return current.t!.db;
    },
  };
  const snapshot = async () => ({
    schools: await t.db.selectFrom('schools').selectAll().orderBy('urn').execute(),
    inspections: await t.db.selectFrom('inspections').selectAll().orderBy('id').execute(),
    performance: await t.db.selectFrom('performance').selectAll().orderBy(['urn', 'key_stage']).execute(),
    imports: await t.db.selectFrom('imports').selectAll().orderBy('id').execute(),
  });
  return { t, snapshot };
}

describe('importing a GIAS extract into an empty registry', () => {
  const { t, snapshot } = useDatabase(false);

  it('leaves the database exactly as it was when a row is bad', async () => {
    const before = await snapshot();
    await expect(importFile(t.db, 'gias', fixture('gias-bad-number.csv'))).rejects.toThrow(
      /row 3, field "NumberOfPupils"/,
    );
    await expect(importFile(t.db, 'gias', fixture('gias-duplicate-urn.csv'))).rejects.toThrow(
      /URN 100000 appears twice/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('imports a GIAS extract with a summary of what it did', async () => {
    const summary = await importFile(t.db, 'gias', fixture(GIAS));
    expect(summary).toMatchObject({
      kind: 'gias',
      file: 'edubasealldata20250422.csv',
      synthetic: false,
      rowsRead: 9,
      inserted: 8,
      updated: 0,
      unchanged: 0,
      skipped: [{ reason: "not a school (Children's centres)", count: 1 }],
    });
    const welsh = await t.db
      .selectFrom('schools')
      .selectAll()
      .where('urn', '=', 100005)
      .executeTakeFirstOrThrow();
    expect(welsh).toMatchObject({ country: 'Wales', phase: 'primary', la_code: '661', synthetic: false });
    const recorded = await t.db
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', summary.importId)
      .executeTakeFirstOrThrow();
    expect(recorded).toMatchObject({ kind: 'gias', rows_read: 9, inserted: 8, skipped: 1 });
    expect(recorded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('importing the published files into a registry', () => {
  const { t, snapshot } = useDatabase(true);

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot();
    const summary = await importFile(t.db, 'gias', fixture(GIAS));
    expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 8 });
    const after = await snapshot();
    expect(after.schools).toEqual(before.schools);
  });

  it('updates only the schools whose published details changed', async () => {
    await t.db.updateTable('schools').set({ pupils: 1 }).where('urn', '=', 100000).execute();
    const summary = await importFile(t.db, 'gias', fixture(GIAS));
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 7 });
    const school = await t.db
      .selectFrom('schools')
      .select('pupils')
      .where('urn', '=', 100000)
      .executeTakeFirstOrThrow();
    expect(school.pupils).toBe(285);
  });

  it('imports inspections as history, skipping schools not in the registry with the reason', async () => {
    const summary = await importFile(t.db, 'ofsted', fixture('ofsted-outcomes.csv'));
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { reason: 'URN not in the registry (import the GIAS extract first)', count: 1 },
        { reason: 'not yet inspected (no inspection start date)', count: 1 },
      ]),
    );
    expect(summary.inserted).toBe(6);
    const eras = await t.db
      .selectFrom('inspections')
      .select(['urn', 'start_date', 'era', 'overall_effectiveness', 'report_card'])
      .where('urn', '=', 100002)
      .orderBy('start_date', 'desc')
      .execute();
    expect(eras).toEqual([
      expect.objectContaining({ start_date: '2025-11-18', era: 'report-card', overall_effectiveness: null }),
      expect.objectContaining({ start_date: '2022-06-12', era: 'legacy', overall_effectiveness: 4 }),
    ]);
    expect(eras[0]!.report_card).toMatchObject({ achievement: 4, post16: 5 });
    const raw = await t.db
      .selectFrom('inspections')
      .select('raw')
      .where('urn', '=', 100001)
      .where('start_date', '=', '2024-10-08')
      .executeTakeFirstOrThrow();
    expect(raw.raw['School name']).toBe('St Mary\u2019s Café Academy');
    expect(await importFile(t.db, 'ofsted', fixture('ofsted-outcomes.csv'))).toMatchObject({
      inserted: 0,
      updated: 0,
    });
  });

  it('imports KS2 and KS4 results by URN and year', async () => {
    const ks2 = await importFile(t.db, 'performance', fixture('2018-2019/england_ks2final.csv'));
    expect(ks2).toMatchObject({ kind: 'ks2', rowsRead: 5, inserted: 2 });
    const ks4 = await importFile(t.db, 'performance', fixture('2018-2019/england_ks4final.csv'));
    expect(ks4).toMatchObject({ kind: 'ks4', inserted: 3 });
    const row = await t.db
      .selectFrom('performance')
      .selectAll()
      .where('urn', '=', 100001)
      .where('key_stage', '=', 4)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ year: 2019, progress8: 0.45, attainment8: 52.3, english_maths5_percent: 51 });
  });

  it('rolls back a performance import whose last row is bad, keeping earlier results', async () => {
    await importFile(t.db, 'performance', fixture('2018-2019/england_ks2final.csv'));
    const before = await snapshot();
    await expect(
      importFile(t.db, 'performance', fixture('2018-2019/ks2-duplicate-urn.csv'), { status: 'final' }),
    ).rejects.toThrow(/row 7, field "URN"/);
    expect(await snapshot()).toEqual(before);
  });

  it('imports the links between predecessor and successor schools', async () => {
    const summary = await importFile(t.db, 'links', fixture('links_edubasealldata20250422.csv'));
    expect(summary).toMatchObject({ kind: 'links', inserted: 3 });
  });
});
