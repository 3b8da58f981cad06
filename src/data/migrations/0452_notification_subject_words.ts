import type { Kysely } from 'kysely';

/**
 * A notification's subject is kept with the template and values it was written from, so that each
 * reader sees it, and gets its email, in their own language. `subject` stays the English text:
 * the API's, and what rows written before this show.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('notifications')
    .addColumn('subject_template', 'text')
    .addColumn('subject_values', 'jsonb')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('subject_template').dropColumn('subject_values').execute();
}
