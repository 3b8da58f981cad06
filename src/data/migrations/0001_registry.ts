import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
  // unaccent() is only STABLE; an IMMUTABLE wrapper lets it index a generated column.
  await sql`
    create or replace function s2s_unaccent(text) returns text
    language sql immutable parallel safe strict as $$ select public.unaccent('public.unaccent', $1) $$
  `.execute(db);

  await db.schema
    .createTable('schools')
    .addColumn('urn', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type_name', 'text')
    .addColumn('type_group', 'text')
    .addColumn('open', 'boolean', (c) => c.notNull())
    .addColumn('status_name', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('statutory_low_age', 'integer')
    .addColumn('statutory_high_age', 'integer')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('la_code', 'text')
    .addColumn('la_name', 'text')
    .addColumn('region_code', 'text')
    .addColumn('region_name', 'text')
    .addColumn('constituency_code', 'text')
    .addColumn('constituency_name', 'text')
    .addColumn('town', 'text')
    .addColumn('postcode', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('pupils', 'integer')
    .addColumn('fsm_percent', 'double precision')
    .addColumn('eal_percent', 'double precision')
    .addColumn('sen_percent', 'double precision')
    .addColumn('urban_rural', 'text')
    .addColumn('trust', 'text')
    .addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    alter table schools add column search tsvector generated always as (
      setweight(to_tsvector('simple', s2s_unaccent(coalesce(name, ''))), 'A') ||
      setweight(to_tsvector('simple', s2s_unaccent(coalesce(town, ''))), 'B') ||
      setweight(to_tsvector('simple', coalesce(postcode, '') || ' ' || replace(coalesce(postcode, ''), ' ', '')), 'B') ||
      setweight(to_tsvector('simple', s2s_unaccent(coalesce(la_name, ''))), 'C')
    ) stored
  `.execute(db);
  await sql`create index schools_search_idx on schools using gin (search)`.execute(db);
  await sql`create index schools_name_trgm_idx on schools using gin (s2s_unaccent(lower(name)) gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('schools_phase_idx').on('schools').columns(['phase', 'open']).execute();
  await db.schema.createIndex('schools_la_idx').on('schools').column('la_code').execute();
  await db.schema.createIndex('schools_region_idx').on('schools').column('region_code').execute();

  await db.schema
    .createTable('inspections')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn').onDelete('cascade'))
    .addColumn('inspection_number', 'text')
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('publication_date', 'date')
    .addColumn('inspection_type', 'text')
    .addColumn('era', 'text', (c) => c.notNull())
    .addColumn('overall_effectiveness', 'smallint')
    .addColumn('key_judgements', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('report_card', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('safeguarding_met', 'boolean')
    .addColumn('category', 'text')
    .addColumn('estyn_follow_up', 'text')
    .addColumn('raw', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addUniqueConstraint('inspections_urn_start_unique', ['urn', 'start_date'])
    .execute();

  await db.schema
    .createTable('performance')
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('key_stage', 'smallint', (c) => c.notNull())
    .addColumn('cohort', 'integer')
    .addColumn('rwm_expected_percent', 'double precision')
    .addColumn('reading_expected_percent', 'double precision')
    .addColumn('writing_expected_percent', 'double precision')
    .addColumn('maths_expected_percent', 'double precision')
    .addColumn('reading_progress', 'double precision')
    .addColumn('writing_progress', 'double precision')
    .addColumn('maths_progress', 'double precision')
    .addColumn('progress8', 'double precision')
    .addColumn('attainment8', 'double precision')
    .addColumn('english_maths5_percent', 'double precision')
    .addColumn('raw', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('performance_pk', ['urn', 'year', 'key_stage'])
    .execute();

  await db.schema
    .createTable('school_links')
    .addColumn('urn', 'integer', (c) => c.notNull())
    .addColumn('link_urn', 'integer', (c) => c.notNull())
    .addColumn('link_name', 'text')
    .addColumn('link_type', 'text', (c) => c.notNull())
    .addColumn('link_date', 'date')
    .addPrimaryKeyConstraint('school_links_pk', ['urn', 'link_urn', 'link_type'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['imports', 'school_links', 'performance', 'inspections', 'schools']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
