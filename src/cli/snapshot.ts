import { loadSnapshot } from '../data/snapshot.ts';
import type { Snapshot } from '../domain/snapshot.ts';
import { withDatabase } from './context.ts';

/** Loads the registry into memory as the web service does, so commands give the same answers. */
export function withSnapshot<T>(work: (snapshot: Snapshot) => T | Promise<T>): Promise<T> {
  return withDatabase(async (db, config) =>
    work(await loadSnapshot(db, { asOf: new Date().toISOString().slice(0, 10), settings: config.matching })),
  );
}
