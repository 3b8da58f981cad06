import { sql, type Kysely } from 'kysely';

/**
 * Peer review: the reviewer register and people's declared conflicts of interest, review groups
 * (clusters and hubs) that schools agree to join, cycles with a moderator from outside the
 * group, reviews with their team (and any moderator's override of a conflict, with its reason),
 * judgements and findings each citing evidence, the host's challenges, the report's sharing, and
 * the actions an area to develop becomes. Framework definitions live in frameworks/peer-review;
 * a cycle records the framework and version it uses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('peer_reviewers')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('home_urn', 'integer', (c) => c.notNull().references('schools.urn').onDelete('cascade'))
    .addColumn('trained_on', 'date')
    .addColumn('trained_by', 'text')
    .addColumn('earlier_reviews', 'integer', (c) => c.notNull().defaultTo(0).check(sql`earlier_reviews >= 0`))
    .addColumn('experience', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agreed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('peer_reviewers_training_whole', sql`(trained_on is null) = (trained_by is null)`)
    .execute();

  await db.schema
    .createTable('peer_reviewer_conflicts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('worked-at', 'governs', 'family', 'trust-membership', 'commercial')`),
    )
    .addColumn('declared_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('peer_reviewer_conflicts_unique', ['user_id', 'urn', 'kind'])
    .execute();

  await db.schema
    .createTable('peer_review_groups')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull().check(sql`model in ('cluster', 'hub')`))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('peer_review_group_schools')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('peer_review_groups.id').onDelete('cascade'))
    .addColumn('urn', 'integer', (c) => c.notNull().references('schools.urn').onDelete('cascade'))
    .addColumn('consent', 'text', (c) =>
      c.notNull().defaultTo('invited').check(sql`consent in ('invited', 'joined', 'declined', 'left')`),
    )
    .addColumn('answered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'timestamptz')
    .addPrimaryKeyConstraint('peer_review_group_schools_pk', ['group_id', 'urn'])
    .execute();
  await db.schema.createIndex('peer_review_group_schools_urn_idx').on('peer_review_group_schools').column('urn').execute();

  await db.schema
    .createTable('peer_review_cycles')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('group_id', 'integer', (c) => c.notNull().references('peer_review_groups.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull())
    .addColumn('framework_version', 'integer', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('moderator_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('peer_review_cycles_dates', sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('peer_review_cycles_group_idx').on('peer_review_cycles').column('group_id').execute();

  await db.schema
    .createTable('peer_reviews')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cycle_id', 'integer', (c) => c.notNull().references('peer_review_cycles.id').onDelete('cascade'))
    .addColumn('host_urn', 'integer', (c) => c.notNull().references('schools.urn').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('visit_on', 'date', (c) => c.notNull())
    // Fixed when the cycle is scheduled, so nobody can steer a report out of moderation.
    .addColumn('sampled', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('planned').check(sql`status in ('planned', 'submitted', 'final')`),
    )
    .addColumn('self_evaluation', 'text')
    .addColumn('chosen_focus', 'text')
    .addColumn('shared_with_group', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('moderation_note', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('final_on', 'date')
    .addCheckConstraint('peer_reviews_final_dated', sql`(status = 'final') = (final_on is not null)`)
    .addUniqueConstraint('peer_reviews_host_once', ['cycle_id', 'host_urn'])
    .addUniqueConstraint('peer_reviews_position', ['cycle_id', 'position'])
    .execute();
  await db.schema.createIndex('peer_reviews_host_idx').on('peer_reviews').column('host_urn').execute();

  await db.schema
    .createTable('peer_review_report_shares')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('peer_reviews.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('granted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('peer_review_report_shares_pk', ['review_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('peer_review_team')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('peer_reviews.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'reviewer')`))
    // The conflicts found when the reviewer was added, kept as the record the override answered.
    .addColumn('conflicts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('override_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('override_reason', 'text')
    .addColumn('added_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('peer_review_team_pk', ['review_id', 'user_id'])
    .addCheckConstraint(
      'peer_review_team_conflict_overridden',
      sql`jsonb_array_length(conflicts) = 0 or override_reason is not null`,
    )
    .execute();
  await sql`create unique index peer_review_team_one_lead on peer_review_team (review_id) where role = 'lead'`.execute(db);
  await db.schema.createIndex('peer_review_team_user_idx').on('peer_review_team').column('user_id').execute();

  await db.schema
    .createTable('peer_review_judgements')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('peer_reviews.id').onDelete('cascade'))
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('judgement', 'smallint', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull().check(sql`length(trim(evidence)) > 0`))
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('peer_review_judgements_pk', ['review_id', 'area_id'])
    .execute();

  await db.schema
    .createTable('peer_review_findings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('review_id', 'integer', (c) => c.notNull().references('peer_reviews.id').onDelete('cascade'))
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('focus_area', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('strength', 'area-to-develop')`))
    .addColumn('finding', 'text', (c) => c.notNull().check(sql`length(trim(finding)) > 0`))
    .addColumn('evidence', 'text', (c) => c.notNull().check(sql`length(trim(evidence)) > 0`))
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('challenge', 'text')
    .addColumn('challenged_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('challenged_at', 'timestamptz')
    .addColumn('challenge_outcome', 'text', (c) => c.check(sql`challenge_outcome in ('upheld', 'amended', 'withdrawn')`))
    .addColumn('challenge_response', 'text')
    .addColumn('original_finding', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('partnership_id', 'integer', (c) => c.references('partnerships.id').onDelete('set null'))
    // When support was first arranged (an action or a partnership), for "support within a term".
    .addColumn('supported_on', 'date')
    .addCheckConstraint('peer_review_findings_decision_after_challenge', sql`challenge_outcome is null or challenge is not null`)
    .execute();
  await db.schema.createIndex('peer_review_findings_review_idx').on('peer_review_findings').column('review_id').execute();

  await db.schema
    .createTable('peer_review_actions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('finding_id', 'integer', (c) => c.notNull().references('peer_review_findings.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_on', 'date')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('not-started').check(sql`status in ('not-started', 'in-progress', 'done')`),
    )
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('peer_review_actions_finding_idx').on('peer_review_actions').column('finding_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'peer_review_actions',
    'peer_review_findings',
    'peer_review_judgements',
    'peer_review_team',
    'peer_review_report_shares',
    'peer_reviews',
    'peer_review_cycles',
    'peer_review_group_schools',
    'peer_review_groups',
    'peer_reviewer_conflicts',
    'peer_reviewers',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
