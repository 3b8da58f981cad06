import { sql, type Kysely } from 'kysely';

/**
 * Overall ratings as a summary file published them on a date, without the inspection's own date:
 * kept apart from inspections so that no inspection is given a date it did not have.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ofsted_ratings')
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn').onDelete('cascade'))
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('overall_effectiveness', 'smallint', (c) =>
      c.notNull().check(sql`overall_effectiveness between 1 and 4`),
    )
    .addColumn('raw', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('ofsted_ratings_pk', ['urn', 'as_of'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ofsted_ratings').ifExists().execute();
}
