import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCensus } from '../../../src/ingest/census.ts';
import { DEMO_DIR, DEMO_FILES } from '../../../src/ingest/demo.ts';
import { readGias } from '../../../src/ingest/gias.ts';
import { RowProblems } from '../../../src/ingest/import-error.ts';
import { readOfsted } from '../../../src/ingest/ofsted.ts';
import { readPerformance } from '../../../src/ingest/performance.ts';
import type { RecordSource } from '../../../src/ingest/source.ts';

async function count<T>(
  open: (file: string, o: { problems: RowProblems }) => Promise<RecordSource<T>>,
  file: string,
) {
  const problems = new RowProblems(file);
  let n = 0;
  for await (const _ of (await open(path.join(DEMO_DIR, file), { problems })).records) n++;
  return { n, skipped: [...problems.skipped] };
}

describe('the bundled demo dataset', () => {
  it('is the state-funded schools of England, read by the GIAS reader without a problem', async () => {
    const { n, skipped } = await count(readGias, DEMO_FILES.gias);
    expect(n).toBeGreaterThan(21_000);
    expect(skipped).toEqual([]);
  });

  it('has inspections, KS2/KS4 results for 2018/19 and census figures in their published layouts', async () => {
    expect((await count(readOfsted, DEMO_FILES.ofsted)).n).toBeGreaterThan(15_000);
    expect((await count(readPerformance, DEMO_FILES.ks2)).n).toBeGreaterThan(15_000);
    expect((await count(readPerformance, DEMO_FILES.ks4)).n).toBeGreaterThan(3_500);
    expect((await count(readCensus, DEMO_FILES.census)).n).toBeGreaterThan(21_000);
  });
});
