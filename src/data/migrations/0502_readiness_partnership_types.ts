import { sql, type Kysely } from 'kysely';

/** Readiness now names partnership types as the partnerships capability does ('peer-to-peer'). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table readiness_assessments drop constraint if exists readiness_assessments_partnership_type_check`.execute(
    db,
  );
  await sql`update readiness_assessments set partnership_type = 'peer-to-peer' where partnership_type = 'peer'`.execute(
    db,
  );
  await sql`alter table readiness_assessments add constraint readiness_assessments_partnership_type_check
    check (partnership_type in ('peer-to-peer', 'deployment', 'sponsorship', 'federation'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table readiness_assessments drop constraint if exists readiness_assessments_partnership_type_check`.execute(
    db,
  );
  await sql`update readiness_assessments set partnership_type = 'peer' where partnership_type = 'peer-to-peer'`.execute(
    db,
  );
  await sql`alter table readiness_assessments add constraint readiness_assessments_partnership_type_check
    check (partnership_type in ('peer', 'deployment', 'sponsorship', 'federation'))`.execute(db);
}
