import { currentSources, hasSyntheticSchools } from '../data/provenance.ts';
import type { DatasetProvenance } from '../domain/provenance.ts';
import type { ResultsStatus } from '../domain/school.ts';
import type { AppContext } from './context.ts';

/**
 * Which published files the data rests on and whether any of it is synthetic: what every page,
 * API answer, CSV and command output carries.
 */
export async function datasetProvenance({ db }: Pick<AppContext, 'db'>): Promise<DatasetProvenance> {
  const [sources, syntheticSchools] = await Promise.all([currentSources(db), hasSyntheticSchools(db)]);
  return {
    sources: sources.map((s) => ({
      kind: s.kind,
      name: s.fileName,
      asOf: s.asOf,
      ...(s.resultsStatus ? { status: s.resultsStatus as ResultsStatus } : {}),
      ...(s.synthetic ? { synthetic: true as const } : {}),
    })),
    synthetic: syntheticSchools || sources.some((s) => s.synthetic),
  };
}
