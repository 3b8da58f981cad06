import { sql, type Kysely } from 'kysely';

/**
 * A conflict of interest kept with a place on a review team gives its reason as a phrase (its
 * template and values), written in the reader's language by the page. A reason kept before, an
 * English sentence, becomes a phrase of that sentence alone: it reads as it always did.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update peer_review_team
    set conflicts = (
      select jsonb_agg(
        case when jsonb_typeof(c -> 'reason') = 'string'
          then jsonb_set(c, '{reason}', jsonb_build_object('template', c -> 'reason'))
          else c end
        order by position)
      from jsonb_array_elements(conflicts) with ordinality as e(c, position))
    where jsonb_array_length(conflicts) > 0
  `.execute(db);
}

/** Back to English sentences: each phrase's template with its values filled in. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const places = await sql<{ review_id: number; user_id: number; conflicts: { reason: unknown }[] }>`
    select review_id, user_id, conflicts from peer_review_team where jsonb_array_length(conflicts) > 0
  `.execute(db);
  for (const place of places.rows) {
    const conflicts = place.conflicts.map((c) => {
      const reason = c.reason as { template: string; values?: Record<string, string | number> };
      const sentence = reason.template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
        String(reason.values?.[name] ?? ''),
      );
      return { ...c, reason: sentence };
    });
    await sql`
      update peer_review_team set conflicts = ${JSON.stringify(conflicts)}::jsonb
      where review_id = ${place.review_id} and user_id = ${place.user_id}
    `.execute(db);
  }
}
