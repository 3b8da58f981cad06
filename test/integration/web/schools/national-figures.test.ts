import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../src/data/db.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const MAINSTREAM = 100300;
const SPECIAL = 100301;
const OTHER_SPECIAL = 100302;

async function ks4(db: Db, urn: number, progress8: number, attainment8: number) {
  await db
    .insertInto('performance')
    .values({
      urn,
      year: 2019,
      key_stage: 4,
      status: 'final',
      cohort: 100,
      rwm_expected_percent: null,
      reading_expected_percent: null,
      writing_expected_percent: null,
      maths_expected_percent: null,
      reading_progress: null,
      writing_progress: null,
      maths_progress: null,
      progress8,
      attainment8,
      english_maths5_percent: null,
      raw: JSON.stringify({}),
    })
    .execute();
}

describe("a school's results beside the national figures", () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: MAINSTREAM, name: 'Leeds High School', phase: 'secondary' });
      await insertSchool(db, { urn: SPECIAL, name: 'Oak Special School', phase: 'special' });
      await insertSchool(db, { urn: OTHER_SPECIAL, name: 'Elm Special School', phase: 'special' });
      await ks4(db, MAINSTREAM, -0.1, 45);
      await ks4(db, SPECIAL, -1, 14);
      await ks4(db, OTHER_SPECIAL, -2, 10);
    },
    { fresh: 'test' },
  );

  it("gives a mainstream school the DfE's published figures, with their source, in the API", async () => {
    const res = await t.app.inject(`/api/schools/${MAINSTREAM}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().nationalFigures).toEqual([
      expect.objectContaining({ keyStage: 4, year: 2019, measure: 'progress8', value: 0 }),
      expect.objectContaining({
        measure: 'attainment8',
        value: 46.7,
        comparedWith: 'state-funded schools',
        source: expect.stringContaining('Key stage 4 performance, 2019'),
      }),
    ]);
  });

  it('compares a special school with special schools only, on the page and in the API', async () => {
    const res = await t.app.inject(`/api/schools/${SPECIAL}`);
    expect(res.json().nationalFigures).toEqual([
      expect.objectContaining({
        measure: 'progress8',
        value: -1.5,
        comparedWith: 'special schools in this registry',
      }),
      expect.objectContaining({
        measure: 'attainment8',
        value: 12,
        comparedWith: 'special schools in this registry',
      }),
    ]);
    const page = await t.app.inject(`/schools/${SPECIAL}`);
    expect(page.body).toContain('National figure');
    expect(page.body).toMatch(
      /Attainment 8 score<\/td>\s*<td[^>]*>14\.0<\/td>\s*<td[^>]*>12\.0<\/td>\s*<td[^>]*>Above national/,
    );
    expect(page.body).toContain('over special schools in this registry');
  });

  it("reads the registry's means again once an import changes the results", async () => {
    const progress8 = async () =>
      (
        (await t.app.inject(`/api/schools/${SPECIAL}`)).json() as {
          nationalFigures: { measure: string; value: number }[];
        }
      ).nationalFigures.find((f) => f.measure === 'progress8')?.value;
    expect(await progress8()).toBe(-1.5);
    await insertSchool(t.db, { urn: 100303, name: 'Ash Special School', phase: 'special' });
    await ks4(t.db, 100303, 0, 12);
    await t.app.snapshots.refresh();
    expect(await progress8()).toBe(-1);
  });

  it('labels a mainstream school below the published Attainment 8 figure as below national', async () => {
    const page = await t.app.inject(`/schools/${MAINSTREAM}`);
    expect(page.body).toMatch(
      /Attainment 8 score<\/td>\s*<td[^>]*>45\.0<\/td>\s*<td[^>]*>46\.7<\/td>\s*<td[^>]*>Below national/,
    );
  });
});
