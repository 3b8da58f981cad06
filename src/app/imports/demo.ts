import { loadDemoIfEmpty } from '../../ingest/demo.ts';
import { importDemoWales } from '../../ingest/demo-wales.ts';
import type { AppContext } from '../context.ts';
import { addLeaderExamples } from '../leaders/examples.ts';
import { addPracticeExamples } from '../practice/examples.ts';

/**
 * On first start with an empty registry, loads the bundled demo dataset through the import path,
 * synthetic schools for Wales (the bundled data is England's), and a few made-up practice
 * records and system leaders, marked as examples, so that the library and the directory are not
 * empty.
 */
export async function loadDemoOnFirstStart(ctx: Pick<AppContext, 'db' | 'now'>, log: (line: string) => void) {
  const summaries = await loadDemoIfEmpty(ctx.db, log);
  if (summaries !== null) {
    const wales = await importDemoWales(ctx.db);
    for (const summary of wales) log(`${summary.file}: ${summary.inserted} inserted (synthetic)`);
    summaries.push(...wales);
    const examples = await addPracticeExamples(ctx);
    log(`The good-practice library: ${examples} example records (synthetic) added`);
    const leaders = await addLeaderExamples(ctx);
    log(`The system-leader directory: ${leaders} example leaders (synthetic) added`);
  }
  return summaries;
}
