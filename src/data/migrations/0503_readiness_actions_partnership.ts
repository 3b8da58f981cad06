import type { Kysely } from 'kysely';

/**
 * A readiness action carried into a partnership names it. Deleting a partnership hands its
 * carried actions back to the school's own plan rather than losing them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('readiness_actions')
    .addForeignKeyConstraint('readiness_actions_partnership_fkey', ['partnership_id'], 'partnerships', ['id'], (c) =>
      c.onDelete('set null'),
    )
    .execute();
  await db.schema
    .createIndex('readiness_actions_partnership_idx')
    .on('readiness_actions')
    .column('partnership_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('readiness_actions_partnership_idx').ifExists().execute();
  await db.schema
    .alterTable('readiness_actions')
    .dropConstraint('readiness_actions_partnership_fkey')
    .execute();
}
