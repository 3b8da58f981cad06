import { sql, type Kysely } from 'kysely';

/**
 * Name search without a function call per row: the unaccented, lower-case name is stored once
 * and indexed for trigram matching (misspellings), beside the full-text vector.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists schools_name_trgm_idx`.execute(db);
  await sql`alter table schools add column name_folded text generated always as (s2s_unaccent(lower(name))) stored`.execute(db);
  await sql`create index schools_name_folded_trgm_idx on schools using gin (name_folded gin_trgm_ops)`.execute(db);
  await sql`create index schools_name_idx on schools (name, urn)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists schools_name_idx`.execute(db);
  await sql`drop index if exists schools_name_folded_trgm_idx`.execute(db);
  await sql`alter table schools drop column if exists name_folded`.execute(db);
  await sql`create index schools_name_trgm_idx on schools using gin (s2s_unaccent(lower(name)) gin_trgm_ops)`.execute(db);
}
