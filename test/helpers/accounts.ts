import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import type { Db } from '../../src/data/db.ts';
import {
  addOrganisationSchool,
  createOrganisation as insertOrganisation,
  setSchoolSharing,
} from '../../src/data/organisations.ts';
import { createSession } from '../../src/data/sessions.ts';
import {
  addOrganisationOfficer,
  createUser as insertUser,
  loadSessionUser,
  setSchoolMembership,
  setSystemLeader,
} from '../../src/data/users.ts';
import type { Designation, OrganisationKind, SchoolRole, SessionUser } from '../../src/domain/access.ts';
import { SESSION_COOKIE } from '../../src/web/plugins/session.ts';

/** The roles a test user holds; everything is optional (a user with none is a "stranger"). */
export interface UserSpec {
  email?: string;
  name?: string;
  /** Set one to sign in through the form; otherwise the user has no password. */
  password?: string;
  schools?: { urn: number; role?: SchoolRole }[];
  /** Organisation ids the user is an officer of. */
  organisations?: number[];
  systemLeader?: Designation;
  platformAdmin?: boolean;
}

/** A user with the given roles, straight into the database. */
export async function createUser(db: Db, spec: UserSpec = {}): Promise<SessionUser> {
  const id = await insertUser(db, {
    email: spec.email ?? `user-${randomBytes(4).toString('hex')}@example.org`,
    name: spec.name ?? 'Test User',
    passwordHash: spec.password ? await hash(spec.password) : null,
    platformAdmin: spec.platformAdmin,
  });
  for (const s of spec.schools ?? []) await setSchoolMembership(db, id, s.urn, s.role ?? 'member');
  for (const o of spec.organisations ?? []) await addOrganisationOfficer(db, id, o);
  if (spec.systemLeader) await setSystemLeader(db, id, spec.systemLeader);
  return (await loadSessionUser(db, id))!;
}

/** An organisation with member schools; `sharesRecords` is each school's agreement to share. */
export async function createOrganisation(
  db: Db,
  org: { kind?: OrganisationKind; name?: string; schools?: { urn: number; sharesRecords?: boolean }[] } = {},
): Promise<number> {
  const id = await insertOrganisation(db, {
    kind: org.kind ?? 'local-authority',
    name: org.name ?? `Organisation ${randomBytes(4).toString('hex')}`,
  });
  for (const s of org.schools ?? []) {
    await addOrganisationSchool(db, id, s.urn);
    if (s.sharesRecords) {
      await setSchoolSharing(db, {
        organisationId: id,
        urn: s.urn,
        sharesRecords: true,
        changedBy: null,
        at: new Date(),
      });
    }
  }
  return id;
}

export interface SignedIn {
  user: SessionUser;
  /** The Cookie header: session plus CSRF secret. */
  cookie: string;
  csrfToken: string;
  /** Ready to spread into `app.inject({ headers })` for any request, safe or not. */
  headers: { cookie: string; 'csrf-token': string };
}

/** A user with the given roles, signed in, with a CSRF token for `app.inject`. */
export async function signIn(app: FastifyInstance, db: Db, spec: UserSpec = {}): Promise<SignedIn> {
  const user = await createUser(db, spec);
  const token = await createSession(db, user.id, new Date());
  const sessionCookie = `${SESSION_COOKIE}=${token}`;
  const response = await app.inject({ url: '/api/session', headers: { cookie: sessionCookie } });
  const csrfCookie = response.cookies.find((c) => c.name === 's2s-csrf');
  if (response.statusCode !== 200 || !csrfCookie)
    throw new Error(`could not start a session: ${response.body}`);
  const cookie = `${sessionCookie}; s2s-csrf=${csrfCookie.value}`;
  const { csrfToken } = response.json() as { csrfToken: string };
  return { user, cookie, csrfToken, headers: { cookie, 'csrf-token': csrfToken } };
}

/** Signs a Playwright browser context in as a new user with the given roles. */
export async function signInBrowser(
  context: BrowserContext,
  baseUrl: string,
  db: Db,
  spec: UserSpec = {},
): Promise<SessionUser> {
  const user = await createUser(db, spec);
  const token = await createSession(db, user.id, new Date());
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: baseUrl, httpOnly: true, sameSite: 'Lax' },
  ]);
  return user;
}
