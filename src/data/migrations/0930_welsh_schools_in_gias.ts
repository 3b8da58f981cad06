import type { Kysely } from 'kysely';

/**
 * GIAS lists some Welsh establishments too, under their Welsh LA code and school number, while the
 * registry holds Welsh schools by that number from the Welsh Government's list. `welsh_number`
 * keeps the number a GIAS row gives; `same_as` links such a row to the Welsh record when both are
 * held, and the row is then closed, so that the school shows and counts once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('schools')
    .addColumn('welsh_number', 'integer')
    .addColumn('same_as', 'integer')
    .execute();
  await db.schema.createIndex('schools_welsh_number_idx').on('schools').column('welsh_number').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('schools').dropColumn('same_as').dropColumn('welsh_number').execute();
}
