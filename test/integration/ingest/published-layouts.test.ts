import { describe, expect, it } from 'vitest';
import { datasetProvenance } from '../../../src/app/provenance.ts';
import { describeProvenance } from '../../../src/domain/provenance.ts';
import { importFile, type ImportKind, type ImportOptions } from '../../../src/ingest/import-file.ts';
import { useTestApp } from '../../helpers/app.ts';
import { fingerprint } from '../../helpers/site.ts';
import { fixture } from '../../helpers/fixtures.ts';

const GIAS = 'edubasealldata20250422.csv';

describe('importing a GIAS extract into an empty registry', () => {
  const t = useTestApp();

  it('starts from a GIAS extract', async () => {
    expect(await importFile(t.db, 'gias', fixture(GIAS))).toMatchObject({
      inserted: 8,
      asOf: '2025-04-22',
    });
  });
});

describe('importing the layouts people bring', () => {
  const t = useTestApp((db) => importFile(db, 'gias', fixture(GIAS)).then(() => undefined));
  const load = (kind: ImportKind, name: string, options?: ImportOptions) =>
    importFile(t.db, kind, fixture(name), options);

  /** The import must fail with the message, and leave every table exactly as it was. */
  async function refused(kind: ImportKind, name: string, message: RegExp, options?: ImportOptions) {
    const before = await fingerprint(t.db);
    await expect(load(kind, name, options)).rejects.toThrow(message);
    expect(await fingerprint(t.db)).toEqual(before);
  }

  const schoolApi = async (urn: number) => {
    await t.app.snapshots.refresh();
    return (await t.app.inject(`/api/schools/${urn}`)).json();
  };

  it('lists every missing column in one message', async () => {
    await refused(
      'gias',
      'gias-missing-columns.csv',
      /^gias-missing-columns\.csv, row 1: 4 columns are missing for a GIAS establishments extract: "EstablishmentName", "LA \(code\)", "Easting", "Northing"$/,
    );
  });

  it('names a ratings summary given as inspections, and the command that imports it', async () => {
    await refused(
      'ofsted',
      'ofsted-ratings-20200331.csv',
      /this is an Ofsted ratings summary without inspection dates; import it with `s2s import ofsted-ratings FILE --as-of DATE`/,
    );
  });

  it('reads the published school census, skipping its national total rows with a count', async () => {
    const summary = await load('census', '2018-2019/england_census.csv');
    expect(summary).toMatchObject({
      rowsRead: 13,
      skippedTotals: 3,
      asOf: '2019-01',
      skipped: expect.arrayContaining([{ reason: 'national totals, not a school', count: 3 }]),
    });
    const school = await t.db
      .selectFrom('schools')
      .select('eal_percent')
      .where('urn', '=', 100008)
      .executeTakeFirstOrThrow();
    expect(school.eal_percent).toBe(90.9);
  });

  it('refuses a census whose school rows do not add up to its national totals, changing nothing', async () => {
    await refused(
      'census',
      '2018-2019/england_census_rows_missing.csv',
      /england_census_rows_missing\.csv, row 12, field "NOR": the rows of State-funded secondary schools add up to 0 pupils where this national total says 950: rows are missing or changed/,
    );
  });

  it('skips notes lines under a table and says how many rows of totals and notes it left out', async () => {
    const summary = await load('performance', '2018-2019/england_ks2final_notes.csv');
    expect(summary.skippedTotals).toBe(4);
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { reason: 'notes lines', count: 2 },
        { reason: 'local-authority totals, not a school', count: 1 },
        { reason: 'national totals, not a school', count: 1 },
      ]),
    );
  });

  it('refuses a file cut off part-way through its last row, changing nothing', async () => {
    await refused(
      'performance',
      '2018-2019/england_ks4final_partial.csv',
      /england_ks4final_partial\.csv, row 4: the file ends part-way through this row \(this row has 8 of the header's 9 fields\): it looks cut off/,
    );
  });

  it('reports every number that fails its column’s format, with its row and field', async () => {
    await refused(
      'performance',
      '2018-2019/england_ks4final_bad_cohort.csv',
      /row 2, field "TPUP": "180\.5" is not a whole number\n.*row 4, field "ATT8SCR": "61\." is not a number/,
    );
  });

  it('keeps provisional results, marked as such, until the final table replaces them', async () => {
    const provisional = await load('performance', '2018-2019/england_ks4provisional.csv');
    expect(provisional).toMatchObject({ inserted: 2, resultsStatus: 'provisional', skippedTotals: 2 });
    const school = await schoolApi(100006);
    expect(school.performance[0]).toMatchObject({ status: 'provisional', progress8: -0.62 });
    expect(school.classification.evidence.results).toEqual([
      { keyStage: 4, year: 2019, status: 'provisional' },
    ]);
    expect((await t.app.inject('/schools/100006')).body).toContain(
      'Key stage 4, 2018 to 2019, provisional figures',
    );

    const final = await load('performance', '2018-2019/england_ks4final.csv');
    expect(final).toMatchObject({ inserted: 1, updated: 2, replacedProvisional: 2, resultsStatus: 'final' });
    const rows = await t.db
      .selectFrom('performance')
      .select(['urn', 'status'])
      .where('key_stage', '=', 4)
      .execute();
    expect(rows.every((r) => r.status === 'final')).toBe(true);
    expect((await schoolApi(100001)).classification.evidence.results).toEqual([
      { keyStage: 4, year: 2019, status: 'final' },
    ]);
  });

  it('never lets a provisional table replace final results', async () => {
    await load('performance', '2018-2019/england_ks4final.csv');
    const before = await fingerprint(t.db);
    const again = await load('performance', '2018-2019/england_ks4provisional.csv');
    expect(again).toMatchObject({ inserted: 0, updated: 0, replacedProvisional: 0 });
    expect(again.skipped).toContainEqual({
      reason: 'final results already held for the year: provisional figures not applied',
      count: 2,
    });
    const after = await fingerprint(t.db);
    expect(after.performance).toEqual(before.performance);
  });

  it('keeps a ratings summary as ratings published on its date, never as inspections', async () => {
    await refused('ofsted-ratings', 'ofsted-ratings.csv', /give --as-of DATE/);
    const before = await fingerprint(t.db);
    const summary = await load('ofsted-ratings', 'ofsted-ratings-20200331.csv');
    expect(summary).toMatchObject({ kind: 'ofsted-ratings', asOf: '2020-03-31', inserted: 3 });
    expect(summary.skipped).toEqual(
      expect.arrayContaining([{ reason: 'no overall rating published for the school', count: 1 }]),
    );
    expect((await fingerprint(t.db)).inspections).toEqual(before.inspections);
    const ratings = await t.db
      .selectFrom('ofsted_ratings')
      .select(['urn', 'as_of', 'overall_effectiveness'])
      .orderBy('urn')
      .execute();
    expect(ratings).toEqual([
      { urn: 100003, as_of: '2020-03-31', overall_effectiveness: 3 },
      { urn: 100004, as_of: '2020-03-31', overall_effectiveness: 2 },
      { urn: 100006, as_of: '2020-03-31', overall_effectiveness: 1 },
    ]);
  });

  it('classifies a school on its published rating, saying the inspection’s date is not known', async () => {
    await load('ofsted-ratings', 'ofsted-ratings-20200331.csv');
    const school = await schoolApi(100003);
    expect(school.publishedRatings).toEqual([{ urn: 100003, asOf: '2020-03-31', overallEffectiveness: 3 }]);
    expect(school.inspections).toEqual([]);
    expect(school.classification).toMatchObject({
      group: 'in-need',
      evidence: { inspectionDate: null, ratingPublishedOn: '2020-03-31' },
    });
    expect(school.classification.reasons[0].text).toContain(
      "(rating as published on 31 March 2020; the inspection's date is not known)",
    );
    const page = (await t.app.inject('/schools/100003')).body;
    expect(page).toContain('<strong>Requires improvement</strong>');
    expect(page).toContain(
      'Ofsted rating as published on 31 March 2020, in a summary that does not give the date',
    );
  });

  it('says what a dry run would change, and writes nothing', async () => {
    const before = await fingerprint(t.db);
    const summary = await load('ofsted-ratings', 'ofsted-ratings.csv', { asOf: '2021-03-31', dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, importId: null, inserted: 3 });
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('records where every import came from and when its data is as of', async () => {
    await load('performance', '2018-2019/england_ks4final.csv');
    await load('performance', '2018-2019/england_ks2final_notes.csv');
    await load('ofsted-ratings', 'ofsted-ratings-20200331.csv');
    await load('census', '2018-2019/england_census.csv');
    const provenance = await datasetProvenance(t);
    expect(provenance.synthetic).toBe(false);
    expect(provenance.sources).toEqual(
      expect.arrayContaining([
        { kind: 'gias', name: 'edubasealldata20250422.csv', asOf: '2025-04-22' },
        { kind: 'ks4', name: 'england_ks4final.csv', asOf: '2019-08-31', status: 'final' },
      ]),
    );
    expect(describeProvenance(provenance)).toBe(
      'School data: GIAS April 2025, Ofsted ratings as published on 31 March 2020, KS2/KS4 2018/19, school census January 2019',
    );
  });
});
