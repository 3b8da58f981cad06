import { sql, type Kysely } from 'kysely';

/**
 * Sponsorship, the structural kind of school-to-school support (seed 003): a sponsor (a trust, or
 * a sponsor school) takes on a school from a date, and may hand it on later. S2S records the
 * relationship so partner search and the impact report know about it; it does not manage it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sponsorships')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('urn', 'integer', (c) => c.notNull())
    .addColumn('sponsor_organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('sponsor_urn', 'integer')
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'sponsorships_one_sponsor',
      sql`(sponsor_organisation_id is null) <> (sponsor_urn is null)`,
    )
    .addCheckConstraint('sponsorships_not_itself', sql`sponsor_urn is null or sponsor_urn <> urn`)
    .addCheckConstraint('sponsorships_dates_ordered', sql`ends_on is null or ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('sponsorships_urn_idx').on('sponsorships').column('urn').execute();
  await db.schema
    .createIndex('sponsorships_organisation_idx')
    .on('sponsorships')
    .column('sponsor_organisation_id')
    .execute();
  await db.schema.createIndex('sponsorships_sponsor_urn_idx').on('sponsorships').column('sponsor_urn').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sponsorships').execute();
}
