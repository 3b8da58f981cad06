import { sql, type Kysely, type RawBuilder } from 'kysely';
import { WELSH_LA_NAMES_CY } from '../../domain/wales.ts';

/**
 * A Welsh reader searches by the Welsh name of their authority ("Caerdydd", "Abertawe",
 * "Wrecsam") and finds its schools, as an English reader does by "Cardiff": the search vector
 * takes each Welsh authority's Welsh name beside its published one. The names are those of the
 * domain when the migration runs; the 22 principal councils have had them since 1996.
 */
const vector = (welsh: boolean): RawBuilder<unknown> => sql`
  setweight(to_tsvector('simple', s2s_unaccent(coalesce(name, ''))), 'A') ||
  setweight(to_tsvector('simple', s2s_unaccent(coalesce(town, ''))), 'B') ||
  setweight(to_tsvector('simple', coalesce(postcode, '') || ' ' || replace(coalesce(postcode, ''), ' ', '')), 'B') ||
  setweight(to_tsvector('simple', s2s_unaccent(coalesce(la_name, ''))), 'C')
  ${welsh ? sql`|| setweight(to_tsvector('simple', s2s_unaccent(coalesce(s2s_welsh_la_name(la_code), ''))), 'C')` : sql``}
`;

async function searchVector(db: Kysely<unknown>, welsh: boolean): Promise<void> {
  await sql`drop index if exists schools_search_idx`.execute(db);
  await sql`alter table schools drop column if exists search`.execute(db);
  await sql`alter table schools add column search tsvector generated always as (${vector(welsh)}) stored`.execute(db);
  await sql`create index schools_search_idx on schools using gin (search)`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const names = Object.entries(WELSH_LA_NAMES_CY).map(([code, name]) => sql`when ${sql.lit(code)} then ${sql.lit(name)}`);
  await sql`
    create or replace function s2s_welsh_la_name(text) returns text
    language sql immutable parallel safe strict as $$ select case $1 ${sql.join(names, sql` `)} end $$
  `.execute(db);
  await searchVector(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await searchVector(db, false);
  await sql`drop function if exists s2s_welsh_la_name(text)`.execute(db);
}
