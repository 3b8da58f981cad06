import { sql, type Kysely } from 'kysely';

/**
 * Each school agrees for itself, to one version of the plan. `plan_version` counts the plan's
 * changes; an agreement keeps the plan as the school read it, so that when the plan changes
 * afterwards the agreement is withdrawn with what changed, section by section, for that school.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('partnerships')
    .addColumn('plan_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('partnership_agreements')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('partnership_id', 'integer', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn'))
    .addColumn('plan_version', 'integer', (c) => c.notNull())
    .addColumn('plan', 'jsonb', (c) => c.notNull())
    .addColumn('agreed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('agreed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('changes', 'jsonb')
    .addCheckConstraint('partnership_agreements_withdrawn_why', sql`(withdrawn_at is null) = (changes is null)`)
    .execute();
  // One standing agreement per school; withdrawn ones stay as the record of what changed.
  await sql`create unique index partnership_agreements_standing on partnership_agreements (partnership_id, urn) where withdrawn_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('partnership_agreements').execute();
  await db.schema.alterTable('partnerships').dropColumn('plan_version').execute();
}
