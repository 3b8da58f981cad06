import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { MemoryMailer } from '../../../../src/mail/mailer.ts';
import { buildApp } from '../../../../src/web/app.ts';
import { SESSION_COOKIE } from '../../../../src/web/plugins/session.ts';
import { createUser } from '../../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import {
  anonymousCsrf,
  comparable,
  postForm,
  setCookie,
  postFormAnonymously,
  signInThroughForm,
} from '../../../helpers/forms.ts';

const PASSWORD = 'correct horse battery';

describe('signing in and out, and resetting a password', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const mailer = new MemoryMailer();

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), db: t.db, mailer });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const signInForm = (email: string, password: string, extra: Record<string, string> = {}) =>
    signInThroughForm(app, email, password, extra);

  it('signs in with the right password and goes where the visitor was heading', async () => {
    await createUser(t.db, { email: 'Head@Oak.example.org', password: PASSWORD });
    const response = await signInForm('head@oak.example.org ', PASSWORD, { next: '/account' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account');
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const account = await app.inject({
      url: '/account',
      headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` },
    });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('head@oak.example.org');
  });

  it('never sends a visitor to another site after signing in', async () => {
    await createUser(t.db, { email: 'next@example.org', password: PASSWORD });
    // Browsers drop tabs and line breaks from a URL, so "/\t/evil.example" would become "//evil.example".
    for (const next of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
    ]) {
      const response = await signInForm('next@example.org', PASSWORD, { next });
      expect(response.headers.location).toBe('/account');
    }
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await createUser(t.db, { email: 'known@example.org', password: PASSWORD });
    const wrong = await signInForm('known@example.org', 'not the password');
    const unknown = await signInForm('nobody@example.org', 'not the password');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Enter a correct email address and password');
      expect(setCookie(response, SESSION_COOKIE)).toBeUndefined();
    }
    expect(comparable(wrong.body)).toBe(comparable(unknown.body));
  });

  it('asks for what is missing', async () => {
    const response = await signInForm('', '');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter your email address');
    expect(response.body).toContain('Enter your password');
  });

  it('limits sign-in attempts for one address from one client', async () => {
    await createUser(t.db, { email: 'guessed@example.org', password: PASSWORD });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await signInForm('guessed@example.org', `guess ${i}`)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    const limited = await signInForm('guessed@example.org', PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many attempts');
    expect(setCookie(limited, SESSION_COOKIE)).toBeUndefined();
  });

  describe('password reset', () => {
    const requestReset = (email: string) => postFormAnonymously(app, '/password-reset', { email });
    const mailTo = (to: string) => mailer.sent.filter((m) => m.to === to);

    it('answers the same whether or not the address has an account, and mails only a real one', async () => {
      await createUser(t.db, { email: 'reset@example.org', password: PASSWORD });
      const known = await requestReset('reset@example.org');
      const unknown = await requestReset('stranger@example.org');
      expect(known.statusCode).toBe(200);
      expect(comparable(known.body, 'reset@example.org')).toBe(
        comparable(unknown.body, 'stranger@example.org'),
      );
      await expect.poll(() => mailTo('reset@example.org').length).toBe(1);
      expect(mailTo('stranger@example.org')).toEqual([]);
    });

    it('changes the password once through the emailed link and ends every session', async () => {
      const user = await createUser(t.db, { email: 'forgetful@example.org', password: PASSWORD });
      const oldSession = setCookie(await signInForm('forgetful@example.org', PASSWORD), SESSION_COOKIE)!;
      await requestReset('forgetful@example.org');
      await expect.poll(() => mailTo('forgetful@example.org').length).toBe(1);
      const link = /http:\/\/localhost:3000(\/password-reset\/[\w-]+)/.exec(
        mailTo('forgetful@example.org')[0]!.text,
      )![1]!;

      const form = await app.inject(link);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('Choose a new password');
      const csrf = await anonymousCsrf(app);
      const mismatch = await postForm(
        app,
        link,
        { _csrf: csrf.csrfToken, password: 'a new long password', confirmPassword: 'something else' },
        { cookie: csrf.cookie },
      );
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.body).toContain('Passwords must match');
      const changed = await postForm(
        app,
        link,
        { _csrf: csrf.csrfToken, password: 'a new long password', confirmPassword: 'a new long password' },
        { cookie: csrf.cookie },
      );
      expect(changed.statusCode).toBe(303);
      expect(changed.headers.location).toBe('/sign-in?reset=1');

      const old = await app.inject({
        url: '/api/session',
        headers: { cookie: `${SESSION_COOKIE}=${oldSession}` },
      });
      expect(old.json().user).toBeNull();
      expect((await signInForm('forgetful@example.org', PASSWORD)).statusCode).toBe(400);
      expect((await signInForm('forgetful@example.org', 'a new long password')).statusCode).toBe(303);
      expect((await app.inject(link)).statusCode).toBe(404);
      const audit = await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('actor_user_id', '=', user.id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['account.password-reset']);
      expect(JSON.stringify(audit)).not.toContain(link.split('/').pop());
    });

    it('refuses a made-up or expired link', async () => {
      expect((await app.inject('/password-reset/not-a-real-token')).statusCode).toBe(404);
      await createUser(t.db, { email: 'late@example.org', password: PASSWORD });
      await requestReset('late@example.org');
      await expect.poll(() => mailTo('late@example.org').length).toBe(1);
      await t.db
        .updateTable('password_resets')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .execute();
      const link = /(\/password-reset\/[\w-]+)/.exec(mailTo('late@example.org')[0]!.text)![1]!;
      const page = await app.inject(link);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('This link has expired');
    });
  });
});
