import { sql, type Selectable } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SchoolRecord } from '../domain/school.ts';
import { valueSharing } from '../domain/shared-values.ts';
import type { Db } from './db.ts';
import type { SchoolsTable } from './tables/registry.ts';
import { toInspection, toPerformance, toPublishedRating, toSchool } from './schools.ts';

const noRaw = sql<Record<string, string>>`'{}'::jsonb`.as('raw');

/**
 * Rows made into records between two turns of the event loop: a few milliseconds of work, so a
 * request arriving while the snapshot is rebuilt after an import waits no longer than that. At
 * 150,000 schools the whole pass at once held the thread answering requests for seconds.
 */
const ROWS_A_TURN = 2_000;

async function inTurns<Row>(rows: readonly Row[], use: (row: Row, i: number) => void): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_A_TURN) {
    if (from > 0) await nextTurn();
    const to = Math.min(rows.length, from + ROWS_A_TURN);
    for (let i = from; i < to; i++) use(rows[i]!, i);
  }
}

/**
 * Each school's records, in the order of the rows (which come in URN order). Each list is made
 * at its length, once its school's rows are all read: a list pushed to a row at a time keeps room
 * to grow, 17 places for a school's two inspections (20 MB of heap at 150,000 schools).
 */
async function listsByUrn<Row extends { urn: number }, T>(rows: readonly Row[], make: (row: Row) => T) {
  const lists = new Map<number, T[]>();
  let first = 0;
  await inTurns(rows, (row, i) => {
    if (rows[i + 1]?.urn === row.urn) return;
    lists.set(row.urn, rows.slice(first, i + 1).map(make));
    first = i + 1;
  });
  return lists;
}

/**
 * Schools read at a time, with their evidence. Read at once, every table's rows were held beside
 * the records made from them: at 147,791 generated schools half a gigabyte of heap, which the
 * service's resident memory kept long after the rows were let go. A slice's rows are garbage
 * before the next slice is read; the smaller the slice, the less of them the heap grows to hold
 * (resident memory after one analysis about 440 MB in slices of 1,000, 490 MB in slices of 5,000),
 * while the time to read is the same.
 */
const SCHOOLS_A_READ = 1_000;

/**
 * Every open school with its inspections and results, newest first: what classification reads.
 * The published rows (`raw`) stay in the database; in memory they would double the size.
 */
export async function loadOpenSchoolRecords(db: Db): Promise<SchoolRecord[]> {
  const records: SchoolRecord[] = [];
  // One copy of each repeated value, shared as each record is made (see shareRepeatedValues).
  const sharing = valueSharing();
  // Slices of one state of the registry, as the whole read at once would see it, whatever an
  // import commits meanwhile.
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      for (let after: number | undefined; ; ) {
        const schools = await trx
          .selectFrom('schools')
          .selectAll()
          .where('open', '=', true)
          .$if(after !== undefined, (q) => q.where('urn', '>', after!))
          .orderBy('urn')
          .limit(SCHOOLS_A_READ)
          .execute();
        if (schools.length === 0) break;
        await readSlice(trx, schools, sharing, records);
        after = schools.at(-1)!.urn;
      }
    });
  return records;
}

/** The records of a slice of the open schools (in URN order), added to `records`. */
async function readSlice(
  db: Db,
  schools: readonly Selectable<SchoolsTable>[],
  { share, sharedAreas }: ReturnType<typeof valueSharing>,
  records: SchoolRecord[],
): Promise<void> {
  const first = schools[0]!.urn;
  const last = schools.at(-1)!.urn;
  const [inspections, performance, ratings, categorisations] = await Promise.all([
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
      .where('inspections.urn', '>=', first)
      .where('inspections.urn', '<=', last)
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
      .where('performance.urn', '>=', first)
      .where('performance.urn', '<=', last)
      .orderBy('performance.urn')
      .orderBy('performance.year', 'desc')
      .orderBy('performance.key_stage')
      .execute(),
    db
      .selectFrom('ofsted_ratings')
      .innerJoin('schools', 'schools.urn', 'ofsted_ratings.urn')
      .select(['ofsted_ratings.urn', 'ofsted_ratings.as_of', 'ofsted_ratings.overall_effectiveness'])
      .where('schools.open', '=', true)
      .where('ofsted_ratings.urn', '>=', first)
      .where('ofsted_ratings.urn', '<=', last)
      .orderBy('ofsted_ratings.urn')
      .orderBy('ofsted_ratings.as_of', 'desc')
      .execute(),
    db
      .selectFrom('welsh_categorisations')
      .innerJoin('schools', 'schools.urn', 'welsh_categorisations.urn')
      .select(['welsh_categorisations.urn', 'welsh_categorisations.year', 'welsh_categorisations.support_category'])
      .where('schools.open', '=', true)
      .where('welsh_categorisations.urn', '>=', first)
      .where('welsh_categorisations.urn', '<=', last)
      .orderBy('welsh_categorisations.urn')
      .orderBy('welsh_categorisations.year', 'desc')
      .execute(),
  ]);
  const inspectionsByUrn = await listsByUrn(inspections, (row) => share(toInspection(row)));
  const performanceByUrn = await listsByUrn(performance, (row) => share(toPerformance(row)));
  const ratingsByUrn = await listsByUrn(ratings, (row) => share(toPublishedRating(row)));
  const categorisationsByUrn = await listsByUrn(categorisations, (row) => ({
    year: row.year,
    supportCategory: row.support_category,
  }));
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
}
