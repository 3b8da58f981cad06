import type { SchoolRecord } from '../domain/school.ts';
import type { Db } from './db.ts';
import { toInspection, toPerformance, toSchool } from './schools.ts';

/** Every open school with its inspections and results, newest first: what classification reads. */
export async function loadOpenSchoolRecords(db: Db): Promise<SchoolRecord[]> {
  const [schools, inspections, performance] = await Promise.all([
    db.selectFrom('schools').selectAll().where('open', '=', true).orderBy('urn').execute(),
    db
      .selectFrom('inspections')
      .innerJoin('schools', 'schools.urn', 'inspections.urn')
      .where('schools.open', '=', true)
      .selectAll('inspections')
      .orderBy('inspections.start_date', 'desc')
      .execute(),
    db
      .selectFrom('performance')
      .innerJoin('schools', 'schools.urn', 'performance.urn')
      .where('schools.open', '=', true)
      .selectAll('performance')
      .orderBy('performance.year', 'desc')
      .orderBy('performance.key_stage')
      .execute(),
  ]);
  const records = new Map<number, SchoolRecord>(
    schools.map((row) => [row.urn, { ...toSchool(row), inspections: [], performance: [] }]),
  );
  for (const row of inspections) records.get(row.urn)?.inspections.push(toInspection(row));
  for (const row of performance) records.get(row.urn)?.performance.push(toPerformance(row));
  return [...records.values()];
}
