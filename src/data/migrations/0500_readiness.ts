import { sql, type Kysely } from 'kysely';

/**
 * Readiness self-assessments. Framework definitions live in files (frameworks/readiness); an
 * assessment records which framework and version it was answered against. User and
 * organisation references gain their foreign keys once the accounts tables exist (0501).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('readiness_assessments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn').onDelete('cascade'))
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('framework_version', 'integer', (c) => c.notNull())
    .addColumn('partnership_type', 'text', (c) =>
      c.notNull().check(sql`partnership_type in ('peer', 'deployment', 'sponsorship', 'federation')`),
    )
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'completed')`))
    .addColumn('started_by', 'integer')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .addCheckConstraint(
      'readiness_assessments_completed_dated',
      sql`(status = 'completed') = (completed_at is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('readiness_assessments_school_idx')
    .on('readiness_assessments')
    .columns(['urn', 'framework_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('readiness_answers')
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('readiness_assessments.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('rating', 'smallint')
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('readiness_answers_pk', ['assessment_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('readiness_actions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('readiness_assessments.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_on', 'date')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('not-started').check(sql`status in ('not-started', 'in-progress', 'done')`),
    )
    .addColumn('priority', 'integer', (c) => c.notNull())
    // Set when the plan is carried into a partnership (the partnerships capability links it).
    .addColumn('partnership_id', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('readiness_actions_assessment_idx')
    .on('readiness_actions')
    .column('assessment_id')
    .execute();

  await db.schema
    .createTable('readiness_shares')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('readiness_assessments.id').onDelete('cascade'),
    )
    .addColumn('grantee_urn', 'integer', (c) => c.references('schools.urn').onDelete('cascade'))
    .addColumn('grantee_organisation_id', 'integer')
    .addColumn('granted_by', 'integer')
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'readiness_shares_one_grantee',
      sql`(grantee_urn is null) <> (grantee_organisation_id is null)`,
    )
    .addUniqueConstraint('readiness_shares_school_unique', ['assessment_id', 'grantee_urn'])
    .addUniqueConstraint('readiness_shares_organisation_unique', ['assessment_id', 'grantee_organisation_id'])
    .execute();
  await db.schema.createIndex('readiness_shares_urn_idx').on('readiness_shares').column('grantee_urn').execute();
  await db.schema
    .createIndex('readiness_shares_organisation_idx')
    .on('readiness_shares')
    .column('grantee_organisation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['readiness_shares', 'readiness_actions', 'readiness_answers', 'readiness_assessments']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
