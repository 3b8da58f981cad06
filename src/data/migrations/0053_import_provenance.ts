import { sql, type Kysely } from 'kysely';

/**
 * What each import's data describes: as of when (an ISO date, or a month for the January school
 * census) and, for results, whether provisional or final. Imports made before are given what
 * their file names and rows say.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('imports')
    .addColumn('as_of', 'text')
    .addColumn('results_status', 'text')
    .execute();
  await sql`
    update imports set as_of = to_char(to_date(substring(file_name from '(\\d{8})'), 'YYYYMMDD'), 'YYYY-MM-DD')
    where kind in ('gias', 'links') and file_name ~ '\\d{8}'`.execute(db);
  await sql`
    update imports set as_of = (select max(start_date)::text from inspections) where kind = 'ofsted'`.execute(db);
  await sql`
    update imports set as_of = (select max(year) || '-08-31' from performance where key_stage = 2), results_status = 'final'
    where kind = 'ks2'`.execute(db);
  await sql`
    update imports set as_of = (select max(year) || '-08-31' from performance where key_stage = 4), results_status = 'final'
    where kind = 'ks4'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('as_of').dropColumn('results_status').execute();
}
