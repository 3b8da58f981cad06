import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDataset, loadDemoIfEmpty } from '../../../src/ingest/demo.ts';
import { GENERATED_FILES, generateDataset } from '../../../src/ingest/generate/generate.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { insertSchool } from '../../helpers/schools.ts';

describe('loading a whole dataset', () => {
  let t: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    t = await createTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 's2s-dataset-'));
  });
  afterEach(async () => {
    await t.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a generated dataset through the real import path, marking its schools synthetic', async () => {
    await generateDataset({ schools: 250, seed: 3, out: dir });
    const summaries = await importDataset(t.db, dir, GENERATED_FILES);
    expect(summaries.map((s) => s.kind)).toEqual(['gias', 'census', 'ofsted', 'ks2', 'ks4']);
    expect(summaries.every((s) => s.synthetic)).toBe(true);
    const schools = await t.db.selectFrom('schools').select(['synthetic', 'eal_percent']).execute();
    expect(schools).toHaveLength(250);
    expect(schools.every((s) => s.synthetic)).toBe(true);
    expect(schools.filter((s) => s.eal_percent !== null).length).toBeGreaterThan(200);
    const eras = await t.db.selectFrom('inspections').select('era').distinct().orderBy('era').execute();
    expect(eras.map((e) => e.era)).toEqual(['legacy', 'report-card', 'ungraded']);
  });

  it('leaves a registry that has schools alone on start', async () => {
    await insertSchool(t.db, { urn: 100000, name: 'Ash Primary' });
    expect(await loadDemoIfEmpty(t.db)).toBeNull();
    expect(await t.db.selectFrom('schools').select('urn').execute()).toEqual([{ urn: 100000 }]);
  });
});
