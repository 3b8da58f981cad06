import { sql, type Kysely } from 'kysely';

/**
 * The good-practice library. A record belongs to a school by URN (not a foreign key: a reload of
 * the registry must never take a school's practice with it) and holds its versions: the one the
 * public reads (`published_version`) and the one the school is working on (`working_version`),
 * which is the same version when nothing is pending. Every published version is kept.
 *
 * Each version carries its own search document: title (weight A), summary (B) and the rest of
 * the account (C), stemmed as English, or as written for a record in Welsh.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('practice_records')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('urn', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_version', 'integer')
    .addColumn('working_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('working_state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`working_state in ('draft', 'submitted', 'returned', 'published')`),
    )
    .addColumn('moderation_note', 'text')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('withdrawal_reason', 'text')
    // A made-up record the demo dataset ships so that the library is not empty on first start.
    .addColumn('example', 'boolean', (c) => c.notNull().defaultTo(false))
    .addCheckConstraint(
      'practice_records_published_state',
      sql`(working_state = 'published') = (published_version is not null and published_version = working_version)`,
    )
    .execute();
  await db.schema.createIndex('practice_records_urn_idx').on('practice_records').column('urn').execute();

  await db.schema
    .createTable('practice_versions')
    .addColumn('record_id', 'integer', (c) => c.notNull().references('practice_records.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('what_we_did', 'text', (c) => c.notNull())
    .addColumn('phases', sql`text[]`, (c) => c.notNull())
    .addColumn('pupil_groups', sql`text[]`, (c) => c.notNull())
    .addColumn('focus_areas', sql`text[]`, (c) => c.notNull())
    .addColumn('collaboration', 'text')
    .addColumn('resources', 'text', (c) => c.notNull())
    .addColumn('what_changed', 'text', (c) => c.notNull())
    .addColumn('how_we_know', 'text', (c) => c.notNull())
    .addColumn('started_in', 'integer')
    .addColumn('links', sql`text[]`, (c) => c.notNull())
    .addColumn('external_evaluation', 'text', (c) => c.notNull())
    .addColumn('partnership_id', 'integer', (c) => c.references('partnerships.id').onDelete('set null'))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'cy')`))
    .addColumn('evidence_level', 'text', (c) =>
      c
        .notNull()
        .check(sql`evidence_level in ('own-account', 'data-backed', 'comparison-group', 'external')`),
    )
    // The figures and estimates S2S found when it set the level, as shown beside the record.
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('external_checked', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('saved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('search', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`
        setweight(to_tsvector(case when language = 'cy' then 'simple'::regconfig else 'english'::regconfig end, title), 'A') ||
        setweight(to_tsvector(case when language = 'cy' then 'simple'::regconfig else 'english'::regconfig end, summary), 'B') ||
        setweight(to_tsvector(case when language = 'cy' then 'simple'::regconfig else 'english'::regconfig end,
          what_we_did || ' ' || what_changed || ' ' || how_we_know || ' ' || resources), 'C')`).stored(),
    )
    .addPrimaryKeyConstraint('practice_versions_pk', ['record_id', 'version'])
    .execute();
  await sql`create index practice_versions_search_idx on practice_versions using gin (search)`.execute(db);
  await sql`create index practice_versions_focus_idx on practice_versions using gin (focus_areas)`.execute(db);

  await db.schema
    .createTable('practice_reports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('record_id', 'integer', (c) => c.notNull().references('practice_records.id').onDelete('cascade'))
    .addColumn('reported_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('resolution', 'text', (c) => c.check(sql`resolution in ('withdrawn', 'dismissed')`))
    .execute();
  await db.schema
    .createIndex('practice_reports_open_idx')
    .on('practice_reports')
    .column('record_id')
    .where(sql.ref('resolved_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('practice_reports').execute();
  await db.schema.dropTable('practice_versions').execute();
  await db.schema.dropTable('practice_records').execute();
}
