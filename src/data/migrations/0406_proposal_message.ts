import type { Kysely } from 'kysely';

/** A proposal carries a short message to the partner, read with the invitation. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('partnerships').addColumn('proposal_message', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('partnerships').dropColumn('proposal_message').execute();
}
