import { sql, type Kysely } from 'kysely';

/**
 * A deployment is a partnership of type "deployment" between a client school and a system
 * leader: the partnership carries the plan, its days and dates, the running record and the
 * impact report; this row says who is deployed, who commissioned it (the school, or an
 * organisation for it), the agreed day rate, who pays, to whom the leader reports, and the
 * leader's own answer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deployments')
    .addColumn('partnership_id', 'integer', (c) => c.primaryKey().references('partnerships.id').onDelete('cascade'))
    // The person, not their profile: a withdrawn profile keeps its deployments on record.
    .addColumn('leader_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('client_urn', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('commissioned_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('day_rate_pounds', 'numeric(8, 2)', (c) => c.notNull().check(sql`day_rate_pounds >= 0`))
    .addColumn('paid_by', 'text', (c) => c.notNull())
    .addColumn('reports_to', 'text', (c) => c.notNull())
    .addColumn('leader_answer', 'text', (c) => c.check(sql`leader_answer in ('accepted', 'declined')`))
    .addColumn('leader_answered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('deployments_leader_idx').on('deployments').column('leader_user_id').execute();
  await db.schema.createIndex('deployments_client_idx').on('deployments').column('client_urn').execute();
  await db.schema.createIndex('deployments_organisation_idx').on('deployments').column('organisation_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('deployments').ifExists().execute();
}
