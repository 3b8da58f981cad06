import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../data/db.ts';
import { generateWelshEvidence } from './generate/wales-evidence.ts';
import { generateWelshList } from './generate/wales-list.ts';
import { importFile, type ImportSummary } from './import-file.ts';

/**
 * The demo's schools in Wales: the bundled extract is England's, so the Welsh Government's address
 * list is written by the generator (as many maintained schools as Wales had in January 2019,
 * dated like the demo's GIAS extract) and imported through `s2s import wales-schools`, which
 * marks them, and only them, synthetic; so are their Estyn inspection outcomes and national
 * categorisation (`s2s import estyn`, `s2s import wales-categorisation`), which the Welsh
 * performance profile reads.
 */
export const DEMO_WALES = {
  schools: 1492,
  seed: 2019,
  name: '190117-address-list-schools-wales-synthetic.csv',
};

export async function importDemoWales(db: Db): Promise<ImportSummary[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 's2s-demo-wales-'));
  try {
    const list = await generateWelshList({ ...DEMO_WALES, out: dir });
    const evidence = await generateWelshEvidence(list, { seed: DEMO_WALES.seed, out: dir });
    return [
      await importFile(db, 'wales-schools', list.file),
      await importFile(db, 'estyn', evidence.estyn),
      await importFile(db, 'wales-categorisation', evidence.categorisation),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
