import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.ts';
import { s2sCommand } from '../../helpers/cli.ts';
import { startPublisher, type PublishedFile } from '../../helpers/publisher.ts';
import { fingerprint } from '../../helpers/site.ts';
import { fixture } from '../../helpers/fixtures.ts';

/** yyyymmdd, `days` before today: the releases are found by looking back from today. */
const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');

const giasDate = daysAgo(3);
const ofstedDate = daysAgo(20);

/** The publishers' files, as a mirror lays them out (see PUBLISHED_FILES). */
function mirror(cutGias = false): Record<string, PublishedFile> {
  return {
    [`/edubasealldata${giasDate}.csv`]: { file: fixture('edubasealldata20250422.csv'), cutOff: cutGias },
    [`/links_edubasealldata${giasDate}.csv`]: { file: fixture('links_edubasealldata20250422.csv') },
    [`/ofsted_inspections_outcomes_${ofstedDate}.csv`]: { file: fixture('ofsted-outcomes.csv') },
    '/2018-2019/england_ks2final.csv': { file: fixture('2018-2019/england_ks2final.csv') },
    '/2018-2019/england_ks4provisional.csv': { file: fixture('2018-2019/england_ks4provisional.csv') },
  };
}

describe('s2s update', () => {
  const t = useTestApp();
  let publisher: Awaited<ReturnType<typeof startPublisher>>;
  beforeAll(async () => {
    publisher = await startPublisher(mirror());
  });
  afterAll(async () => publisher.close());
  const update = (...args: string[]) =>
    s2sCommand(() => t.url).s2s('update', '--from', publisher.url, ...args);

  it('finds the latest files, checks them in a dry run and writes nothing', async () => {
    const before = await fingerprint(t.db);
    const { stdout, stderr } = await update('--dry-run', '--json');
    const report = JSON.parse(stdout);
    expect(report.dryRun).toBe(true);
    expect(report.sources.map((s: { source: string; outcome: string }) => [s.source, s.outcome])).toEqual([
      ['gias', 'checked'],
      ['links', 'checked'],
      ['ofsted', 'checked'],
      ['ks2', 'checked'],
      ['ks4', 'checked'],
    ]);
    expect(report.sources[0]).toMatchObject({
      url: `${publisher.url}/edubasealldata${giasDate}.csv`,
      summary: { inserted: 8, dryRun: true },
    });
    expect(stderr).toContain('Looking for the latest GIAS establishments extract');
    expect(await fingerprint(t.db)).toEqual(before);
  });

  it('imports them, saying what changed and what the data now rests on', async () => {
    const { stdout } = await update();
    expect(stdout).toContain(
      `GIAS establishments extract: imported (${publisher.url}/edubasealldata${giasDate}.csv)`,
    );
    expect(stdout).toMatch(/KS4 performance table: imported .*\n.*KS4 performance table, provisional/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^School data: GIAS .*, Ofsted to November 2025, KS2 2018\/19, KS4 2018\/19 provisional, GIAS links /,
    );
    const schools = await t.db.selectFrom('schools').select('urn').execute();
    expect(schools).toHaveLength(8);
    const ks4 = await t.db.selectFrom('performance').select('status').where('key_stage', '=', 4).execute();
    expect(ks4.map((r) => r.status)).toEqual(['provisional', 'provisional']);
  });

  it('leaves files it has already imported alone', async () => {
    await update();
    const before = await fingerprint(t.db);
    const report = JSON.parse((await update('--json')).stdout);
    expect(report.sources.map((s: { outcome: string }) => s.outcome)).toEqual(Array(5).fill('unchanged'));
    const after = await fingerprint(t.db);
    expect({ ...after, imports: '' }).toEqual({ ...before, imports: '' });
  });

  it('refuses a download cut off part-way, changing nothing, and goes on with the rest', async () => {
    await update();
    const cut = await startPublisher(mirror(true));
    try {
      const { s2s } = s2sCommand(() => t.url);
      const failed = await s2s('update', '--from', cut.url, '--json').then(
        () => {
          throw new Error('expected the update to fail');
        },
        (error: { code: number; stdout: string }) => error,
      );
      expect(failed.code).toBe(1);
      const report = JSON.parse(failed.stdout);
      expect(report.sources[0]).toMatchObject({ source: 'gias', outcome: 'failed' });
      expect(report.sources[0].message).toMatch(/broke off after \d+ bytes.*nothing was imported from it/);
      expect(report.sources[1]).toMatchObject({ source: 'links', outcome: 'unchanged' });
    } finally {
      await cut.close();
    }
  });

  it('fetches only the sources it has an address for', async () => {
    await update();
    const { s2s } = s2sCommand(() => t.url, {
      S2S_UPDATE_GIAS_URL: `${publisher.url}/edubasealldata{date}.csv`,
      S2S_UPDATE_LINKS_URL: `${publisher.url}/links_edubasealldata{date}.csv`,
    });
    const report = JSON.parse((await s2s('update', '--json')).stdout);
    expect(report.sources.map((s: { outcome: string }) => s.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'not-configured',
      'not-configured',
      'not-configured',
    ]);
    expect(report.sources[2].message).toBe('no address: set S2S_UPDATE_OFSTED_URL or give --from');
  });
});
