import { sql, type Kysely } from 'kysely';

/**
 * The areas (from the shared list of focus areas) in which a school says it can support others,
 * beside the needs it declares in school_declarations: matching scores an offer that meets a
 * need. A table of matching's own, so this runs before the accounts tables exist on a new
 * database; `updated_by` has no foreign key for the same reason (the audit log says who).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('school_offers')
    .addColumn('urn', 'integer', (c) => c.primaryKey())
    .addColumn('offers', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('school_offers').ifExists().execute();
}
