import { sql, type Kysely } from 'kysely';

/**
 * Reminders (a milestone due or overdue, a review due) are worked out each day from the dates in
 * the plan; `reminder_key` names what a reminder is about (`milestone-due:12`), so each person
 * hears of it once however often the daily run goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('reminder_key', 'text').execute();
  await sql`create unique index notifications_reminder_once on notifications (user_id, reminder_key) where reminder_key is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('reminder_key').execute();
}
