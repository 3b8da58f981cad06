import { sql, type Transaction } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Designation, SchoolRole, SessionUser } from '../domain/access.ts';
import type { Language } from '../domain/language.ts';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

type Executor = Db | Transaction<Database>;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export interface UserCredentials {
  id: number;
  email: string;
  passwordHash: string | null;
  /** The language they chose for the service, if they have. */
  language: Language | null;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'password_hash', 'language'])
    .where(sql<string>`lower(email)`, '=', normaliseEmail(email))
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, passwordHash: row.password_hash, language: row.language };
}

export async function createUser(
  db: Executor,
  user: { email: string; name: string; passwordHash: string | null; platformAdmin?: boolean },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: normaliseEmail(user.email),
      name: user.name.trim(),
      password_hash: user.passwordHash,
      platform_admin: user.platformAdmin ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setPasswordHash(db: Executor, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function setPlatformAdmin(db: Executor, userId: number, platformAdmin: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ platform_admin: platformAdmin, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Adds the user to a school, or changes their role there. */
export async function setSchoolMembership(db: Executor, userId: number, urn: number, role: SchoolRole): Promise<void> {
  await db
    .insertInto('school_memberships')
    .values({ user_id: userId, urn, role })
    .onConflict((oc) => oc.columns(['user_id', 'urn']).doUpdateSet({ role }))
    .execute();
}

export async function addOrganisationOfficer(db: Executor, userId: number, organisationId: number): Promise<void> {
  await db
    .insertInto('organisation_officers')
    .values({ user_id: userId, organisation_id: organisationId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function setSystemLeader(db: Executor, userId: number, designation: Designation | null): Promise<void> {
  if (designation === null) {
    await db.deleteFrom('system_leaders').where('user_id', '=', userId).execute();
    return;
  }
  await db
    .insertInto('system_leaders')
    .values({ user_id: userId, designation })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ designation }))
    .execute();
}

/** Everyone who holds a system-leader designation, by name. */
export async function listSystemLeaders(
  db: Executor,
): Promise<{ id: number; name: string; email: string; designation: Designation }[]> {
  return db
    .selectFrom('system_leaders as sl')
    .innerJoin('users as u', 'u.id', 'sl.user_id')
    .select(['u.id', 'u.name', 'u.email', 'sl.designation'])
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** The user with every role they hold, in one query. */
export async function loadSessionUser(db: Executor, userId: number): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('users as u')
    .select((eb) => [
      'u.id',
      'u.email',
      'u.name',
      'u.platform_admin',
      'u.language',
      jsonArrayFrom(
        eb
          .selectFrom('school_memberships as m')
          .select(['m.urn', 'm.role'])
          .whereRef('m.user_id', '=', 'u.id')
          .orderBy('m.urn'),
      ).as('schools'),
      jsonArrayFrom(
        eb
          .selectFrom('organisation_officers as oo')
          .innerJoin('organisations as o', 'o.id', 'oo.organisation_id')
          .select(['o.id', 'o.kind', 'o.name'])
          .whereRef('oo.user_id', '=', 'u.id')
          .orderBy('o.name'),
      ).as('organisations'),
      jsonObjectFrom(
        eb.selectFrom('system_leaders as sl').select('sl.designation').whereRef('sl.user_id', '=', 'u.id'),
      ).as('systemLeader'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    schools: row.schools,
    organisations: row.organisations,
    systemLeader: row.systemLeader,
    platformAdmin: row.platform_admin,
    language: row.language,
  };
}

/** Remembers the language a person chose for the service. */
export async function setUserLanguage(db: Executor, userId: number, language: Language): Promise<void> {
  await db.updateTable('users').set({ language }).where('id', '=', userId).execute();
}
