import { sql, type Kysely } from 'kysely';

/**
 * Asking before someone joins a school: a platform administrator joining a school that has
 * administrators needs their approval, and a school's first administrator invited by a partner
 * school needs a platform administrator's or one of the school's organisations' approval. The
 * invitation itself is made only when the request is approved, so no link exists before then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('join_requests')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('urn', 'integer', (c) => c.notNull())
    .addColumn('school_role', 'text', (c) => c.notNull().check(sql`school_role in ('member', 'admin')`))
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('platform-administrator', 'first-administrator')`),
    )
    .addColumn('note', 'text')
    // The partnership a first administrator was asked for from; accounts come before partnerships
    // in the migrations, so it is a plain id.
    .addColumn('partnership_id', 'integer')
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('approved', 'refused')`))
    .execute();
  await sql`create index join_requests_pending_idx on join_requests (urn) where decided_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('join_requests').execute();
}
