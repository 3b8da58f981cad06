import { sql, type Kysely } from 'kysely';

/**
 * Partnerships, declarations and the rest now share one list of focus areas: a partnership's
 * "additional learning needs" is the shared list's SEND and ALN area.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update partnerships set focus_areas = array_replace(focus_areas, 'additional-learning-needs', 'send')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update partnerships set focus_areas = array_replace(focus_areas, 'send', 'additional-learning-needs')`.execute(db);
}
