import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.ts';
import { s2sCommand } from '../../helpers/cli.ts';
import { insertMatchingDataset } from '../../helpers/matching-dataset.ts';

describe('s2s classify, match and allocate', () => {
  const t = useTestApp(insertMatchingDataset, { fresh: 'test' });
  let dir: string;
  const { s2s, failure } = s2sCommand(() => t.url);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 's2s-allocate-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('counts schools by phase and group, and explains one school', async () => {
    const { stdout } = await s2s('classify');
    expect(stdout).toMatch(/Primary\s+2\s+2\s+0\s+0/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('School data: none imported yet');
    const one = JSON.parse((await s2s('classify', '--urn', '200001', '--json')).stdout);
    expect(one.classification).toMatchObject({ urn: 200001, group: 'in-need' });
    expect(one.dataset).toEqual({ sources: [], synthetic: false });
    expect((await s2s('classify', '--urn', '200001')).stdout).toContain(
      'Requires improvement or inadequate at the latest inspection',
    );
  });

  it('gives the same partners as the API, in words or JSON', async () => {
    const { stdout } = await s2s('match', '200001');
    expect(stdout).toContain('1. Beacon Primary School (URN 200002), 2 km');
    const json = JSON.parse((await s2s('match', '200001', '--strategy', 'peer', '--json')).stdout);
    expect(json.candidates.map((c: { urn: number }) => c.urn)).toEqual([200005]);
  });

  it.each([
    [
      ['match', '200001', '--strategy', 'peer', '--radius-km', '8'],
      '/api/schools/200001/partners?strategy=peer&radiusKm=8',
    ],
    [
      ['match', '200001', '--limit', '1', '--exclude-partnered'],
      '/api/schools/200001/partners?limit=1&excludePartnered=true',
    ],
    [['match', '200001', '--near', 'LS1 1AA'], '/api/schools/200001/partners?near=LS1%201AA'],
    [['match', '200001', '--no-explain'], '/api/schools/200001/partners?explain=false'],
    [['allocate', '--limit', '1', '--offset', '1'], '/api/allocations?limit=1&offset=1'],
    [['allocate', '--phase', 'primary', '--la', 'Leeds'], '/api/allocations?phase=primary&la=Leeds'],
    [['capacity', '--by', 'region', '--phase', 'primary'], '/api/capacity?by=region&phase=primary'],
  ])('prints with --json exactly what the API answers: s2s %s', async (args, url) => {
    const printed = JSON.parse((await s2s(...args, '--json')).stdout) as unknown;
    const answered = await t.app.inject({ url });
    expect(answered.statusCode).toBe(200);
    expect(printed).toEqual(answered.json());
  });

  it('writes the national allocation to a CSV file', async () => {
    const out = path.join(dir, 'allocation.csv');
    const { stdout } = await s2s('allocate', '--out', out);
    expect(stdout).toContain('2 of 2 schools in need have a supporter');
    const written = await fs.readFile(out, 'utf8');
    expect(written.split('\n')[0]).toMatch(/^# School data: /);
    const rows = parse(written, { columns: true, from_line: 2 }) as Record<string, string>[];
    expect(rows.map((r) => [r.URN, r.Status])).toEqual([
      ['200001', 'supported'],
      ['200005', 'supported'],
    ]);
  });

  it('exits with a clear message on bad input', async () => {
    const strategy = await failure('match', '200001', '--strategy', 'mentoring');
    expect(strategy.code).toBe(2);
    expect(strategy.stderr).toContain('--strategy: Choose support, peer, reciprocal or offer-support');
    const urn = await failure('match', 'abc');
    expect(urn.stderr).toContain('URN: "abc" is not a URN');
    const profile = await failure('classify', '--profile', 'nope');
    expect(profile.stderr).toContain('There is no performance profile called "nope"');
    const folder = await failure('allocate', '--out', path.join(dir, 'missing', 'a.csv'));
    expect(folder.stderr).toContain('does not exist');
  });
});
