import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.ts';
import { insertCapacitySchools } from '../../helpers/capacity-fixture.ts';
import { s2sCommand } from '../../helpers/cli.ts';

describe('s2s capacity', () => {
  const t = useTestApp(insertCapacitySchools, { fresh: 'test' });
  const cli = s2sCommand(() => t.url);
  const s2s = (...args: string[]) => cli.s2s('capacity', ...args);

  it('prints the same figures as the API, as JSON and as the CSV the page downloads', async () => {
    const api = (await t.app.inject({ url: '/api/capacity?by=la&phase=secondary' })).json();
    const json = JSON.parse((await s2s('--by', 'la', '--phase', 'secondary', '--json')).stdout);
    expect(json).toEqual(api);
    const csv = (await s2s('--by', 'la', '--phase', 'secondary', '--csv')).stdout;
    expect(csv).toBe((await t.app.inject({ url: '/capacity.csv?by=la&phase=secondary' })).body);
    expect(json.dataset).toEqual({ sources: [], synthetic: false });
    expect((parse(csv, { from_line: 2 }) as string[][]).map((r) => r[1])).toEqual([
      'Area',
      'Kent',
      'Leeds',
      'York',
      'All areas',
    ]);
  });

  it('refuses a bad option with a message naming it and exit status 2', async () => {
    const failure = await cli.failure('capacity', '--by', 'ward', '--radius-km', 'far');
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('--by: Choose the areas to count by');
    expect(failure.stderr).toContain('--radius-km: Enter the radius as a number of kilometres');
  });
});
