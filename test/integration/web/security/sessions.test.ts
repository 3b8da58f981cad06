import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { getSchoolDeclaration } from '../../../../src/data/declarations.ts';
import { createInvitation } from '../../../../src/data/invitations.ts';
import { createSession } from '../../../../src/data/sessions.ts';
import { MemoryMailer } from '../../../../src/mail/mailer.ts';
import { buildApp } from '../../../../src/web/app.ts';
import { SESSION_COOKIE } from '../../../../src/web/plugins/session.ts';
import { createUser } from '../../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import { anonymousCsrf, postForm, setCookie, signInThroughForm } from '../../../helpers/forms.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const PASSWORD = 'correct horse battery';
const URN = 620001;

/** Session fixation and replay: a session cookie is worth something only between sign-in and sign-out. */
describe('sessions cannot be planted or replayed', () => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: URN, name: 'Ashgrove Primary School' });
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), db: t.db, mailer: new MemoryMailer() });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const sessionUser = async (session: string) =>
    (await app.inject({ url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${session}` } })).json()
      .user as { email: string } | null;

  it('issues a new session on sign in, so a planted session cookie is worthless (fixation)', async () => {
    await createUser(t.db, { email: 'fixed@example.org', password: PASSWORD });
    const planted = 'attacker-chosen-session-token';
    const response = await signInThroughForm(
      app,
      'fixed@example.org',
      PASSWORD,
      {},
      `${SESSION_COOKIE}=${planted}`,
    );
    const issued = setCookie(response, SESSION_COOKIE);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect(await sessionUser(planted)).toBeNull();
    expect(await sessionUser(issued!)).toMatchObject({ email: 'fixed@example.org' });
  });

  it('ends a real session planted by an attacker when the victim signs in over it', async () => {
    const attacker = await createUser(t.db, { email: 'attacker@example.org' });
    const planted = await createSession(t.db, attacker.id, new Date());
    await createUser(t.db, { email: 'victim@example.org', password: PASSWORD });
    const response = await signInThroughForm(
      app,
      'victim@example.org',
      PASSWORD,
      {},
      `${SESSION_COOKIE}=${planted}`,
    );
    const issued = setCookie(response, SESSION_COOKIE)!;
    expect(issued).not.toBe(planted);
    // The attacker's cookie no longer opens anything, so it cannot watch what the victim does.
    expect(await sessionUser(planted)).toBeNull();
    expect(await sessionUser(issued)).toMatchObject({ email: 'victim@example.org' });
  });

  it('issues a new session when an invitation is accepted, whatever cookie the browser brought', async () => {
    const admin = await createUser(t.db, { schools: [{ urn: URN, role: 'admin' }] });
    const token = await createInvitation(t.db, {
      email: 'invited@example.org',
      target: { urn: URN, schoolRole: 'member' },
      invitedBy: admin,
      now: new Date(),
      validMs: 60 * 60 * 1000,
    });
    const planted = 'attacker-chosen-session-token';
    const csrf = await anonymousCsrf(app);
    const response = await postForm(
      app,
      `/invitations/${token}`,
      { _csrf: csrf.csrfToken, name: 'Ivy Invited', password: PASSWORD, confirmPassword: PASSWORD },
      { cookie: `${csrf.cookie}; ${SESSION_COOKIE}=${planted}` },
    );
    expect(response.statusCode).toBe(303);
    const issued = setCookie(response, SESSION_COOKIE)!;
    expect(issued).not.toBe(planted);
    expect(await sessionUser(issued)).toMatchObject({ email: 'invited@example.org' });
  });

  it('ends the old session when someone signs in again in the same browser', async () => {
    await createUser(t.db, { email: 'twice@example.org', password: PASSWORD });
    const first = setCookie(await signInThroughForm(app, 'twice@example.org', PASSWORD), SESSION_COOKIE)!;
    const second = setCookie(
      await signInThroughForm(app, 'twice@example.org', PASSWORD, {}, `${SESSION_COOKIE}=${first}`),
      SESSION_COOKIE,
    );
    expect(second).not.toBe(first);
    expect(await sessionUser(first)).toBeNull();
  });

  it('signs out: a replayed cookie, with its CSRF token, reads and changes nothing', async () => {
    await createUser(t.db, { email: 'out@example.org', password: PASSWORD, schools: [{ urn: URN }] });
    const session = setCookie(await signInThroughForm(app, 'out@example.org', PASSWORD), SESSION_COOKIE)!;
    const me = await app.inject({ url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${session}` } });
    const cookie = `${SESSION_COOKIE}=${session}; s2s-csrf=${setCookie(me, 's2s-csrf')!}`;
    const csrfToken = (me.json() as { csrfToken: string }).csrfToken;
    const confirm = await app.inject({ url: '/sign-out', headers: { cookie } });
    expect(confirm.body).toContain('You are signed in as out@example.org');
    const out = await postForm(app, '/sign-out', { _csrf: csrfToken }, { cookie });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/sign-in?signedOut=1');

    const page = await app.inject({ url: '/account', headers: { cookie } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in?next=%2Faccount');
    expect((await app.inject({ url: '/api/partnerships', headers: { cookie } })).statusCode).toBe(401);
    expect(await sessionUser(session)).toBeNull();
    const change = await postForm(
      app,
      `/schools/${URN}/settings`,
      { _csrf: csrfToken, capacityToSupport: '3' },
      { cookie },
    );
    expect(change.statusCode).toBe(303);
    expect(change.headers.location).toBe('/sign-in');
    expect(await getSchoolDeclaration(t.db, URN)).toBeUndefined();
  });
});
