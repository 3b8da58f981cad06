import { type Kysely } from 'kysely';

/**
 * When the commissioner withdrew a deployment before it started: its partnership is closed as
 * ended early, its days are free again, and the leader can no longer answer it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('deployments').addColumn('withdrawn_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('deployments').dropColumn('withdrawn_at').execute();
}
