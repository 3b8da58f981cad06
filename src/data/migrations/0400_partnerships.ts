import { sql, type Kysely } from 'kysely';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Partnerships: the plan, its schools, staff, objectives, costs and milestones; the running
 * record (actions, progress, issues, feedback, outcomes); and every lifecycle change. User
 * references gain their foreign keys once the accounts tables exist (0401).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('partnerships')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in (${list(['peer-to-peer', 'deployment', 'sponsorship', 'federation'])})`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('proposed')
        .check(sql`status in (${list(['proposed', 'agreed', 'active', 'reviewing', 'closed'])})`),
    )
    .addColumn('closure', 'text', (c) => c.check(sql`closure in ('completed', 'ended-early')`))
    .addColumn('end_reason', 'text')
    .addColumn('focus_areas', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('need', 'text')
    .addColumn('priorities', 'text')
    .addColumn('staff_days', 'numeric(7, 1)', (c) => c.check(sql`staff_days >= 0`))
    .addColumn('release_time', 'text')
    .addColumn('start_date', 'date')
    .addColumn('end_date', 'date')
    .addColumn('exit_strategy', 'text')
    .addColumn('sustainability', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('partnerships_dates_ordered', sql`end_date is null or start_date is null or end_date > start_date`)
    .addCheckConstraint('partnerships_closed_how', sql`(status = 'closed') = (closure is not null)`)
    .addCheckConstraint('partnerships_early_reason', sql`closure is distinct from 'ended-early' or end_reason is not null`)
    .execute();

  await db.schema
    .createTable('partnership_members')
    .addColumn('partnership_id', 'integer', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in (${list(['lead', 'supporting', 'supported', 'reciprocal'])})`),
    )
    .addColumn('invitation', 'text', (c) =>
      c.notNull().check(sql`invitation in (${list(['proposer', 'invited', 'accepted', 'declined'])})`),
    )
    .addColumn('responded_at', 'timestamptz')
    .addColumn('responded_by', 'integer')
    .addPrimaryKeyConstraint('partnership_members_pk', ['partnership_id', 'urn'])
    .execute();
  await db.schema.createIndex('partnership_members_urn_idx').on('partnership_members').column('urn').execute();

  const child = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('partnership_id', 'integer', (c) => c.notNull().references('partnerships.id').onDelete('cascade'));
  const index = (table: string) =>
    db.schema.createIndex(`${table}_partnership_idx`).on(table).column('partnership_id').execute();

  await child('partnership_staff')
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text', (c) => c.notNull())
    .addColumn('seniority', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`seniority in (${list(['headteacher', 'senior-leader', 'middle-leader', 'teacher', 'support-staff', 'governor'])})`,
        ),
    )
    .addColumn('system_leader', 'text', (c) => c.check(sql`system_leader in ('NLE', 'LLE', 'SLE', 'NLG')`))
    .execute();

  await child('partnership_objectives')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('success_criteria', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('custom_measure_name', 'text')
    .addColumn('baseline', 'double precision')
    .addColumn('target', 'double precision')
    .addCheckConstraint(
      'partnership_objectives_custom_named',
      sql`measure <> 'custom' or custom_measure_name is not null`,
    )
    .execute();

  await db.schema
    .createTable('partnership_outcomes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('objective_id', 'integer', (c) =>
      c.notNull().references('partnership_objectives.id').onDelete('cascade'),
    )
    .addColumn('recorded_on', 'date', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'integer')
    .execute();

  await child('partnership_costs')
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('amount_pounds', 'numeric(12, 2)', (c) => c.notNull().check(sql`amount_pounds >= 0`))
    .addColumn('paid_by', 'text', (c) => c.notNull())
    .execute();

  await child('partnership_milestones')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('done_on', 'date')
    .execute();

  await child('partnership_actions')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('not-started')
        .check(sql`status in (${list(['not-started', 'in-progress', 'done', 'cancelled'])})`),
    )
    .addColumn('created_by', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await child('partnership_updates')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('written_by', 'integer')
    .addColumn('written_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await child('partnership_issues')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resolved', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('raised_on', 'date', (c) => c.notNull())
    .addColumn('raised_by', 'integer')
    .execute();

  await child('partnership_feedback')
    .addColumn('from_urn', 'integer', (c) => c.notNull().references('schools.urn'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('given_by', 'integer')
    .addColumn('given_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await child('partnership_events')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('urn', 'integer')
    .addColumn('by_user_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();

  for (const table of [
    'partnership_staff',
    'partnership_objectives',
    'partnership_costs',
    'partnership_milestones',
    'partnership_actions',
    'partnership_updates',
    'partnership_issues',
    'partnership_feedback',
    'partnership_events',
  ]) {
    await index(table);
  }
  await db.schema
    .createIndex('partnership_outcomes_objective_idx')
    .on('partnership_outcomes')
    .column('objective_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'partnership_events',
    'partnership_feedback',
    'partnership_issues',
    'partnership_updates',
    'partnership_actions',
    'partnership_milestones',
    'partnership_costs',
    'partnership_outcomes',
    'partnership_objectives',
    'partnership_staff',
    'partnership_members',
    'partnerships',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
