import { describe, expect, it } from 'vitest';
import { readPerformance, yearFromPath } from '../../../src/ingest/performance.ts';
import { readAll } from '../../helpers/fixtures.ts';

describe('reading DfE performance tables', () => {
  it('reads KS2 results, tolerating a byte-order mark, percentages written "65%" and suppressed figures', async () => {
    const { records } = await readAll(readPerformance, '2018-2019/england_ks2final.csv');
    expect(records.find((p) => p.urn === 100000)).toMatchObject({
      year: 2019,
      keyStage: 2,
      cohort: 30,
      rwmExpectedPercent: 65,
      readingExpectedPercent: 73,
      readingProgress: 1.5,
      writingProgress: -0.2,
      mathsProgress: 2,
      progress8: null,
    });
    expect(records.find((p) => p.urn === 100002)).toMatchObject({
      rwmExpectedPercent: null,
      readingProgress: null,
      writingProgress: null,
      mathsProgress: null,
    });
  });

  it('keeps school rows (mainstream and special) and skips local-authority and national totals', async () => {
    const { records, problems } = await readAll(readPerformance, '2018-2019/england_ks2final.csv');
    expect(records.map((p) => p.urn)).toEqual([100000, 100002, 999999]);
    expect([...problems.skipped]).toEqual([
      ['RECTYPE 4: local-authority or national figures, not a school', 1],
      ['RECTYPE 5: local-authority or national figures, not a school', 1],
    ]);
  });

  it('reads KS4 Progress 8, Attainment 8 and English and maths grade 5+', async () => {
    const { records } = await readAll(readPerformance, '2018-2019/england_ks4final.csv');
    expect(records.find((p) => p.urn === 100001)).toMatchObject({
      keyStage: 4,
      cohort: 180,
      progress8: 0.45,
      attainment8: 52.3,
      englishMaths5Percent: 51,
    });
    expect(records.find((p) => p.urn === 100006)).toMatchObject({ progress8: null, attainment8: null });
  });

  it('takes the year from the path, the later year of an academic year', () => {
    expect(yearFromPath('downloads/2018-2019/england_ks2final.csv')).toBe(2019);
    expect(yearFromPath('performance-2019/england_ks4final.csv')).toBe(2019);
    expect(yearFromPath('results/england_ks2final.csv')).toBeNull();
  });

  it('asks for --year when the path does not say', async () => {
    await expect(readAll(readPerformance, 'england_ks2final.csv')).rejects.toThrow(/give --year/);
  });

  it.each([
    [
      '2018-2019/ks2-bad-progress.csv',
      /ks2-bad-progress\.csv, row 2, field "READPROG": "1\.\.5" is not a number/,
    ],
    [
      '2018-2019/ks2-duplicate-urn.csv',
      /ks2-duplicate-urn\.csv, row 7, field "URN": URN 100000 appears twice \(first on row 2\)/,
    ],
    ['2018-2019/ks4-windows-1252.csv', /ks4-windows-1252\.csv, row 2: wrong encoding: .*not UTF-8/],
    ['links_edubasealldata20250422.csv', /this looks like a GIAS links file, not a KS2 performance table/],
  ])('refuses %s with a message naming where', async (name, message) => {
    await expect(readAll((f, o) => readPerformance(f, { ...o, year: 2019 }), name)).rejects.toThrow(message);
  });
});
