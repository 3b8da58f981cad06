import { sql, type Kysely } from 'kysely';

/**
 * A deployment's team (seed 003: "where a system leader or team are contracted"): the further
 * system leaders who work beside the deployment's lead, each with their own days, the day rate
 * agreed for them and their own answer. The lead stays on the deployment's own row, so a
 * deployment commissioned before teams is a team of one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deployment_members')
    .addColumn('partnership_id', 'integer', (c) =>
      c.notNull().references('deployments.partnership_id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('days', 'numeric(5, 1)', (c) => c.notNull().check(sql`days > 0`))
    .addColumn('day_rate_pounds', 'numeric(8, 2)', (c) => c.notNull().check(sql`day_rate_pounds >= 0`))
    .addColumn('answer', 'text', (c) => c.check(sql`answer in ('accepted', 'declined')`))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('added_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('deployment_members_pk', ['partnership_id', 'user_id'])
    .execute();
  await db.schema.createIndex('deployment_members_user_idx').on('deployment_members').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('deployment_members').ifExists().execute();
}
