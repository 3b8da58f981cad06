import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { buildApp } from '../../../../src/web/app.ts';
import { SESSION_COOKIE } from '../../../../src/web/plugins/session.ts';
import { createUser } from '../../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import { anonymousCsrf, setCookie } from '../../../helpers/forms.ts';

const PASSWORD = 'correct horse battery';

/**
 * Sign-in limits an attacker cannot step round: a forged X-Forwarded-For changes nothing unless
 * S2S_TRUST_PROXY names the proxy; guesses spread over many addresses meet the account's limit;
 * one password sprayed over many accounts meets the address's limit on failures.
 */
describe('sign-in limits', () => {
  let t: TestDatabase;
  const apps: FastifyInstance[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', ...env }), db: t.db });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await createUser(t.db, { email: 'head@example.org', password: PASSWORD });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t.drop();
  });

  const signIn = async (
    app: FastifyInstance,
    email: string,
    password: string,
    from: { remoteAddress?: string; forwardedFor?: string } = {},
  ) => {
    const csrf = await anonymousCsrf(app);
    return app.inject({
      method: 'POST',
      url: '/sign-in',
      remoteAddress: from.remoteAddress,
      headers: {
        cookie: csrf.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}),
      },
      payload: new URLSearchParams({ _csrf: csrf.csrfToken, email, password }).toString(),
    });
  };

  const statuses = async (attempts: number, attempt: (i: number) => Promise<{ statusCode: number }>) => {
    const seen: number[] = [];
    for (let i = 0; i < attempts; i++) seen.push((await attempt(i)).statusCode);
    return seen;
  };

  it('ignores X-Forwarded-For by default: a forged address per guess is still one client', async () => {
    const app = await start();
    const guesses = await statuses(10, (i) =>
      signIn(app, 'head@example.org', `guess ${i}`, { forwardedFor: `203.0.113.${i}` }),
    );
    expect(guesses.every((status) => status === 400)).toBe(true);
    const limited = await signIn(app, 'head@example.org', PASSWORD, { forwardedFor: '198.51.100.7' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body).toContain('Too many attempts');
    expect(setCookie(limited, SESSION_COOKIE)).toBeUndefined();
  });

  it('believes X-Forwarded-For from the proxies S2S_TRUST_PROXY names, and only from them', async () => {
    const app = await start({ S2S_TRUST_PROXY: '10.0.0.1' });
    const behindProxy = (i: number) => ({ remoteAddress: '10.0.0.1', forwardedFor: `203.0.113.${i}` });
    await statuses(10, () => signIn(app, 'head@example.org', 'a guess', behindProxy(1)));
    expect((await signIn(app, 'head@example.org', 'a guess', behindProxy(1))).statusCode).toBe(429);
    // Another client behind the same proxy has attempts of its own.
    expect((await signIn(app, 'head@example.org', PASSWORD, behindProxy(2))).statusCode).toBe(303);

    // A client that is not the proxy cannot pick its address by saying so.
    await statuses(10, (i) =>
      signIn(app, 'other@example.org', 'a guess', {
        remoteAddress: '192.0.2.9',
        forwardedFor: `203.0.113.${50 + i}`,
      }),
    );
    const forged = await signIn(app, 'other@example.org', 'a guess', {
      remoteAddress: '192.0.2.9',
      forwardedFor: '203.0.113.99',
    });
    expect(forged.statusCode).toBe(429);
  });

  it('limits guesses at one account spread over many addresses', async () => {
    const app = await start();
    const guesses = await statuses(20, (i) =>
      signIn(app, 'head@example.org', `guess ${i}`, { remoteAddress: `203.0.113.${i}` }),
    );
    expect(guesses.every((status) => status === 400)).toBe(true);
    const limited = await signIn(app, 'Head@Example.org', PASSWORD, { remoteAddress: '198.51.100.1' });
    expect(limited.statusCode).toBe(429);
    // Other accounts are not locked with it.
    expect(
      (await signIn(app, 'someone@example.org', 'a guess', { remoteAddress: '198.51.100.1' })).statusCode,
    ).toBe(400);
  });

  it('limits failed sign-ins from one address across many emails, even a right guess after', async () => {
    const app = await start();
    const sprayer = { remoteAddress: '203.0.113.200' };
    const sprayed = await statuses(30, (i) => signIn(app, `teacher${i}@example.org`, 'Summer2026!', sprayer));
    expect(sprayed.every((status) => status === 400)).toBe(true);
    const limited = await signIn(app, 'head@example.org', PASSWORD, sprayer);
    expect(limited.statusCode).toBe(429);
    expect(setCookie(limited, SESSION_COOKIE)).toBeUndefined();
    // Someone else, elsewhere, signs in as usual.
    expect(
      (await signIn(app, 'head@example.org', PASSWORD, { remoteAddress: '198.51.100.2' })).statusCode,
    ).toBe(303);
  });
});
