import type { Kysely } from 'kysely';

/**
 * A title the service wrote ("Deployment of {{leader}} to {{client}}") keeps its template and
 * values, so that a page writes it in the reader's language; a title someone wrote has none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('partnerships').addColumn('title_words', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('partnerships').dropColumn('title_words').execute();
}
