import { loadDemoIfEmpty } from '../../ingest/demo.ts';
import type { AppContext } from '../context.ts';
import { addPracticeExamples } from '../practice/examples.ts';

/**
 * On first start with an empty registry, loads the bundled demo dataset through the import path,
 * and a few made-up practice records, marked as examples, so that the library is not empty.
 */
export async function loadDemoOnFirstStart(ctx: Pick<AppContext, 'db'>, log: (line: string) => void) {
  const summaries = await loadDemoIfEmpty(ctx.db, log);
  if (summaries !== null) {
    const examples = await addPracticeExamples(ctx);
    log(`The good-practice library: ${examples} example records (synthetic) added`);
  }
  return summaries;
}
