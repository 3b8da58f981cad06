import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest/import-file.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { fixture } from '../../helpers/fixtures.ts';
import { fingerprint } from '../../helpers/site.ts';

const LIST = fixture('wales/240410-address-list-schools-wales-maintained.csv');

describe('importing the Welsh Government’s address list of schools', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => t.drop());

  const school = (urn: number) =>
    t.db.selectFrom('schools').selectAll().where('urn', '=', urn).executeTakeFirstOrThrow();

  it('adds every maintained school under its LA and school number, with its language medium', async () => {
    const summary = await importFile(t.db, 'wales-schools', LIST);
    expect(summary).toMatchObject({
      kind: 'wales-schools',
      file: '240410-address-list-schools-wales-maintained.csv',
      asOf: '2024-04-10',
      synthetic: false,
      rowsRead: 8,
      inserted: 8,
      skipped: [],
    });
    expect(await school(6602901)).toMatchObject({
      name: 'Ysgol Gynradd Enghraifft',
      country: 'Wales',
      phase: 'primary',
      la_code: '660',
      la_name: 'Isle of Anglesey',
      region_name: 'Wales',
      // "Ynys Môn", the county in Welsh, is not the town.
      town: 'Amlwch',
      postcode: 'LL68 9ZZ',
      pupils: 180,
      type_name: 'Community',
      language_medium: 'welsh-medium',
      welsh_medium_type: 'Welsh medium',
      lat: null,
    });
    expect(await school(6814901)).toMatchObject({ language_medium: 'bilingual', town: 'Caerdydd' });
    expect(await school(6692901)).toMatchObject({
      language_medium: 'bilingual',
      welsh_medium_type: 'Dual stream',
    });
    expect(await school(6622901)).toMatchObject({
      language_medium: 'english-with-significant-welsh',
      pupils: null,
    });
    expect(await school(6812901)).toMatchObject({ language_medium: 'english-medium', town: 'Llanishen' });
    // Welsh middle schools teach ages 3 to 16 or 19.
    expect(await school(6614901)).toMatchObject({ phase: 'all-through' });
    expect(await school(6817901)).toMatchObject({ phase: 'special', language_medium: null });
  });

  it('changes nothing when the same list is imported again, and a GIAS import keeps the medium', async () => {
    await importFile(t.db, 'wales-schools', LIST);
    const before = await fingerprint(t.db);
    expect(await importFile(t.db, 'wales-schools', LIST)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 8,
    });
    expect((await fingerprint(t.db)).schools).toEqual(before.schools);
    await importFile(t.db, 'gias', fixture('edubasealldata20250422.csv'));
    expect(await school(6602901)).toMatchObject({ language_medium: 'welsh-medium' });
  });

  it.each([
    [
      'wales/wales-bad-medium.csv',
      /row 3, field "Welsh Medium Type - see notes": "Mostly Welsh" is not a Welsh medium type/,
    ],
    [
      'wales/wales-la-mismatch.csv',
      /row 2, field "School Number": school number 6812901 does not start with its LA code 680/,
    ],
    [
      'wales/wales-duplicate-number.csv',
      /row 3, field "School Number": School Number 6812901 appears twice \(first on row 2\)/,
    ],
    ['wales/wales-bad-pupils.csv', /row 2, field "Pupils - see notes": "lots" is not a number/],
    [
      'wales/wales-missing-column.csv',
      /2 columns are missing for the Welsh Government’s address list of schools \(maintained schools\): "Welsh Medium Type - see notes" or "Welsh Medium Type", "Postcode"/,
    ],
    [
      'wales/wales-independent.csv',
      /this is a sheet of independent schools or pupil referral units .*`s2s import wales-schools FILE`/,
    ],
    [
      'edubasealldata20250422.csv',
      /this is a GIAS establishments extract; import it with `s2s import gias FILE`/,
    ],
  ])('refuses %s, naming the file, row and field, and writes nothing', async (name, message) => {
    await importFile(t.db, 'wales-schools', LIST);
    const before = await fingerprint(t.db);
    await expect(importFile(t.db, 'wales-schools', fixture(name))).rejects.toThrow(message);
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('refuses the Welsh list given as a GIAS extract, naming the command that imports it', async () => {
    await expect(importFile(t.db, 'gias', LIST)).rejects.toThrow(
      /import it with `s2s import wales-schools FILE`/,
    );
  });
});
