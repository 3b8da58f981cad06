import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { createDb, type Db } from '../../../../src/data/db.ts';
import { buildApp } from '../../../../src/web/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Each answer names its request, so what a person reports leads to the log lines about it. */
describe('request ids', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  /** The app's own pool, to break it without touching the test's. */
  let own: Db;

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: 100001, name: 'Birch Primary School' });
    own = createDb(t.url);
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), db: own });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('gives every answer an id of its own, whatever the client claims', async () => {
    const first = await app.inject('/api/schools?q=Birch');
    const second = await app.inject({
      url: '/no-such-page',
      headers: { 'x-request-id': 'chosen-by-client' },
    });
    for (const response of [first, second]) expect(String(response.headers['x-request-id'])).toMatch(UUID);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it('shows the id on the page for a fault, to quote to whoever runs S2S', async () => {
    expect((await app.inject('/schools/100001')).statusCode).toBe(200);
    // A fault that is not the database being away: the app's own connection pool gone.
    await own.destroy();
    const response = await app.inject('/schools/100001');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain(String(response.headers['x-request-id']));
    expect(response.body).not.toMatch(/destroyed|Error:|at \//);
  });
});
