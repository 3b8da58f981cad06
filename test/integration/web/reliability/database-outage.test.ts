import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { createDb, type Db } from '../../../../src/data/db.ts';
import { buildApp } from '../../../../src/web/app.ts';
import { signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { cuttableLink, throughLink, type CuttableLink } from '../../../helpers/cuttable-link.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import { postForm } from '../../../helpers/forms.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';

const SEEKER = 200001;
const BEACON = 200002;
/** What no answer may show: the database's address or the driver's error codes. */
const INTERNALS = /127\.0\.0\.1|localhost|ECONN|57P0|5432|postgres:\/\//i;

/**
 * PostgreSQL going away while the service runs (the link to it cut, connections in use and idle
 * alike), then coming back: the service stays up, says plainly that it cannot reach its
 * database, keeps answering what it holds in memory, and recovers by itself.
 */
describe('the database going away and coming back', () => {
  let t: TestDatabase;
  let link: CuttableLink;
  let db: Db;
  let app: FastifyInstance;
  let head: SignedIn;

  const untilReady = async () => {
    for (;;) {
      if ((await app.inject('/health/ready')).statusCode === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertMatchingDataset(t.db);
    link = await cuttableLink(t.url);
    db = createDb(throughLink(t.url, link), { max: 4, onConnectionLost: () => {} });
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), db });
    await untilReady();
    head = await signIn(app, db, { schools: [{ urn: BEACON, role: 'admin' }] });
  });

  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await link?.close();
    await t?.drop();
  });

  it('survives connections dropped in use and idle, and answers 503 without internals', async () => {
    // An acknowledged write before the outage.
    const saved = await postForm(
      app,
      `/schools/${BEACON}/settings`,
      { _csrf: head.csrfToken, capacityToSupport: '3' },
      head.headers,
    );
    expect(saved.statusCode).toBe(303);
    // Public answers seen once, so their dataset line is known.
    expect((await app.inject(`/api/schools/${SEEKER}/partners?strategy=support`)).statusCode).toBe(200);

    // A query in flight when the server goes: its connection errors while checked out of the pool.
    const inFlight = sql`select pg_sleep(5)`.execute(db).then(
      () => 'finished',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await link.cut();
    expect(await inFlight).toBe('failed');

    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks).toContainEqual({
      name: 'database',
      ok: false,
      detail: 'cannot reach the database',
    });
    expect(ready.body).not.toMatch(INTERNALS);
    expect((await app.inject('/health/live')).statusCode).toBe(200);

    const page = await app.inject({ url: '/account', headers: head.headers });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['retry-after']).toBeDefined();
    expect(page.body).toContain('S2S cannot reach its database; try again in a minute.');
    expect(page.body).not.toMatch(INTERNALS);

    const api = await app.inject({ url: '/api/partnerships', headers: head.headers });
    expect(api.statusCode).toBe(503);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toEqual({
      status: 503,
      error: 'Service Unavailable',
      message: 'S2S cannot reach its database; try again in a minute.',
    });

    const form = await postForm(
      app,
      `/schools/${BEACON}/settings`,
      { _csrf: head.csrfToken, capacityToSupport: '4' },
      head.headers,
    );
    expect(form.statusCode).toBe(503);
    expect(form.body).not.toMatch(INTERNALS);
  });

  it('keeps answering partner searches and capacity from memory meanwhile', async () => {
    const partners = await app.inject(`/api/schools/${SEEKER}/partners?strategy=support`);
    expect(partners.statusCode).toBe(200);
    expect(partners.json().candidates.length).toBeGreaterThan(0);
    expect((await app.inject('/api/capacity?by=region')).statusCode).toBe(200);
  });

  it('recovers by itself when the database is back, having lost no acknowledged write', async () => {
    await link.restore();
    await untilReady();
    const page = await app.inject({ url: `/schools/${BEACON}/settings`, headers: head.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="capacityToSupport"[^>]*value="3"/);
    expect((await app.inject({ url: '/api/partnerships', headers: head.headers })).statusCode).toBe(200);
  });
});
