import { loadDemoIfEmpty } from '../../ingest/demo.ts';
import { importDemoWales } from '../../ingest/demo-wales.ts';
import type { AppContext } from '../context.ts';
import { addPracticeExamples } from '../practice/examples.ts';

/**
 * On first start with an empty registry, loads the bundled demo dataset through the import path,
 * synthetic schools for Wales (the bundled data is England's), and a few made-up practice
 * records, marked as examples, so that the library is not empty.
 */
export async function loadDemoOnFirstStart(ctx: Pick<AppContext, 'db'>, log: (line: string) => void) {
  const summaries = await loadDemoIfEmpty(ctx.db, log);
  if (summaries !== null) {
    const wales = await importDemoWales(ctx.db);
    log(`${wales.file}: ${wales.inserted} synthetic Welsh schools inserted`);
    summaries.push(wales);
    const examples = await addPracticeExamples(ctx);
    log(`The good-practice library: ${examples} example records (synthetic) added`);
  }
  return summaries;
}
