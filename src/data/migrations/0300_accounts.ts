import { sql, type Kysely } from 'kysely';

/*
 * Accounts, roles, organisations, sessions, invitations, password resets, the audit log and
 * each school's own declarations. School URNs are not foreign keys to `schools`: the registry
 * is reloaded from public files, and a reload must never drop who belongs to a school.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('platform_admin', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index users_email_idx on users (lower(email))`.execute(db);

  await db.schema
    .createTable('sessions')
    // SHA-256 of the cookie's token: a copy of the table gives no live sessions.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('school_memberships')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('urn', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member', 'admin')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('school_memberships_pk', ['user_id', 'urn'])
    .execute();
  await db.schema.createIndex('school_memberships_urn_idx').on('school_memberships').column('urn').execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('local-authority', 'consortium', 'trust', 'hub')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index organisations_name_idx on organisations (kind, lower(name))`.execute(db);

  await db.schema
    .createTable('organisation_schools')
    .addColumn('organisation_id', 'integer', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('urn', 'integer', (c) => c.notNull())
    // The school's own choice, revocable: officers read only the records of schools that agreed.
    .addColumn('shares_records', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sharing_changed_at', 'timestamptz')
    .addColumn('sharing_changed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('organisation_schools_pk', ['organisation_id', 'urn'])
    .execute();
  await db.schema.createIndex('organisation_schools_urn_idx').on('organisation_schools').column('urn').execute();

  await db.schema
    .createTable('organisation_officers')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('organisation_officers_pk', ['user_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('system_leaders')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('designation', 'text', (c) => c.notNull().check(sql`designation in ('NLE', 'LLE', 'SLE', 'NLG')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('urn', 'integer')
    .addColumn('school_role', 'text', (c) => c.check(sql`school_role in ('member', 'admin')`))
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('accepted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint(
      'invitations_target',
      sql`(urn is not null and school_role is not null and organisation_id is null)
        or (urn is null and school_role is null and organisation_id is not null)`,
    )
    .execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Kept as written at the time: the record must still say who acted after an account goes.
    .addColumn('actor_email', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('urn', 'integer')
    .addColumn('organisation_id', 'integer')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_log_urn_idx').on('audit_log').columns(['urn', 'at']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  await db.schema
    .createTable('school_declarations')
    .addColumn('urn', 'integer', (c) => c.primaryKey())
    .addColumn('capacity_to_support', 'integer', (c) => c.notNull().check(sql`capacity_to_support >= 0`))
    .addColumn('needs', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'school_declarations',
    'audit_log',
    'password_resets',
    'invitations',
    'system_leaders',
    'organisation_officers',
    'organisation_schools',
    'organisations',
    'school_memberships',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
