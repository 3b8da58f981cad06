import { sql, type Kysely } from 'kysely';
import { WALES_PROFILE } from '../../domain/classification/profiles/wales.ts';

/**
 * Welsh evidence, kept apart from Ofsted's: the summary judgements of an Estyn report (before
 * September 2022; empty for the narrative reports since), the national categorisation's support
 * category by year, and the Welsh performance profile that reads them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('inspections')
    .addColumn('estyn_judgements', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createTable('welsh_categorisations')
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2014 and 2100`))
    .addColumn('support_category', 'text', (c) =>
      c.notNull().check(sql`support_category in ('green', 'yellow', 'amber', 'red')`),
    )
    .addColumn('raw', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('welsh_categorisations_pk', ['urn', 'year'])
    .execute();
  await sql`
    insert into performance_profiles (name, version, title, definition)
    values (${WALES_PROFILE.name}, ${WALES_PROFILE.version}, ${WALES_PROFILE.title}, ${JSON.stringify(WALES_PROFILE)}::jsonb)
    on conflict do nothing
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from performance_profiles where name = ${WALES_PROFILE.name} and created_by is null`.execute(db);
  await db.schema.dropTable('welsh_categorisations').ifExists().execute();
  await db.schema.alterTable('inspections').dropColumn('estyn_judgements').execute();
}
