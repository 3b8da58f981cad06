import { loadDemoIfEmpty } from '../../ingest/demo.ts';
import type { AppContext } from '../context.ts';

/** On first start with an empty registry, loads the bundled demo dataset through the import path. */
export const loadDemoOnFirstStart = (ctx: Pick<AppContext, 'db'>, log: (line: string) => void) =>
  loadDemoIfEmpty(ctx.db, log);
