import { sql, type Kysely } from 'kysely';
import { SHIPPED_PROFILES } from '../../domain/classification/profiles/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('performance_profiles')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'integer')
    .addPrimaryKeyConstraint('performance_profiles_pk', ['name', 'version'])
    .execute();
  // The shipped profiles as they stand at version 1; a later shipped version is a new migration.
  for (const profile of SHIPPED_PROFILES) {
    await sql`
      insert into performance_profiles (name, version, title, definition)
      values (${profile.name}, ${profile.version}, ${profile.title}, ${JSON.stringify(profile)}::jsonb)
      on conflict do nothing
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('performance_profiles').ifExists().execute();
}
