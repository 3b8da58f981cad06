import { sql } from 'kysely';
import { parsePerformanceProfile } from '../domain/classification/profile-schema.ts';
import { DEFAULT_PROFILE_NAME } from '../domain/classification/profiles/index.ts';
import type { PerformanceProfile } from '../domain/classification/types.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';

type Actor = { id: number; email: string };

function checked(row: { name: string; version: number; definition: PerformanceProfile }): PerformanceProfile {
  const parsed = parsePerformanceProfile({ ...row.definition, name: row.name, version: row.version });
  if (!parsed.ok) {
    throw new Error(`Performance profile ${row.name} version ${row.version} is invalid: ${parsed.errors.join('; ')}`);
  }
  return parsed.profile;
}

/** The latest version of every performance profile, checked: a bad stored row is named, not skipped. */
export async function listLatestProfiles(db: Db): Promise<PerformanceProfile[]> {
  const rows = await db
    .selectFrom('performance_profiles')
    .select(['name', 'version', 'definition'])
    .distinctOn('name')
    .orderBy('name')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(checked);
}

export interface ProfileVersionSummary {
  name: string;
  version: number;
  title: string;
  createdAt: Date;
  /** Null for the versions S2S ships. */
  createdByEmail: string | null;
}

/** Every version of every profile (or of one), newest version first within each name. */
export async function listProfileVersions(db: Db, name?: string): Promise<ProfileVersionSummary[]> {
  let query = db
    .selectFrom('performance_profiles as p')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .select(['p.name', 'p.version', 'p.title', 'p.created_at', 'u.email']);
  if (name !== undefined) query = query.where('p.name', '=', name);
  const rows = await query.orderBy('p.name').orderBy('p.version', 'desc').execute();
  return rows.map((r) => ({
    name: r.name,
    version: r.version,
    title: r.title,
    createdAt: r.created_at,
    createdByEmail: r.email,
  }));
}

/** One version of a profile, or its latest when no version is given. */
export async function getProfileVersion(
  db: Db,
  name: string,
  version?: number,
): Promise<PerformanceProfile | undefined> {
  let query = db.selectFrom('performance_profiles').select(['name', 'version', 'definition']).where('name', '=', name);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row && checked(row);
}

/**
 * Publishes an edited profile as the next version of its name, with its audit entry, in one
 * transaction so two administrators saving at once cannot take the same version number.
 */
export async function publishProfileVersion(
  db: Db,
  profile: Omit<PerformanceProfile, 'version'>,
  actor: Actor | null,
  basedOnVersion?: number,
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
        created_by: actor?.id ?? null,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'profile.published',
      subject: `performance profile ${published.name} version ${published.version}`,
      details: { title: published.title, ...(basedOnVersion ? { basedOnVersion } : {}) },
    });
    return published;
  });
}

/** The profile used when a page, call or command names none. */
export async function getActiveProfileName(db: Db): Promise<string> {
  const row = await db.selectFrom('active_performance_profile').select('name').executeTakeFirst();
  return row?.name ?? DEFAULT_PROFILE_NAME;
}

/** Makes a published profile the one used by default (actor null: from the command line); false when no profile has that name. */
export async function setActiveProfile(db: Db, name: string, actor: Actor | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('performance_profiles')
      .select('name')
      .where('name', '=', name)
      .limit(1)
      .executeTakeFirst();
    if (!exists) return false;
    const before = await trx.selectFrom('active_performance_profile').select('name').forUpdate().executeTakeFirst();
    const values = { name, chosen_at: sql<Date>`now()`, chosen_by: actor?.id ?? null };
    await trx
      .insertInto('active_performance_profile')
      .values({ singleton: true, ...values })
      .onConflict((oc) => oc.column('singleton').doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'profile.activated',
      subject: `performance profile ${name}`,
      details: { before: before?.name ?? DEFAULT_PROFILE_NAME, after: name },
    });
    return true;
  });
}
