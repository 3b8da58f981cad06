import type { Db } from '../../src/data/db.ts';
import { upsertInspections, upsertPerformance, upsertSchools } from '../../src/data/registry-import.ts';
import type { SchoolRecord } from '../../src/domain/school.ts';
import { aSchool, anInspection, ks2Results } from '../builders/school-records.ts';

const north = (km: number) => ({ lat: 53.8 + km / 111.195, lon: -1.55 });
const at = (urn: number, name: string, km: number, overrides: Partial<SchoolRecord>) =>
  aSchool({ urn, name, location: north(km), ...overrides });
const inspected = (urn: number, grade: 1 | 2 | 3 | 4) => [anInspection({ urn, overallEffectiveness: grade })];

/** A small neighbourhood in Leeds whose right answers are known. */
export const MATCHING_DATASET: SchoolRecord[] = [
  at(200001, 'Seeker Primary School', 0, {
    inspections: inspected(200001, 3),
    performance: [ks2Results({ urn: 200001, readingProgress: 0.2, writingProgress: 0, mathsProgress: -3.1 })],
  }),
  at(200002, 'Beacon Primary School', 2, {
    inspections: inspected(200002, 1),
    performance: [ks2Results({ urn: 200002, readingProgress: 1, writingProgress: 1, mathsProgress: 3.5 })],
  }),
  at(200003, 'Hillside Primary School', 5, {
    inspections: inspected(200003, 2),
    performance: [
      ks2Results({ urn: 200003, readingProgress: 2.5, writingProgress: 1.5, mathsProgress: 1.2 }),
    ],
  }),
  at(200004, 'City Secondary Academy', 1, { phase: 'secondary', inspections: inspected(200004, 1) }),
  at(200005, 'Valley Primary School', 3, {
    inspections: inspected(200005, 3),
    performance: [ks2Results({ urn: 200005, readingProgress: -1, writingProgress: -1, mathsProgress: -1 })],
  }),
];

export async function insertMatchingDataset(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await upsertSchools(trx, MATCHING_DATASET, false);
    await upsertInspections(
      trx,
      MATCHING_DATASET.flatMap((s) => s.inspections),
    );
    await upsertPerformance(
      trx,
      MATCHING_DATASET.flatMap((s) => s.performance),
    );
  });
}
