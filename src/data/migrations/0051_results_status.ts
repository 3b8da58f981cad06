import { sql, type Kysely } from 'kysely';

/**
 * The DfE publishes each year's results twice: provisional figures, then final (revised) ones.
 * Rows held before this migration came from final tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('performance')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('final').check(sql`status in ('provisional', 'final')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('performance').dropColumn('status').execute();
}
