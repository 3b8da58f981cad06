import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../src/data/db.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const PRIMARY = 100410;
const SECONDARY = 100411;
const SPECIAL = 100412;
const OTHER_SPECIAL = 100413;
const SUPPRESSED = 100414;

/** The measures of a year's results, each one a number where published. */
type Measures = Partial<Record<keyof typeof NO_RESULTS, number>>;

const NO_RESULTS = {
  rwm_expected_percent: null,
  reading_expected_percent: null,
  writing_expected_percent: null,
  maths_expected_percent: null,
  reading_progress: null,
  writing_progress: null,
  maths_progress: null,
  progress8: null,
  attainment8: null,
  english_maths5_percent: null,
};

/** One year of results as published: the measures given, the rest not published. */
async function results(
  db: Db,
  urn: number,
  keyStage: 2 | 4,
  measures: Measures,
  extra: { status?: 'final' | 'provisional'; raw?: Record<string, string> } = {},
) {
  await db
    .insertInto('performance')
    .values({
      urn,
      year: 2019,
      key_stage: keyStage,
      status: extra.status ?? 'final',
      cohort: 30,
      ...NO_RESULTS,
      ...measures,
      raw: JSON.stringify(extra.raw ?? {}),
    })
    .execute();
}

describe('a school profile’s results in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: PRIMARY, name: 'Ysgol Gynradd Derw', phase: 'primary' });
      await insertSchool(db, { urn: SECONDARY, name: 'Ysgol Uwchradd Bedw', phase: 'secondary' });
      await insertSchool(db, { urn: SPECIAL, name: 'Ysgol Arbennig Onnen', phase: 'special' });
      await insertSchool(db, { urn: OTHER_SPECIAL, name: 'Ysgol Arbennig Celyn', phase: 'special' });
      await insertSchool(db, { urn: SUPPRESSED, name: 'Ysgol Gynradd Helyg', phase: 'primary' });
      await results(
        db,
        PRIMARY,
        2,
        {
          rwm_expected_percent: 70,
          reading_expected_percent: 73,
          writing_expected_percent: 60,
          maths_expected_percent: 90,
          reading_progress: 0.05,
          writing_progress: -2,
          maths_progress: 3,
        },
        { status: 'provisional', raw: { PTRWM_HIGH: '12%' } },
      );
      await results(
        db,
        SECONDARY,
        4,
        { progress8: 0.1, attainment8: 47, english_maths5_percent: 40 },
        { raw: { P8CILOW: '-0.1', P8CIUPP: '0.3' } },
      );
      await results(db, SPECIAL, 4, { progress8: -1, attainment8: 14 });
      await results(db, OTHER_SPECIAL, 4, { progress8: -2, attainment8: 10 });
      await results(db, SUPPRESSED, 2, {});
    },
    { fresh: 'test' },
  );
  const { page } = inWelsh(() => t.app);
  const tableOf = async (urn: number) => visibleText(await page(`/schools/${urn}`));

  it('writes KS2 results, their comparisons and the national figures’ sources in Welsh', async () => {
    const html = await page(`/schools/${PRIMARY}`);
    expect(englishLeftIn(html)).toEqual([]);
    const text = visibleText(html);
    expect(text).toContain('Cyfnod allweddol 2, 2018 i 2019, ffigurau dros dro (30 disgybl)');
    expect(text).toContain('Mesur Ysgol Ffigur cenedlaethol O’i gymharu â’r ffigur cenedlaethol');
    expect(text).toContain(
      'Darllen, ysgrifennu a mathemateg: y safon ddisgwyliedig 70% 65% Uwchlaw’r ffigur cenedlaethol',
    );
    expect(text).toContain('Darllen, ysgrifennu a mathemateg: y safon uwch 12% Heb ei gyhoeddi');
    expect(text).toContain('Darllen: y safon ddisgwyliedig 73% 73% Yn agos at y ffigur cenedlaethol');
    expect(text).toContain('Sgôr cynnydd ysgrifennu −2.0 0.0 Islaw’r ffigur cenedlaethol');
    expect(text).toContain('Ffigurau cenedlaethol:');
    expect(text).toContain('mesurir sgorau cynnydd yn erbyn disgyblion');
    expect(text).toContain('(dros ysgolion a ariennir gan y wladwriaeth)');
    // The DfE's headline figures are cited by their English title, marked so for screen readers.
    expect(html).toMatch(/<span lang="en">DfE, National curriculum assessments: key stage 2, 2019/);
  });

  it('writes KS4 results, with Progress 8’s interval, in Welsh', async () => {
    const html = await page(`/schools/${SECONDARY}`);
    expect(englishLeftIn(html)).toEqual([]);
    const text = visibleText(html);
    expect(text).toContain('Cyfnod allweddol 4, 2018 i 2019 (30 disgybl)');
    expect(text).toContain(
      'Sgôr Cynnydd 8 (cyfwng hyder 95%) +0.10 (−0.10 i +0.30) 0.00 Dim gwahaniaeth clir o’r ffigur cenedlaethol',
    );
    expect(text).toContain('Sgôr Cyrhaeddiad 8 47.0 46.7 Uwchlaw’r ffigur cenedlaethol');
    expect(text).toContain('Saesneg a mathemateg gradd 5 neu uwch 40% 43% Islaw’r ffigur cenedlaethol');
    expect(text).toContain('mesurir Cynnydd 8 yn erbyn disgyblion');
  });

  it('says in Welsh where a special school’s figures come from', async () => {
    const html = await page(`/schools/${SPECIAL}`);
    expect(englishLeftIn(html)).toEqual([]);
    expect(visibleText(html)).toContain(
      'Cymedr canlyniadau 2019 yr ysgolion arbennig eu hunain yn y gofrestrfa hon, wedi’i bwysoli yn ôl nifer y disgyblion',
    );
    expect(visibleText(html)).toContain('(dros ysgolion arbennig yn y gofrestrfa hon)');
  });

  it('says in Welsh that no measures were published', async () => {
    const text = await tableOf(SUPPRESSED);
    expect(text).toContain(
      'Cyfnod allweddol 2, 2018 i 2019: ni chyhoeddwyd unrhyw fesurau ar gyfer yr ysgol hon',
    );
  });
});
