import { datasetProvenance } from '../app/provenance.ts';
import { loadSnapshot } from '../data/snapshot.ts';
import type { DatasetProvenance } from '../domain/provenance.ts';
import type { Snapshot } from '../domain/snapshot.ts';
import { withDatabase } from './context.ts';

/**
 * Loads the registry into memory as the web service does, so commands give the same answers,
 * with the provenance of the data they rest on.
 */
export function withSnapshot<T>(
  work: (snapshot: Snapshot, dataset: DatasetProvenance) => T | Promise<T>,
): Promise<T> {
  return withDatabase(async (db, config) => {
    const [snapshot, dataset] = await Promise.all([
      loadSnapshot(db, { asOf: new Date().toISOString().slice(0, 10), settings: config.matching }),
      datasetProvenance(db),
    ]);
    return work(snapshot, dataset);
  });
}
