import { sql, type Kysely } from 'kysely';

/**
 * Assessments belong to a school by URN, but the registry is reloaded from public files and a
 * reload must never take a school's self-assessments with it (as accounts keeps memberships):
 * the URNs stop being foreign keys. Users and organisations now exist, so those references
 * become real ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table readiness_assessments drop constraint if exists readiness_assessments_urn_fkey`.execute(db);
  await sql`alter table readiness_shares drop constraint if exists readiness_shares_grantee_urn_fkey`.execute(db);
  await db.schema
    .alterTable('readiness_assessments')
    .addForeignKeyConstraint('readiness_assessments_started_by_fkey', ['started_by'], 'users', ['id'], (c) =>
      c.onDelete('set null'),
    )
    .execute();
  await db.schema
    .alterTable('readiness_shares')
    .addForeignKeyConstraint('readiness_shares_granted_by_fkey', ['granted_by'], 'users', ['id'], (c) =>
      c.onDelete('set null'),
    )
    .execute();
  await db.schema
    .alterTable('readiness_shares')
    .addForeignKeyConstraint(
      'readiness_shares_organisation_fkey',
      ['grantee_organisation_id'],
      'organisations',
      ['id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table readiness_shares drop constraint if exists readiness_shares_organisation_fkey`.execute(db);
  await sql`alter table readiness_shares drop constraint if exists readiness_shares_granted_by_fkey`.execute(db);
  await sql`alter table readiness_assessments drop constraint if exists readiness_assessments_started_by_fkey`.execute(
    db,
  );
}
