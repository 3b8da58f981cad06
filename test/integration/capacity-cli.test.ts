import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.ts';
import { insertCapacitySchools } from '../helpers/capacity-fixture.ts';

const run = promisify(execFile);

describe('s2s capacity', () => {
  const t = useTestApp(insertCapacitySchools);
  const s2s = (...args: string[]) =>
    run(process.execPath, ['bin/s2s.js', 'capacity', ...args], {
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: 'test' },
    });

  it('prints the same figures as the API, as JSON and as the CSV the page downloads', async () => {
    const api = (await t.app.inject({ url: '/api/capacity?by=la&phase=secondary' })).json();
    const json = JSON.parse((await s2s('--by', 'la', '--phase', 'secondary', '--json')).stdout);
    expect(json).toEqual(api);
    const csv = (await s2s('--by', 'la', '--phase', 'secondary', '--csv')).stdout;
    expect(csv).toBe((await t.app.inject({ url: '/capacity.csv?by=la&phase=secondary' })).body);
    expect((parse(csv) as string[][]).map((r) => r[1])).toEqual([
      'Area',
      'Kent',
      'Leeds',
      'York',
      'All areas',
    ]);
  });

  it('refuses a bad option with a message naming it and exit status 2', async () => {
    const failure = await s2s('--by', 'ward', '--radius-km', 'far').catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('--by: Choose the areas to count by');
    expect((failure as { stderr: string }).stderr).toContain(
      '--radius-km: Enter the radius as a number of kilometres',
    );
  });
});
