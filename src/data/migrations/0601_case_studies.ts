import { sql, type Kysely } from 'kysely';

/**
 * From a finished partnership to a case study. A school administrator of a completed
 * partnership starts one with the parts of the record it shows; every school of the partnership
 * approves it through one of its administrators (changing the parts asks again); when the last
 * approves, S2S writes the practice record and sends it to the moderators. Either school may
 * withdraw it at any time, which also withdraws the record. One case study per partnership.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('practice_case_studies')
    .addColumn('partnership_id', 'integer', (c) => c.primaryKey().references('partnerships.id').onDelete('cascade'))
    .addColumn('parts', sql`text[]`, (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`state in ('draft', 'approved', 'withdrawn')`),
    )
    // The practice record written when every school had approved.
    .addColumn('record_id', 'integer', (c) => c.references('practice_records.id').onDelete('set null'))
    .addColumn('started_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('withdrawn_by_urn', 'integer')
    .addCheckConstraint(
      'practice_case_studies_record',
      sql`state <> 'approved' or record_id is not null`,
    )
    .execute();

  await db.schema
    .createTable('practice_case_study_approvals')
    .addColumn('partnership_id', 'integer', (c) =>
      c.notNull().references('practice_case_studies.partnership_id').onDelete('cascade'),
    )
    .addColumn('urn', 'integer', (c) => c.notNull())
    .addColumn('approved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('practice_case_study_approvals_pk', ['partnership_id', 'urn'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('practice_case_study_approvals').execute();
  await db.schema.dropTable('practice_case_studies').execute();
}
