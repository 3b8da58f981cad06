import { sql, type Kysely } from 'kysely';

/**
 * A Welsh school's language medium, in S2S's four groups and as the Welsh Government's list
 * published it; null for English schools and for nursery and special schools, which have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('schools')
    .addColumn('language_medium', 'text', (c) =>
      c.check(
        sql`language_medium in ('welsh-medium', 'bilingual', 'english-with-significant-welsh', 'english-medium')`,
      ),
    )
    .addColumn('welsh_medium_type', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('schools').dropColumn('language_medium').dropColumn('welsh_medium_type').execute();
}
