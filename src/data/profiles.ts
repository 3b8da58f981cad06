import { sql } from 'kysely';
import { parsePerformanceProfile } from '../domain/classification/profile-schema.ts';
import type { PerformanceProfile } from '../domain/classification/types.ts';
import type { Db } from './db.ts';

/** The latest version of every performance profile, checked: a bad stored row is named, not skipped. */
export async function listLatestProfiles(db: Db): Promise<PerformanceProfile[]> {
  const rows = await db
    .selectFrom('performance_profiles')
    .select(['name', 'version', 'definition'])
    .distinctOn('name')
    .orderBy('name')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => {
    const parsed = parsePerformanceProfile({ ...row.definition, name: row.name, version: row.version });
    if (!parsed.ok) {
      throw new Error(`Performance profile ${row.name} version ${row.version} is invalid: ${parsed.errors.join('; ')}`);
    }
    return parsed.profile;
  });
}

/**
 * Publishes an edited profile as the next version of its name, in one transaction so two
 * administrators saving at once cannot take the same version number.
 */
export async function publishProfileVersion(
  db: Db,
  profile: Omit<PerformanceProfile, 'version'>,
  createdBy: number | null,
): Promise<PerformanceProfile> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`performance_profiles:${profile.name}`}))`.execute(trx);
    const latest = await trx
      .selectFrom('performance_profiles')
      .select(sql<number>`coalesce(max(version), 0)`.as('version'))
      .where('name', '=', profile.name)
      .executeTakeFirstOrThrow();
    const published: PerformanceProfile = { ...profile, version: latest.version + 1 };
    await trx
      .insertInto('performance_profiles')
      .values({
        name: published.name,
        version: published.version,
        title: published.title,
        definition: JSON.stringify(published),
        created_by: createdBy,
      })
      .execute();
    return published;
  });
}
