import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Inspection, Performance, PublishedRating, School } from '../domain/school.ts';
import type { Categorisation, CensusFigures, SchoolLink } from '../domain/school.ts';
import type { Database } from './schema.ts';
import type {
  InspectionsTable,
  OfstedRatingsTable,
  PerformanceTable,
  SchoolLinksTable,
  SchoolsTable,
  WelshCategorisationsTable,
} from './tables/registry.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  /** Results: rows whose provisional figures final ones replaced. */
  replacedProvisional?: number;
  /** Results: provisional rows not applied because final ones are held. */
  keptFinal?: number;
}

/**
 * `INSERT … ON CONFLICT DO UPDATE … WHERE (old) IS DISTINCT FROM (new)` leaves an unchanged row
 * untouched, which makes re-importing the same file change nothing; `xmax = 0` tells an inserted
 * row from an updated one.
 */
function changed(table: string, columns: readonly string[]) {
  const old = sql.join(columns.map((c) => sql.ref(`${table}.${c}`)));
  const incoming = sql.join(columns.map((c) => sql.ref(`excluded.${c}`)));
  return sql<boolean>`(${old}) is distinct from (${incoming})`;
}

/** `SET col = excluded.col` for each column; typed `never` so it fits every column's type. */
function excluded<C extends string>(columns: readonly C[]): Record<C, RawBuilder<never>> {
  return Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as Record<C, RawBuilder<never>>;
}

function count(rows: { inserted: boolean }[]): UpsertCounts {
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}

const SCHOOL_COLUMNS = [
  'name',
  'type_name',
  'type_group',
  'open',
  'status_name',
  'phase',
  'statutory_low_age',
  'statutory_high_age',
  'country',
  'la_code',
  'la_name',
  'region_code',
  'region_name',
  'constituency_code',
  'constituency_name',
  'town',
  'postcode',
  'lat',
  'lon',
  'pupils',
  'fsm_percent',
  'sen_percent',
  'urban_rural',
  'trust',
  'synthetic',
] as const;

/** A column written from arrays: its name, its PostgreSQL type and how to read it from a record. */
type ArrayColumn<T> = [name: string, type: string, value: (record: T) => unknown];

/**
 * `SELECT * FROM unnest($1::type[], $2::type[], …)`: a batch as one array per column, so a batch
 * of any size is a statement of a few parameters, which PostgreSQL parses and plans at once.
 */
function unnest<T>(records: T[], columns: ArrayColumn<T>[]) {
  const arrays = columns.map(([, type, value]) => sql`${records.map(value)}::${sql.raw(type)}[]`);
  return sql`select * from unnest(${sql.join(arrays)})`;
}

const SCHOOL_ARRAYS: ArrayColumn<School>[] = [
  ['urn', 'integer', (s) => s.urn],
  ['name', 'text', (s) => s.name],
  ['type_name', 'text', (s) => s.typeName],
  ['type_group', 'text', (s) => s.typeGroup],
  ['open', 'boolean', (s) => s.open],
  ['status_name', 'text', (s) => s.statusName],
  ['phase', 'text', (s) => s.phase],
  ['statutory_low_age', 'integer', (s) => s.statutoryLowAge],
  ['statutory_high_age', 'integer', (s) => s.statutoryHighAge],
  ['country', 'text', (s) => s.country],
  ['la_code', 'text', (s) => s.localAuthority?.code ?? null],
  ['la_name', 'text', (s) => s.localAuthority?.name ?? null],
  ['region_code', 'text', (s) => s.region?.code ?? null],
  ['region_name', 'text', (s) => s.region?.name ?? null],
  ['constituency_code', 'text', (s) => s.constituency?.code ?? null],
  ['constituency_name', 'text', (s) => s.constituency?.name ?? null],
  ['town', 'text', (s) => s.town],
  ['postcode', 'text', (s) => s.postcode],
  ['lat', 'float8', (s) => s.location?.lat ?? null],
  ['lon', 'float8', (s) => s.location?.lon ?? null],
  ['pupils', 'integer', (s) => s.pupils],
  ['fsm_percent', 'float8', (s) => s.fsmPercent],
  ['sen_percent', 'float8', (s) => s.senPercent],
  ['urban_rural', 'text', (s) => s.urbanRural],
  ['trust', 'text', (s) => s.trust],
];

/** Inserts or updates schools, setting `update` on a school already held when any of them changed. */
async function writeSchools(
  db: Executor,
  schools: School[],
  columns: ArrayColumn<School>[],
  update: readonly (keyof SchoolsTable)[],
): Promise<UpsertCounts> {
  if (schools.length === 0) return { inserted: 0, updated: 0 };
  const rows = await db
    .insertInto('schools')
    .columns(columns.map(([name]) => name as keyof SchoolsTable))
    .expression(unnest(schools, columns))
    .onConflict((oc) =>
      oc
        .column('urn')
        .doUpdateSet({ ...excluded(update), updated_at: sql`now()` })
        .where(changed('schools', update)),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  return count(rows);
}

const GIAS_COLUMNS = [...SCHOOL_COLUMNS, 'welsh_number', 'same_as'] as const;

/**
 * Adds or updates schools; EAL comes from the school census, so a GIAS import leaves it as it was.
 * A Welsh establishment that the registry holds from the Welsh Government's list (by its LA and
 * school number) is kept closed and linked to that record (`same_as`), so it is counted once.
 */
export async function upsertSchools(db: Executor, schools: School[], synthetic: boolean): Promise<UpsertCounts> {
  const numbers = schools.flatMap((s) => (s.welshNumber ? [s.welshNumber] : []));
  const held = new Set(
    numbers.length === 0
      ? []
      : (await db.selectFrom('schools').select('urn').where('urn', 'in', numbers).execute()).map((r) => r.urn),
  );
  const sameAs = (s: School) => (s.welshNumber && held.has(s.welshNumber) ? s.welshNumber : null);
  return writeSchools(
    db,
    schools.map((s) => (sameAs(s) === null ? s : { ...s, open: false })),
    [
      ...SCHOOL_ARRAYS,
      ['synthetic', 'boolean', () => synthetic],
      ['welsh_number', 'integer', (s) => s.welshNumber ?? null],
      ['same_as', 'integer', sameAs],
    ],
    GIAS_COLUMNS,
  );
}

const WELSH_COLUMNS = [...SCHOOL_COLUMNS, 'language_medium', 'welsh_medium_type'] as const;

/**
 * Adds or updates schools from the Welsh Government's list, with their language medium (which
 * only that list carries, so a GIAS import leaves it as it was).
 */
export async function upsertWelshSchools(
  db: Executor,
  schools: School[],
  synthetic: boolean,
): Promise<UpsertCounts> {
  const columns: ArrayColumn<School>[] = [
    ...SCHOOL_ARRAYS,
    ['synthetic', 'boolean', () => synthetic],
    ['language_medium', 'text', (s) => s.languageMedium ?? null],
    ['welsh_medium_type', 'text', (s) => s.welshMediumType ?? null],
  ];
  const counts = await writeSchools(db, schools, columns, WELSH_COLUMNS);
  // GIAS's rows for these schools, imported before: closed and linked, so each is counted once.
  if (schools.length > 0) {
    await db
      .updateTable('schools')
      .set({ open: false, same_as: sql<number>`welsh_number`, updated_at: sql`now()` })
      .where(
        'welsh_number',
        'in',
        schools.map((s) => s.urn),
      )
      .where((eb) => eb.or([eb('same_as', 'is', null), eb('open', '=', true)]))
      .execute();
  }
  return counts;
}

const INSPECTION_ARRAYS: ArrayColumn<Inspection>[] = [
  ['urn', 'integer', (i) => i.urn],
  ['start_date', 'date', (i) => i.startDate],
  ['inspection_number', 'text', (i) => i.inspectionNumber],
  ['publication_date', 'date', (i) => i.publicationDate],
  ['inspection_type', 'text', (i) => i.inspectionType],
  ['era', 'text', (i) => i.era],
  ['overall_effectiveness', 'smallint', (i) => i.overallEffectiveness],
  ['key_judgements', 'jsonb', (i) => JSON.stringify(i.keyJudgements)],
  ['report_card', 'jsonb', (i) => JSON.stringify(i.reportCard)],
  ['safeguarding_met', 'boolean', (i) => i.safeguardingMet],
  ['category', 'text', (i) => i.category],
  ['estyn_follow_up', 'text', (i) => i.estynFollowUp],
  ['estyn_judgements', 'jsonb', (i) => JSON.stringify(i.estynJudgements ?? {})],
  ['raw', 'jsonb', (i) => JSON.stringify(i.raw)],
];
const INSPECTION_COLUMNS = INSPECTION_ARRAYS.slice(2).map(([name]) => name as keyof InspectionsTable);

export async function upsertInspections(db: Executor, inspections: Inspection[]): Promise<UpsertCounts> {
  if (inspections.length === 0) return { inserted: 0, updated: 0 };
  const rows = await db
    .insertInto('inspections')
    .columns(INSPECTION_ARRAYS.map(([name]) => name as keyof InspectionsTable))
    .expression(unnest(inspections, INSPECTION_ARRAYS))
    .onConflict((oc) =>
      oc
        .columns(['urn', 'start_date'])
        .doUpdateSet(excluded(INSPECTION_COLUMNS))
        .where(changed('inspections', INSPECTION_COLUMNS)),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  return count(rows);
}

const PERFORMANCE_ARRAYS: ArrayColumn<Performance>[] = [
  ['urn', 'integer', (p) => p.urn],
  ['year', 'integer', (p) => p.year],
  ['key_stage', 'smallint', (p) => p.keyStage],
  ['cohort', 'integer', (p) => p.cohort],
  ['rwm_expected_percent', 'float8', (p) => p.rwmExpectedPercent],
  ['reading_expected_percent', 'float8', (p) => p.readingExpectedPercent],
  ['writing_expected_percent', 'float8', (p) => p.writingExpectedPercent],
  ['maths_expected_percent', 'float8', (p) => p.mathsExpectedPercent],
  ['reading_progress', 'float8', (p) => p.readingProgress],
  ['writing_progress', 'float8', (p) => p.writingProgress],
  ['maths_progress', 'float8', (p) => p.mathsProgress],
  ['progress8', 'float8', (p) => p.progress8],
  ['attainment8', 'float8', (p) => p.attainment8],
  ['english_maths5_percent', 'float8', (p) => p.englishMaths5Percent],
  ['status', 'text', (p) => p.status],
  ['raw', 'jsonb', (p) => JSON.stringify(p.raw)],
];
const PERFORMANCE_COLUMNS = PERFORMANCE_ARRAYS.slice(3).map(([name]) => name as keyof PerformanceTable);
const PERFORMANCE_KEY: ArrayColumn<Performance>[] = PERFORMANCE_ARRAYS.slice(0, 3);

const resultKey = (p: { urn: number; year: number; keyStage?: number; key_stage?: number }) =>
  `${p.urn}|${p.year}|${p.keyStage ?? p.key_stage}`;

/** Whether each result already held for these schools, years and key stages is provisional or final. */
async function heldStatus(db: Executor, results: Performance[]): Promise<Map<string, string>> {
  const { rows } = await sql<{ urn: number; year: number; key_stage: number; status: string }>`
    select urn, year, key_stage, status from performance
    where (urn, year, key_stage) in (${unnest(results, PERFORMANCE_KEY)})`.execute(db);
  return new Map(rows.map((r) => [resultKey(r), r.status]));
}

/**
 * Adds or updates results. Final figures replace provisional ones (counted); provisional figures
 * never replace final ones for the same year (counted and left out).
 */
export async function upsertPerformance(db: Executor, results: Performance[]): Promise<UpsertCounts> {
  if (results.length === 0) return { inserted: 0, updated: 0 };
  const held = await heldStatus(db, results);
  const applied: Performance[] = [];
  let replacedProvisional = 0;
  let keptFinal = 0;
  for (const result of results) {
    const was = held.get(resultKey(result));
    if (was === 'final' && result.status === 'provisional') keptFinal += 1;
    else {
      if (was === 'provisional' && result.status === 'final') replacedProvisional += 1;
      applied.push(result);
    }
  }
  if (applied.length === 0) return { inserted: 0, updated: 0, replacedProvisional, keptFinal };
  const rows = await db
    .insertInto('performance')
    .columns(PERFORMANCE_ARRAYS.map(([name]) => name as keyof PerformanceTable))
    .expression(unnest(applied, PERFORMANCE_ARRAYS))
    .onConflict((oc) =>
      oc
        .columns(['urn', 'year', 'key_stage'])
        .doUpdateSet(excluded(PERFORMANCE_COLUMNS))
        .where(changed('performance', PERFORMANCE_COLUMNS)),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  return { ...count(rows), replacedProvisional, keptFinal };
}

const RATING_ARRAYS: ArrayColumn<PublishedRating & { raw: Record<string, string> }>[] = [
  ['urn', 'integer', (r) => r.urn],
  ['as_of', 'date', (r) => r.asOf],
  ['overall_effectiveness', 'smallint', (r) => r.overallEffectiveness],
  ['raw', 'jsonb', (r) => JSON.stringify(r.raw)],
];
const RATING_COLUMNS = ['overall_effectiveness', 'raw'] as const;

/** Ratings as a summary published them on its date; the same summary again changes nothing. */
export async function upsertOfstedRatings(
  db: Executor,
  ratings: (PublishedRating & { raw: Record<string, string> })[],
): Promise<UpsertCounts> {
  if (ratings.length === 0) return { inserted: 0, updated: 0 };
  const rows = await db
    .insertInto('ofsted_ratings')
    .columns(RATING_ARRAYS.map(([name]) => name as keyof OfstedRatingsTable))
    .expression(unnest(ratings, RATING_ARRAYS))
    .onConflict((oc) =>
      oc
        .columns(['urn', 'as_of'])
        .doUpdateSet(excluded(RATING_COLUMNS))
        .where(changed('ofsted_ratings', RATING_COLUMNS)),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  return count(rows);
}

const CATEGORISATION_ARRAYS: ArrayColumn<Categorisation & { raw: Record<string, string> }>[] = [
  ['urn', 'integer', (c) => c.urn],
  ['year', 'integer', (c) => c.year],
  ['support_category', 'text', (c) => c.supportCategory],
  ['raw', 'jsonb', (c) => JSON.stringify(c.raw)],
];
const CATEGORISATION_COLUMNS = ['support_category', 'raw'] as const;

/** Welsh support categories by school and year; the same file again changes nothing. */
export async function upsertCategorisations(
  db: Executor,
  categorisations: (Categorisation & { raw: Record<string, string> })[],
): Promise<UpsertCounts> {
  if (categorisations.length === 0) return { inserted: 0, updated: 0 };
  const rows = await db
    .insertInto('welsh_categorisations')
    .columns(CATEGORISATION_ARRAYS.map(([name]) => name as keyof WelshCategorisationsTable))
    .expression(unnest(categorisations, CATEGORISATION_ARRAYS))
    .onConflict((oc) =>
      oc
        .columns(['urn', 'year'])
        .doUpdateSet(excluded(CATEGORISATION_COLUMNS))
        .where(changed('welsh_categorisations', CATEGORISATION_COLUMNS)),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  return count(rows);
}

const LINK_ARRAYS: ArrayColumn<SchoolLink>[] = [
  ['urn', 'integer', (l) => l.urn],
  ['link_urn', 'integer', (l) => l.linkUrn],
  ['link_type', 'text', (l) => l.linkType],
  ['link_name', 'text', (l) => l.linkName],
  ['link_date', 'date', (l) => l.linkDate],
];
const LINK_COLUMNS = ['link_name', 'link_date'] as const;

export async function upsertLinks(db: Executor, links: SchoolLink[]): Promise<UpsertCounts> {
  if (links.length === 0) return { inserted: 0, updated: 0 };
  const rows = await db
    .insertInto('school_links')
    .columns(LINK_ARRAYS.map(([name]) => name as keyof SchoolLinksTable))
    .expression(unnest(links, LINK_ARRAYS))
    .onConflict((oc) =>
      oc
        .columns(['urn', 'link_urn', 'link_type'])
        .doUpdateSet(excluded(LINK_COLUMNS))
        .where(changed('school_links', LINK_COLUMNS)),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .execute();
  return count(rows);
}

/** Every URN in the registry, to skip results for schools it does not hold. */
export async function registryUrns(db: Executor): Promise<Set<number>> {
  const rows = await db.selectFrom('schools').select('urn').execute();
  return new Set(rows.map((r) => r.urn));
}

export async function schoolCount(db: Executor): Promise<number> {
  const row = await db.selectFrom('schools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ImportRecord {
  kind: string;
  fileName: string;
  sha256: string;
  synthetic: boolean;
  rowsRead: number;
  inserted: number;
  updated: number;
  skipped: number;
  /** What the data describes as of (ISO date, or yyyy-mm for the January census). */
  asOf: string | null;
  resultsStatus: string | null;
}

export async function recordImport(db: Executor, r: ImportRecord): Promise<number> {
  const row = await db
    .insertInto('imports')
    .values({
      kind: r.kind,
      file_name: r.fileName,
      sha256: r.sha256,
      synthetic: r.synthetic,
      rows_read: r.rowsRead,
      inserted: r.inserted,
      updated: r.updated,
      skipped: r.skipped,
      as_of: r.asOf,
      results_status: r.resultsStatus,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The census adds the share of EAL pupils to schools already in the registry. */
export async function updateCensusFigures(db: Executor, figures: CensusFigures[]): Promise<UpsertCounts> {
  if (figures.length === 0) return { inserted: 0, updated: 0 };
  const values = sql.join(figures.map((f) => sql`(${f.urn}::integer, ${f.ealPercent}::float8)`));
  const result = await sql`
    update schools set eal_percent = v.eal, updated_at = now()
    from (values ${values}) as v(urn, eal)
    where schools.urn = v.urn and schools.eal_percent is distinct from v.eal`.execute(db);
  return { inserted: 0, updated: Number(result.numAffectedRows ?? 0) };
}
