import { sql, type Kysely } from 'kysely';

/**
 * System leaders' own profiles: what they offer, where from, how many days a term and between
 * which dates. Hidden until published (`published_at`); withdrawing sets it back to null and
 * keeps the profile for the person to publish again. The school is a URN, not a foreign key,
 * as elsewhere in accounts: a registry reload must not drop a person's profile.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('system_leader_profiles')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('job_title', 'text', (c) => c.notNull())
    .addColumn('urn', 'integer', (c) => c.notNull())
    .addColumn('claimed_designations', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('expertise', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('phases', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('experience', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('days_per_term', 'numeric(4, 1)', (c) => c.notNull().check(sql`days_per_term >= 0`))
    .addColumn('available_from', 'date', (c) => c.notNull())
    .addColumn('available_to', 'date', (c) => c.notNull())
    .addColumn('travel_km', 'integer', (c) => c.check(sql`travel_km >= 0`))
    .addColumn('works_remotely', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('day_rate_pounds', 'numeric(8, 2)', (c) => c.check(sql`day_rate_pounds >= 0`))
    .addColumn('free_within', 'text', (c) => c.check(sql`free_within in ('trust', 'local-authority')`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('system_leader_profiles_dates_ordered', sql`available_to >= available_from`)
    .execute();
  await db.schema.createIndex('system_leader_profiles_urn_idx').on('system_leader_profiles').column('urn').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('system_leader_profiles').ifExists().execute();
}
