import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type {
  Inspection,
  NationalAverages,
  Performance, Phase, PublishedRating, School, SchoolRecord } from '../domain/school.ts';
import type { SchoolType } from '../domain/national-figures.ts';
import { SCHOOL_ID_PATTERN } from '../domain/wales.ts';
import type { Db } from './db.ts';
import type { InspectionsTable, OfstedRatingsTable, PerformanceTable, SchoolsTable } from './tables/registry.ts';

export interface SchoolSearch {
  q?: string;
  phase?: Phase;
  la?: string;
  region?: string;
  includeClosed?: boolean;
  /** Restricts to these URNs (e.g. a classification group), applied in the database. */
  urns?: number[];
  limit: number;
  offset: number;
}

export interface SchoolPage {
  /** How many schools match; when `totalIsExact` is false, more than this many do. */
  total: number;
  totalIsExact: boolean;
  items: School[];
}

/**
 * Matches are counted only this far (or to the end of the page asked for): counting every school
 * whose name has a common word ("primary") would cost more than finding the page itself.
 */
export const SEARCH_COUNT_CAP = 1000;

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*(\d[A-Z]{0,2})?$/i;

/** Lower-case, accents removed, as the stored `name_folded` column is. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Words of a free-text query as a prefix tsquery: "st mar prim" finds "St Mary's Primary". */
function prefixQuery(q: string): string | null {
  const words = fold(q).split(/[^a-z0-9]+/).filter(Boolean);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : null;
}

function filtered(db: Db, search: SchoolSearch) {
  let query = db.selectFrom('schools');
  if (!search.includeClosed) query = query.where('open', '=', true);
  // A Welsh school's GIAS row, linked to its Welsh record, is that school again: never listed.
  query = query.where('same_as', 'is', null);
  if (search.phase) query = query.where('phase', '=', search.phase);
  if (search.la) query = query.where((eb) => eb.or([eb('la_code', '=', search.la!), eb('la_name', 'ilike', search.la!)]));
  if (search.region)
    query = query.where((eb) => eb.or([eb('region_code', '=', search.region!), eb('region_name', 'ilike', search.region!)]));
  if (search.urns) query = query.where('urn', 'in', search.urns.length > 0 ? search.urns : [-1]);
  return query;
}

type Filtered = ReturnType<typeof filtered>;

async function page(
  db: Db,
  query: Filtered,
  search: SchoolSearch,
  first?: RawBuilder<unknown>,
): Promise<SchoolPage> {
  let selected = query.selectAll();
  if (first) selected = selected.orderBy(first, 'desc');
  const cap = Math.max(SEARCH_COUNT_CAP, search.offset + search.limit);
  const [rows, counted] = await Promise.all([
    selected.orderBy('name').orderBy('urn').limit(search.limit).offset(search.offset).execute(),
    db
      .selectFrom(
        query
          .select(sql<number>`1`.as('one'))
          .limit(cap + 1)
          .as('matches'),
      )
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const totalIsExact = counted.n <= cap;
  return { total: totalIsExact ? counted.n : cap, totalIsExact, items: rows.map(toSchool) };
}

/**
 * By URN, by postcode (or its start), by words of the name, town or local authority (prefix
 * full-text search, the exact name first, then names starting with the query), and, only when that finds nothing,
 * by a misspelt name (trigram similarity).
 */
export async function searchSchools(db: Db, search: SchoolSearch): Promise<SchoolPage> {
  const query = filtered(db, search);
  const q = search.q?.trim() ?? '';
  if (!q) return page(db, query, search);
  if (SCHOOL_ID_PATTERN.test(q)) return page(db, query.where('urn', '=', Number(q)), search);
  if (POSTCODE.test(q)) {
    const compact = q.replace(/\s+/g, '').toUpperCase();
    return page(db, query.where(sql<boolean>`replace(postcode, ' ', '') like ${compact + '%'}`), search);
  }
  const folded = fold(q).replace(/\s+/g, ' ');
  const tsquery = prefixQuery(q);
  if (tsquery) {
    // The school of exactly that name first, then names starting with it: someone who types a name in full means that school.
    const nameFirst = sql`(name_folded = ${folded})::int * 2 + starts_with(name_folded, ${folded})::int`;
    const found = await page(db, query.where(sql<boolean>`search @@ to_tsquery('simple', ${tsquery})`), search, nameFirst);
    if (found.total > 0 || search.offset > 0) return found;
  }
  return page(db, query.where(sql<boolean>`name_folded % ${folded}`), search, sql`similarity(name_folded, ${folded})`);
}

export async function getSchoolRecord(db: Db, urn: number): Promise<SchoolRecord | undefined> {
  // One query, its lists gathered as JSON beside the row: each query costs the service a write to
  // the database's socket and a read back, dearer than the rows themselves, and every school
  // shown (its page, its record in the API, a case study's) reads these four.
  const row = await db
    .selectFrom('schools')
    .selectAll('schools')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('inspections')
          .selectAll()
          .whereRef('inspections.urn', '=', 'schools.urn')
          .orderBy('start_date', 'desc'),
      ).as('inspections'),
      jsonArrayFrom(
        eb
          .selectFrom('performance')
          .selectAll()
          .whereRef('performance.urn', '=', 'schools.urn')
          .orderBy('year', 'desc')
          .orderBy('key_stage'),
      ).as('performance'),
      jsonArrayFrom(
        eb
          .selectFrom('ofsted_ratings')
          .selectAll()
          .whereRef('ofsted_ratings.urn', '=', 'schools.urn')
          .orderBy('as_of', 'desc'),
      ).as('ratings'),
    ])
    .where('schools.urn', '=', urn)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toSchool(row),
    inspections: row.inspections.map(toInspection),
    performance: row.performance.map(toPerformance),
    publishedRatings: row.ratings.map(toPublishedRating),
  };
}

export function toSchool(row: Selectable<SchoolsTable>): School {
  const area = (code: string | null, name: string | null) => (code || name ? { code: code ?? '', name: name ?? code ?? '' } : null);
  return {
    urn: row.urn,
    name: row.name,
    typeName: row.type_name,
    typeGroup: row.type_group,
    open: row.open,
    statusName: row.status_name,
    phase: row.phase,
    statutoryLowAge: row.statutory_low_age,
    statutoryHighAge: row.statutory_high_age,
    country: row.country,
    localAuthority: area(row.la_code, row.la_name),
    region: area(row.region_code, row.region_name),
    constituency: area(row.constituency_code, row.constituency_name),
    town: row.town,
    postcode: row.postcode,
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    pupils: row.pupils,
    fsmPercent: row.fsm_percent,
    ealPercent: row.eal_percent,
    senPercent: row.sen_percent,
    urbanRural: row.urban_rural,
    trust: row.trust,
    languageMedium: row.language_medium,
    welshMediumType: row.welsh_medium_type,
  };
}

export function toInspection(row: Selectable<InspectionsTable>): Inspection {
  return {
    urn: row.urn,
    inspectionNumber: row.inspection_number,
    startDate: row.start_date,
    publicationDate: row.publication_date,
    inspectionType: row.inspection_type,
    era: row.era,
    overallEffectiveness: row.overall_effectiveness,
    keyJudgements: row.key_judgements,
    reportCard: row.report_card,
    safeguardingMet: row.safeguarding_met,
    category: row.category,
    estynFollowUp: row.estyn_follow_up,
    ...(row.era === 'estyn' ? { estynJudgements: row.estyn_judgements } : {}),
    raw: row.raw,
  };
}

export function toPerformance(row: Selectable<PerformanceTable>): Performance {
  return {
    urn: row.urn,
    year: row.year,
    keyStage: row.key_stage,
    status: row.status,
    cohort: row.cohort,
    rwmExpectedPercent: row.rwm_expected_percent,
    readingExpectedPercent: row.reading_expected_percent,
    writingExpectedPercent: row.writing_expected_percent,
    mathsExpectedPercent: row.maths_expected_percent,
    readingProgress: row.reading_progress,
    writingProgress: row.writing_progress,
    mathsProgress: row.maths_progress,
    progress8: row.progress8,
    attainment8: row.attainment8,
    englishMaths5Percent: row.english_maths5_percent,
    raw: row.raw,
  };
}

export function toPublishedRating(row: Pick<Selectable<OfstedRatingsTable>, 'urn' | 'as_of' | 'overall_effectiveness'>): PublishedRating {
  return { urn: row.urn, asOf: row.as_of, overallEffectiveness: row.overall_effectiveness };
}

/** How many schools the registry holds. */
export async function countSchools(db: Db): Promise<number> {
  const row = await db.selectFrom('schools').select(sql<number>`count(*)::int`.as('schools')).executeTakeFirstOrThrow();
  return row.schools;
}

/** Local authorities and regions present in the registry, for search filters. */
export async function listAreas(db: Db): Promise<{ localAuthorities: { code: string; name: string }[]; regions: { code: string; name: string }[] }> {
  const [las, regions] = await Promise.all([
    db
      .selectFrom('schools')
      .select(['la_code as code', 'la_name as name'])
      .where('la_code', 'is not', null)
      .distinct()
      .orderBy('la_name')
      .execute(),
    db
      .selectFrom('schools')
      .select(['region_code as code', 'region_name as name'])
      .where('region_code', 'is not', null)
      .distinct()
      .orderBy('region_name')
      .execute(),
  ]);
  const clean = (rows: { code: string | null; name: string | null }[]) =>
    rows.map((r) => ({ code: r.code ?? '', name: r.name ?? r.code ?? '' }));
  return { localAuthorities: clean(las), regions: clean(regions) };
}



/**
 * Mean of each measure over the registry's state-funded schools of one type (mainstream or
 * special) with results that year, pupil-weighted where cohorts are known.
 */
export async function getRegistryMeans(
  db: Db,
  year: number,
  keyStage: 2 | 4,
  type: SchoolType,
): Promise<NationalAverages> {
  const weighted = (column: string) =>
    sql<number | null>`sum(${sql.ref(column)} * coalesce(cohort, 1)) / nullif(sum(case when ${sql.ref(column)} is null then 0 else coalesce(cohort, 1) end), 0)`;
  const row = await db
    .selectFrom('performance')
    .innerJoin('schools', 'schools.urn', 'performance.urn')
    .select([
      weighted('rwm_expected_percent').as('rwmExpectedPercent'),
      weighted('reading_expected_percent').as('readingExpectedPercent'),
      weighted('writing_expected_percent').as('writingExpectedPercent'),
      weighted('maths_expected_percent').as('mathsExpectedPercent'),
      weighted('reading_progress').as('readingProgress'),
      weighted('writing_progress').as('writingProgress'),
      weighted('maths_progress').as('mathsProgress'),
      weighted('progress8').as('progress8'),
      weighted('attainment8').as('attainment8'),
      weighted('english_maths5_percent').as('englishMaths5Percent'),
    ])
    .where('performance.year', '=', year)
    .where('performance.key_stage', '=', keyStage)
    .where('schools.phase', type === 'special' ? '=' : '<>', 'special')
    .where((eb) =>
      eb.or([eb('schools.type_group', 'is', null), eb('schools.type_group', 'not ilike', 'independent%')]),
    )
    .executeTakeFirst();
  return row ?? {};
}
