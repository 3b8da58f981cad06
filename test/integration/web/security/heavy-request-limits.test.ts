import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { buildApp } from '../../../../src/web/app.ts';
import { insertCapacitySchools } from '../../../helpers/capacity-fixture.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';

const LIMIT = '3';

/**
 * The public routes that compute (capacity for any radius, the allocation, partner searches wider
 * than a school's phase looks) are limited per address, so an anonymous client with ever new radii
 * cannot keep the workers busy for everyone; the address is the connection's unless
 * S2S_TRUST_PROXY names the proxy.
 */
describe('the limit on heavy public requests', () => {
  let t: TestDatabase;
  const apps: FastifyInstance[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', S2S_HEAVY_REQUESTS_PER_MINUTE: LIMIT, ...env }),
      db: t.db,
    });
    apps.push(app);
    return app;
  };
  const ask = (
    app: FastifyInstance,
    url: string,
    from: { remoteAddress?: string; forwardedFor?: string } = {},
  ) =>
    app.inject({
      url,
      remoteAddress: from.remoteAddress,
      headers: from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {},
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertCapacitySchools(t.db);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t.drop();
  });

  it('answers 429 with Retry-After once an address has used its requests, across every heavy route', async () => {
    const app = await start();
    const used = [
      await ask(app, '/api/capacity?by=la&radiusKm=11'),
      await ask(app, '/api/allocations'),
      await ask(app, '/capacity?radiusKm=12'),
    ];
    expect(used.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const refused = await ask(app, '/api/schools/200001/partners?radiusKm=40');
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 429, message: expect.stringMatching(/Wait \d+ seconds/) });

    const page = await ask(app, '/allocations');
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Wait');
    const welsh = await ask(app, '/capacity?lang=cy');
    expect(welsh.body).toContain('Arhoswch');

    // Routes that do not compute are not counted against it, and another address has its own.
    expect((await ask(app, '/api/schools?q=Leeds')).statusCode).toBe(200);
    expect((await ask(app, '/health/live')).statusCode).toBe(200);
    expect((await ask(app, '/api/capacity', { remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
  });

  it('counts a partner search only when it is wider than the school’s phase looks, page or API', async () => {
    const app = await start();
    // Leeds High is a secondary school: its phase looks 10 km around it. Five usual searches
    // (each a new question, so none is answered from what the service keeps) and the page.
    const usual = [];
    for (let limit = 1; limit <= 5; limit++)
      usual.push(await ask(app, `/api/schools/200001/partners?limit=${limit}`));
    usual.push(
      await ask(app, '/schools/200001/partners'),
      await ask(app, '/api/schools/200001/partners?radiusKm=10'),
    );
    expect(usual.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200]);

    const wider = [];
    for (const km of [11, 40, 60]) wider.push(await ask(app, `/api/schools/200001/partners?radiusKm=${km}`));
    expect(wider.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const refused = await ask(app, '/schools/200001/partners?radiusKm=41');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.body).toContain('Wait');
    expect((await ask(app, '/api/schools/200001/partners?radiusKm=42')).statusCode).toBe(429);
    expect((await ask(app, '/api/capacity?by=la&radiusKm=13')).statusCode).toBe(429);

    // The address has used its heavy requests, not its usual searches.
    expect((await ask(app, '/api/schools/200001/partners?limit=6')).statusCode).toBe(200);
    expect((await ask(app, '/schools/200001/partners?limit=7')).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For by default: a forged address per request is still one client', async () => {
    const app = await start();
    for (let i = 0; i < 3; i++) await ask(app, '/api/capacity', { forwardedFor: `203.0.113.${i}` });
    expect((await ask(app, '/api/capacity', { forwardedFor: '203.0.113.99' })).statusCode).toBe(429);
  });

  it('counts each client behind a proxy that S2S_TRUST_PROXY names, and only behind it', async () => {
    const app = await start({ S2S_TRUST_PROXY: '10.0.0.1' });
    const behindProxy = (i: number) => ({ remoteAddress: '10.0.0.1', forwardedFor: `203.0.113.${i}` });
    for (let i = 0; i < 3; i++) await ask(app, '/api/capacity', behindProxy(1));
    expect((await ask(app, '/api/capacity', behindProxy(1))).statusCode).toBe(429);
    expect((await ask(app, '/api/capacity', behindProxy(2))).statusCode).toBe(200);

    const notTheProxy = (i: number) => ({ remoteAddress: '192.0.2.9', forwardedFor: `203.0.113.${50 + i}` });
    for (let i = 0; i < 3; i++) await ask(app, '/api/capacity', notTheProxy(i));
    expect((await ask(app, '/api/capacity', notTheProxy(9))).statusCode).toBe(429);
  });
});
