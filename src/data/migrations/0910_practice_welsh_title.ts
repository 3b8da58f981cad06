import { sql, type Kysely } from 'kysely';

/**
 * A practice record written in English may carry a Welsh title and summary (Welsh readers see
 * them); search reads both languages, the Welsh as written (no Welsh stemmer ships with PostgreSQL).
 */
const searchDocument = (welsh: boolean) => sql`
  setweight(to_tsvector(case when language = 'cy' then 'simple'::regconfig else 'english'::regconfig end, title), 'A') ||
  setweight(to_tsvector(case when language = 'cy' then 'simple'::regconfig else 'english'::regconfig end, summary), 'B') ||
  ${welsh ? sql`setweight(to_tsvector('simple'::regconfig, coalesce(title_cy, '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(summary_cy, '')), 'B') ||` : sql``}
  setweight(to_tsvector(case when language = 'cy' then 'simple'::regconfig else 'english'::regconfig end,
    what_we_did || ' ' || what_changed || ' ' || how_we_know || ' ' || resources), 'C')`;

async function rebuildSearch(db: Kysely<unknown>, welsh: boolean): Promise<void> {
  await db.schema.alterTable('practice_versions').dropColumn('search').execute();
  await db.schema
    .alterTable('practice_versions')
    .addColumn('search', sql`tsvector`, (c) => c.generatedAlwaysAs(searchDocument(welsh)).stored())
    .execute();
  await sql`create index practice_versions_search_idx on practice_versions using gin (search)`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('practice_versions')
    .addColumn('title_cy', 'text')
    .addColumn('summary_cy', 'text')
    .execute();
  await rebuildSearch(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuildSearch(db, false);
  await db.schema.alterTable('practice_versions').dropColumn('title_cy').dropColumn('summary_cy').execute();
}
