import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { insertPractice } from '../../helpers/practice.ts';
import { insertSchool } from '../../helpers/schools.ts';

const run = promisify(execFile);

describe('s2s practice export', () => {
  let t: TestDatabase;
  let published: number;
  const s2s = (...args: string[]) =>
    run(process.execPath, ['bin/s2s.js', 'practice', 'export', ...args], {
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: 'test' },
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: 640001, name: 'Hillside Primary School' });
    published = await insertPractice(t.db, {
      urn: 640001,
      state: 'published',
      evidence: 'data-backed',
      content: { title: '=Daily reading fluency', focusAreas: ['literacy', 'send'] },
    });
    await insertPractice(t.db, { urn: 640001, state: 'submitted', content: { title: 'Maths talk' } });
  });
  afterAll(async () => t?.drop());

  it('prints the published library as JSON, leaving out what is still in moderation', async () => {
    const { stdout } = await s2s('--json');
    const body = JSON.parse(stdout);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      id: published,
      title: '=Daily reading fluency',
      schools: [{ urn: 640001, name: 'Hillside Primary School' }],
      focusAreas: ['literacy', 'send'],
      evidence: { level: 'data-backed', label: 'Backed by published data' },
    });
    expect(body.dataset).toBeDefined();
  });

  it('prints CSV through the service’s writer: provenance first, no cell a spreadsheet would run', async () => {
    const { stdout } = await s2s('--csv');
    expect(stdout.startsWith('#')).toBe(true);
    const rows = parse(stdout, { columns: true, comment: '#' }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: String(published),
      title: "'=Daily reading fluency",
      focus_areas: 'literacy; send',
      evidence_level: 'data-backed',
    });
  });

  it('refuses --json with --csv', async () => {
    await expect(s2s('--json', '--csv')).rejects.toMatchObject({ code: 2 });
  });
});
