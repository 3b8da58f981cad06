import { sql } from 'kysely';
import type { Inspection, Performance, PublishedRating, SchoolRecord } from '../domain/school.ts';
import { valueSharing } from '../domain/shared-values.ts';
import type { Db } from './db.ts';
import { toInspection, toPerformance, toPublishedRating, toSchool } from './schools.ts';

const noRaw = sql<Record<string, string>>`'{}'::jsonb`.as('raw');

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
  const { share, area } = valueSharing();
  const inspectionsByUrn = new Map<number, Inspection[]>();
  for (const row of inspections) {
    const list = inspectionsByUrn.get(row.urn) ?? [];
    list.push(share(toInspection(row)));
    inspectionsByUrn.set(row.urn, list);
  }
  const performanceByUrn = new Map<number, Performance[]>();
  for (const row of performance) {
    const list = performanceByUrn.get(row.urn) ?? [];
    list.push(share(toPerformance(row)));
    performanceByUrn.set(row.urn, list);
  }
  const ratingsByUrn = new Map<number, PublishedRating[]>();
  for (const row of ratings) {
    const list = ratingsByUrn.get(row.urn) ?? [];
    list.push(share(toPublishedRating(row)));
    ratingsByUrn.set(row.urn, list);
  }
  const categorisationsByUrn = new Map<number, NonNullable<SchoolRecord['categorisations']>>();
  for (const row of categorisations) {
    const list = categorisationsByUrn.get(row.urn) ?? [];
    list.push({ year: row.year, supportCategory: row.support_category });
    categorisationsByUrn.set(row.urn, list);
  }
  return schools.map((row) => {
    const school = share(toSchool(row));
    return {
    ...school,
    localAuthority: area(school.localAuthority),
    region: area(school.region),
    constituency: area(school.constituency),
    inspections: inspectionsByUrn.get(row.urn) ?? [],
    performance: performanceByUrn.get(row.urn) ?? [],
    ...(ratingsByUrn.has(row.urn) ? { publishedRatings: ratingsByUrn.get(row.urn) } : {}),
    ...(categorisationsByUrn.has(row.urn) ? { categorisations: categorisationsByUrn.get(row.urn) } : {}),
  };
  });
}
