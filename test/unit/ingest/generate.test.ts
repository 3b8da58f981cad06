import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection, Performance, School } from '../../../src/domain/school.ts';
import { generateDataset, GENERATED_FILES } from '../../../src/ingest/generate/generate.ts';
import { readGias } from '../../../src/ingest/gias.ts';
import { RowProblems } from '../../../src/ingest/import-error.ts';
import { isSynthetic } from '../../../src/ingest/import-file.ts';
import { readOfsted } from '../../../src/ingest/ofsted.ts';
import { readPerformance } from '../../../src/ingest/performance.ts';
import type { RecordSource } from '../../../src/ingest/source.ts';

async function all<T>(open: Promise<RecordSource<T>>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of (await open).records) out.push(r);
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the synthetic dataset generator', () => {
  let dir: string;
  let schools: School[];
  let inspections: Inspection[];
  let ks2: Performance[];
  let ks4: Performance[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 's2s-generate-'));
    await generateDataset({ schools: 1500, seed: 11, out: path.join(dir, 'a') });
    const file = (name: string) => path.join(dir, 'a', name);
    const problems = () => ({ problems: new RowProblems('generated') });
    schools = await all(readGias(file(GENERATED_FILES.gias), problems()));
    inspections = await all(readOfsted(file(GENERATED_FILES.ofsted), problems()));
    ks2 = await all(readPerformance(file(GENERATED_FILES.ks2), problems()));
    ks4 = await all(readPerformance(file(GENERATED_FILES.ks4), problems()));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('writes files that the importers read without a problem, marked synthetic by a manifest', () => {
    expect(schools).toHaveLength(1500);
    const phase = new Map(schools.map((s) => [s.urn, s.phase]));
    const englishPrimaries = schools.filter(
      (s) => s.phase === 'primary' && s.country === 'England' && s.open,
    );
    expect(ks2.length).toBeGreaterThan(0.7 * englishPrimaries.length);
    expect(ks2.every((p) => ['primary', 'middle', 'special'].includes(phase.get(p.urn)!))).toBe(true);
    expect(ks4.every((p) => ['secondary', 'all-through', 'special'].includes(phase.get(p.urn)!))).toBe(true);
    expect(isSynthetic(path.join(dir, 'a', GENERATED_FILES.ks2))).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', async () => {
    await generateDataset({ schools: 200, seed: 5, out: path.join(dir, 'b') });
    await generateDataset({ schools: 200, seed: 5, out: path.join(dir, 'c') });
    await generateDataset({ schools: 200, seed: 6, out: path.join(dir, 'd') });
    const gias = (d: string) => readFile(path.join(dir, d, GENERATED_FILES.gias));
    expect((await gias('b')).equals(await gias('c'))).toBe(true);
    expect((await gias('b')).equals(await gias('d'))).toBe(false);
  });

  it('has the national mix of phases, with Welsh schools among them', () => {
    const share = (phase: School['phase']) =>
      schools.filter((s) => s.phase === phase).length / schools.length;
    expect(share('primary')).toBeGreaterThan(0.7);
    expect(share('primary')).toBeLessThan(0.81);
    expect(share('secondary')).toBeGreaterThan(0.11);
    expect(share('special')).toBeGreaterThan(0.02);
    const welsh = schools.filter((s) => s.country === 'Wales');
    expect(welsh.length).toBeGreaterThan(40);
    expect(
      welsh.every((s) => Number(s.localAuthority!.code) >= 660 && Number(s.localAuthority!.code) <= 681),
    ).toBe(true);
  });

  it('places every school near a real one, inside Great Britain', () => {
    for (const s of schools) {
      expect(s.location!.lat).toBeGreaterThan(49.8);
      expect(s.location!.lat).toBeLessThan(56);
      expect(s.location!.lon).toBeGreaterThan(-6.5);
      expect(s.location!.lon).toBeLessThan(2);
    }
  });

  it('covers all three Ofsted eras', () => {
    const eras = new Set(inspections.map((i) => i.era));
    expect([...eras].sort()).toEqual(['legacy', 'report-card', 'ungraded']);
  });

  it('correlates inspection grades with attainment and deprivation, as in reality', () => {
    const latest = new Map<number, Inspection>();
    for (const i of inspections) if (!latest.has(i.urn) && i.era === 'legacy') latest.set(i.urn, i);
    const rwmFor = (grades: number[]) =>
      mean(
        ks2
          .filter(
            (p) =>
              p.rwmExpectedPercent !== null && grades.includes(latest.get(p.urn)?.overallEffectiveness ?? 0),
          )
          .map((p) => p.rwmExpectedPercent!),
      );
    expect(rwmFor([1])).toBeGreaterThan(rwmFor([3, 4]) + 5);
    const fsm = new Map(schools.map((s) => [s.urn, s.fsmPercent ?? 0]));
    const withResults = ks2.filter((p) => p.rwmExpectedPercent !== null);
    const poorer = withResults.filter((p) => fsm.get(p.urn)! > 30).map((p) => p.rwmExpectedPercent!);
    const richer = withResults.filter((p) => fsm.get(p.urn)! < 10).map((p) => p.rwmExpectedPercent!);
    expect(mean(richer)).toBeGreaterThan(mean(poorer));
  });
});
