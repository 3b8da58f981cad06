import { sql, type Kysely } from 'kysely';

/**
 * A sponsorship can be ended after it was recorded, which changes `ends_on` in place. The time of
 * the last change lets the snapshot's `registryVersion` notice it, as it notices a new row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('sponsorships')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sponsorships').dropColumn('updated_at').execute();
}
