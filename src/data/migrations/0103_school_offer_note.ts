import { sql, type Kysely } from 'kysely';

/**
 * A short note a school writes beside what it offers ("two SLEs in early reading; we run a
 * phonics programme with three local schools"): partner search shows it in the reasons where the
 * offer meets another school's declared need. Public, like the offer itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('school_offers')
    .addColumn('note', 'text', (c) => c.check(sql`char_length(note) <= 300`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('school_offers').dropColumn('note').execute();
}
