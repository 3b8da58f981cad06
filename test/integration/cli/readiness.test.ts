import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeAssessment,
  createAssessment,
  listActions,
  saveAnswers,
} from '../../../src/data/readiness.ts';
import { exportDocument } from '../../../src/domain/readiness/export.ts';
import { findAssessment } from '../../../src/data/readiness.ts';
import { loadFrameworks } from '../../../src/ingest/readiness-frameworks.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { insertSchool } from '../../helpers/schools.ts';

const run = promisify(execFile);

describe('s2s readiness export', () => {
  let t: TestDatabase;
  let id: number;
  const s2s = (...args: string[]) =>
    run(process.execPath, ['bin/s2s.js', 'readiness', ...args], {
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: 'test' },
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: 300001, name: 'Hillside Primary School' });
    id = await createAssessment(t.db, {
      urn: 300001,
      frameworkId: 'estyn-ten-questions',
      frameworkVersion: 1,
      partnershipType: 'peer-to-peer',
      startedBy: null,
    });
    await saveAnswers(t.db, id, [
      { itemId: 'focus', rating: 4, evidence: 'Reading, "whole-school", agreed' },
      { itemId: 'resources', rating: 1, evidence: '' },
    ]);
    await completeAssessment(t.db, id, new Date('2026-02-02T09:00:00Z'), []);
  });
  afterAll(async () => t.drop());

  it('prints the same report as JSON that the domain builds', async () => {
    const { stdout } = await s2s('export', String(id), '--json');
    const catalogue = await loadFrameworks();
    const assessment = (await findAssessment(t.db, id))!;
    const expected = exportDocument(
      catalogue.find('estyn-ten-questions', 1)!,
      assessment,
      await listActions(t.db, id),
    );
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(JSON.parse(stdout).gaps[0]).toMatchObject({ itemId: 'resources', rating: 1 });
  });

  it('prints one CSV row per item, quoting evidence that holds commas and quotes', async () => {
    const { stdout } = await s2s('export', String(id), '--csv');
    const rows = parse(stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({
      item: 'focus',
      rating: '4',
      evidence: 'Reading, "whole-school", agreed',
    });
  });

  it('refuses an unknown assessment with a clear message and a non-zero exit', async () => {
    await expect(s2s('export', '424242')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no readiness assessment has the id 424242'),
    });
    await expect(s2s('export', 'abc')).rejects.toMatchObject({ code: 2 });
  });
});
