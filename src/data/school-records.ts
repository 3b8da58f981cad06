import { sql } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SchoolRecord } from '../domain/school.ts';
import { valueSharing } from '../domain/shared-values.ts';
import type { Db } from './db.ts';
import { toInspection, toPerformance, toPublishedRating, toSchool } from './schools.ts';

const noRaw = sql<Record<string, string>>`'{}'::jsonb`.as('raw');

/**
 * Rows made into records between two turns of the event loop: a few milliseconds of work, so a
 * request arriving while the snapshot is rebuilt after an import waits no longer than that. At
 * 150,000 schools the whole pass at once held the thread answering requests for seconds.
 */
const ROWS_A_TURN = 2_000;

async function inTurns<Row>(rows: readonly Row[], use: (row: Row) => void): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_A_TURN) {
    if (from > 0) await nextTurn();
    const to = Math.min(rows.length, from + ROWS_A_TURN);
    for (let i = from; i < to; i++) use(rows[i]!);
  }
}

/** Each school's records, in the order of the rows. */
async function listsByUrn<Row extends { urn: number }, T>(rows: readonly Row[], make: (row: Row) => T) {
  const lists = new Map<number, T[]>();
  await inTurns(rows, (row) => {
    const list = lists.get(row.urn);
    if (list) list.push(make(row));
    else lists.set(row.urn, [make(row)]);
  });
  return lists;
}

/**
 * Every open school with its inspections and results, newest first: what classification reads.
 * The published rows (`raw`) stay in the database; in memory they would double the size.
 */
export async function loadOpenSchoolRecords(db: Db): Promise<SchoolRecord[]> {
  const [schools, inspections, performance, ratings, categorisations] = await Promise.all([
    db.selectFrom('schools').selectAll().where('open', '=', true).orderBy('urn').execute(),
    db
      .selectFrom('inspections')
      .innerJoin('schools', 'schools.urn', 'inspections.urn')
      .select([
        'inspections.id',
        'inspections.urn',
        'inspections.inspection_number',
        'inspections.start_date',
        'inspections.publication_date',
        'inspections.inspection_type',
        'inspections.era',
        'inspections.overall_effectiveness',
        'inspections.key_judgements',
        'inspections.report_card',
        'inspections.safeguarding_met',
        'inspections.category',
        'inspections.estyn_follow_up',
        'inspections.estyn_judgements',
        noRaw,
      ])
      .where('schools.open', '=', true)
      .orderBy('inspections.urn')
      .orderBy('inspections.start_date', 'desc')
      .execute(),
    db
      .selectFrom('performance')
      .innerJoin('schools', 'schools.urn', 'performance.urn')
      .select([
        'performance.urn',
        'performance.year',
        'performance.key_stage',
        'performance.cohort',
        'performance.rwm_expected_percent',
        'performance.reading_expected_percent',
        'performance.writing_expected_percent',
        'performance.maths_expected_percent',
        'performance.reading_progress',
        'performance.writing_progress',
        'performance.maths_progress',
        'performance.progress8',
        'performance.attainment8',
        'performance.english_maths5_percent',
        'performance.status',
        noRaw,
      ])
      .where('schools.open', '=', true)
      .orderBy('performance.urn')
      .orderBy('performance.year', 'desc')
      .orderBy('performance.key_stage')
      .execute(),
    db
      .selectFrom('ofsted_ratings')
      .innerJoin('schools', 'schools.urn', 'ofsted_ratings.urn')
      .select(['ofsted_ratings.urn', 'ofsted_ratings.as_of', 'ofsted_ratings.overall_effectiveness'])
      .where('schools.open', '=', true)
      .orderBy('ofsted_ratings.urn')
      .orderBy('ofsted_ratings.as_of', 'desc')
      .execute(),
    db
      .selectFrom('welsh_categorisations')
      .innerJoin('schools', 'schools.urn', 'welsh_categorisations.urn')
      .select(['welsh_categorisations.urn', 'welsh_categorisations.year', 'welsh_categorisations.support_category'])
      .where('schools.open', '=', true)
      .orderBy('welsh_categorisations.urn')
      .orderBy('welsh_categorisations.year', 'desc')
      .execute(),
  ]);
  // One copy of each repeated value, shared as each record is made (see shareRepeatedValues).
  const { share, sharedAreas } = valueSharing();
  const inspectionsByUrn = await listsByUrn(inspections, (row) => share(toInspection(row)));
  const performanceByUrn = await listsByUrn(performance, (row) => share(toPerformance(row)));
  const ratingsByUrn = await listsByUrn(ratings, (row) => share(toPublishedRating(row)));
  const categorisationsByUrn = await listsByUrn(categorisations, (row) => ({
    year: row.year,
    supportCategory: row.support_category,
  }));
  const records: SchoolRecord[] = [];
  await inTurns(schools, (row) => {
    // The school's own object made a record, not spread into a new one (see sharedAreas).
    const record: SchoolRecord = Object.assign(sharedAreas(share(toSchool(row))), {
      inspections: inspectionsByUrn.get(row.urn) ?? [],
      performance: performanceByUrn.get(row.urn) ?? [],
    });
    const ratings = ratingsByUrn.get(row.urn);
    if (ratings) record.publishedRatings = ratings;
    const categorisations = categorisationsByUrn.get(row.urn);
    if (categorisations) record.categorisations = categorisations;
    records.push(record);
  });
  return records;
}
