import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest/import-file.ts';
import { useTestApp } from '../../helpers/app.ts';
import { s2sCommand } from '../../helpers/cli.ts';
import { fingerprint } from '../../helpers/site.ts';
import { fixture } from '../../helpers/fixtures.ts';

const GIAS = fixture('edubasealldata20250422.csv');

describe('s2s import into an empty registry', () => {
  const t = useTestApp();
  const { s2s } = s2sCommand(() => t.url);

  it('prints what it did and the data it now rests on, as text or JSON', async () => {
    const gias = await s2s('import', 'gias', GIAS);
    expect(gias.stdout).toContain(
      'Imported edubasealldata20250422.csv (GIAS establishments extract, as of 2025-04-22)',
    );
    expect(gias.stdout.trimEnd().split('\n').at(-1)).toBe('School data: GIAS April 2025');
    const census = JSON.parse(
      (await s2s('import', 'census', fixture('2018-2019/england_census.csv'), '--json')).stdout,
    );
    expect(census).toMatchObject({ kind: 'census', skippedTotals: 3, replacedProvisional: 0 });
    expect(census.dataset).toEqual({
      sources: [
        { kind: 'census', name: 'england_census.csv', asOf: '2019-01' },
        { kind: 'gias', name: 'edubasealldata20250422.csv', asOf: '2025-04-22' },
      ],
      synthetic: false,
    });
  });
});

describe('s2s import', () => {
  const t = useTestApp((db) => importFile(db, 'gias', GIAS).then(() => undefined));
  const { s2s, failure } = s2sCommand(() => t.url);

  it('says when final results replaced provisional ones', async () => {
    await s2s('import', 'performance', fixture('2018-2019/england_ks4provisional.csv'));
    const { stdout } = await s2s('import', 'performance', fixture('2018-2019/england_ks4final.csv'));
    expect(stdout).toContain("of which 2 schools' provisional 2018/19 KS4 results replaced by final ones");
  });

  it('refuses a ratings summary without a date, naming the option, and changes nothing', async () => {
    const before = await fingerprint(t.db);
    const refused = await failure('import', 'ofsted-ratings', fixture('ofsted-ratings.csv'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('give --as-of DATE');
    expect(refused.stderr).toContain('Nothing was imported.');
    const badDate = await failure(
      'import',
      'ofsted-ratings',
      fixture('ofsted-ratings.csv'),
      '--as-of',
      '31 March',
    );
    expect(badDate.stderr).toContain('--as-of must be a date such as 2020-03-31');
    expect(await fingerprint(t.db)).toEqual(before);
    const dated = await s2s(
      'import',
      'ofsted-ratings',
      fixture('ofsted-ratings.csv'),
      '--as-of',
      '31/03/2020',
    );
    expect(dated.stdout).toContain('Ofsted ratings as published on 31 March 2020');
  });
});
