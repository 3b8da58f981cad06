import { sql, type Kysely } from 'kysely';

/**
 * The performance profile the service uses when a page or call names none, chosen by a platform
 * administrator. One row at most; none means the shipped default. `chosen_by` has no foreign key
 * because this runs before the accounts tables exist on a new database (the audit log says who).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('active_performance_profile')
    .addColumn('singleton', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`singleton`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('chosen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('chosen_by', 'integer')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('active_performance_profile').ifExists().execute();
}
