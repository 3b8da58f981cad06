import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest/import-file.ts';
import { useTestApp } from '../../helpers/app.ts';
import { fixture } from '../../helpers/fixtures.ts';

const LIST = fixture('wales/240410-address-list-schools-wales-located.csv');
// GIAS's extract, with Ysgol Gymraeg Un (LA 681, establishment 2911: the list's 6812911), a Welsh
// establishment the list lacks, and an English school.
const GIAS = fixture('wales/edubasealldata20240410.csv');
const WELSH = 6812911;
const GIAS_URN = 401911;
const GIAS_ONLY = 401999;

/** Each order of the two imports must give one school, found by both numbers. */
describe.each([
  ['the Welsh list, then GIAS', [LIST, GIAS]],
  ['GIAS, then the Welsh list', [GIAS, LIST]],
])('a Welsh school GIAS lists too, imported from %s', (_, files) => {
  const t = useTestApp(async (db) => {
    for (const file of files) await importFile(db, file === LIST ? 'wales-schools' : 'gias', file);
  });

  it('is one school: listed, searched and counted once, as the Welsh record', async () => {
    const open = await t.db
      .selectFrom('schools')
      .select('urn')
      .where('name', '=', 'Ysgol Gymraeg Un')
      .where('open', '=', true)
      .execute();
    expect(open).toEqual([{ urn: WELSH }]);
    const found = (await t.app.inject('/api/schools?q=Ysgol%20Gymraeg%20Un')).json();
    expect(found.items.map((s: { urn: number }) => s.urn)).toEqual([WELSH]);
    // The in-memory snapshot (the map, capacity, partner search) holds it once too.
    const near = (await t.app.inject(`/api/schools?near=${WELSH}&radiusKm=3&limit=50`)).json();
    const urns = near.items.map((s: { urn: number }) => s.urn);
    expect(urns).toContain(WELSH);
    expect(urns).not.toContain(GIAS_URN);
    // A Welsh establishment that only GIAS lists stays a school of its own.
    expect(urns).toContain(GIAS_ONLY);
  });

  it('sends GIAS’s URN to the Welsh record, in the API and on the page', async () => {
    const api = await t.app.inject(`/api/schools/${GIAS_URN}`);
    expect(api.statusCode).toBe(301);
    expect(api.headers.location).toBe(`/api/schools/${WELSH}`);
    const record = (await t.app.inject(api.headers.location!)).json();
    expect(record).toMatchObject({ urn: WELSH, name: 'Ysgol Gymraeg Un', languageMedium: 'welsh-medium' });
    const page = await t.app.inject(`/schools/${GIAS_URN}`);
    expect(page.statusCode).toBe(301);
    expect(page.headers.location).toBe(`/schools/${WELSH}`);
    expect((await t.app.inject(`/api/schools/${GIAS_ONLY}`)).json()).toMatchObject({
      urn: GIAS_ONLY,
      open: true,
    });
  });

  it('changes nothing when either file is imported again', async () => {
    const again = await importFile(t.db, 'gias', GIAS);
    expect([again.inserted, again.updated]).toEqual([0, 0]);
    const list = await importFile(t.db, 'wales-schools', LIST);
    expect([list.inserted, list.updated]).toEqual([0, 0]);
    const row = await t.db
      .selectFrom('schools')
      .select(['open', 'same_as'])
      .where('urn', '=', GIAS_URN)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ open: false, same_as: WELSH });
  });
});
