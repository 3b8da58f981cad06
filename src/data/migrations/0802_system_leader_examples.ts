import { type Kysely } from 'kysely';

/**
 * The demo's made-up system leaders are marked as examples, so that every page and answer that
 * shows them says they are synthetic; nobody's own profile is ever one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('system_leader_profiles')
    .addColumn('example', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('system_leader_profiles').dropColumn('example').execute();
}
