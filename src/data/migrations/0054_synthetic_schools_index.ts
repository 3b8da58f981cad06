import { sql, type Kysely } from 'kysely';

/**
 * Whether any synthetic school is loaded is asked for every page's banner and every answer's
 * `dataset`: a partial index answers it without reading the registry (a full scan took 50–140 ms
 * at 150,000 schools, and every request waiting for the figures waited for it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('schools_synthetic').on('schools').column('urn').where(sql.ref('synthetic'), '=', true).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('schools_synthetic').execute();
}
