import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { importFile } from '../../../src/ingest/import-file.ts';
import { createUser } from '../../helpers/accounts.ts';
import { useTestApp } from '../../helpers/app.ts';
import { fixture } from '../../helpers/fixtures.ts';
import { insertLeaderProfile } from '../../helpers/leaders.ts';
import { insertPractice } from '../../helpers/practice.ts';
import { BACKGROUND_WORK_MS } from '../../helpers/background.ts';

/** Public GET routes that are not answers about data: the caller's session, and the API's own documentation. */
const NOT_DATA = [/^\/api\/session$/, /^\/api\/docs/, /^\/api\/map\/schools$/];

describe('every public JSON answer says which data it rests on', () => {
  const t = useTestApp(async (db) => {
    await importFile(db, 'gias', fixture('edubasealldata20250422.csv'));
    await importFile(db, 'ofsted', fixture('ofsted-outcomes.csv'));
    await insertPractice(db, { urn: 100000, state: 'published' });
    const leader = await createUser(db, { name: 'Ada Leader' });
    await insertLeaderProfile(db, leader, { urn: 100000 });
  });

  it('carries `dataset` on every public API route, lists and records alike', async () => {
    const frameworks = (await t.app.inject('/api/readiness/frameworks')).json();
    const params: Record<string, string> = { urn: '100000', id: frameworks.items[0].id, organisationId: '1' };
    // Routes whose records are numbered rather than named.
    const [profile] = await t.db.selectFrom('system_leader_profiles').select('id').execute();
    const [practice] = await t.db.selectFrom('practice_records').select('id').execute();
    const numbered: [RegExp, string][] = [
      [/^\/api\/system-leaders\//, String(profile!.id)],
      [/^\/api\/practice\/:id$/, String(practice!.id)],
      [/^\/api\/peer-review\/frameworks\/:id$/, 'collaborative-review'],
    ];
    const routes = t.app.routeTable.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/') && !NOT_DATA.some((p) => p.test(r.url)),
    );
    const answered: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) =>
        name === 'id'
          ? (numbered.find(([p]) => p.test(route.url))?.[1] ?? params.id!)
          : (params[name] ?? '1'),
      );
      const response = await t.app.inject(url);
      // Private resources refuse an anonymous caller; everything else is public.
      if (response.statusCode === 401) continue;
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
      expect(response.json().dataset, url).toEqual({
        sources: expect.arrayContaining([
          { kind: 'gias', name: 'edubasealldata20250422.csv', asOf: '2025-04-22' },
          { kind: 'ofsted', name: 'ofsted-outcomes.csv', asOf: '2025-11-18' },
        ]),
        synthetic: false,
      });
      answered.push(route.url);
    }
    expect(answered).toEqual(
      expect.arrayContaining([
        '/api/schools',
        '/api/schools/:urn',
        '/api/schools/:urn/partners',
        '/api/allocations',
        '/api/capacity',
        '/api/readiness/frameworks',
        '/api/system-leaders',
        '/api/system-leaders/:id',
        '/api/practice',
        '/api/practice/:id',
        '/api/practice/evidence-levels',
      ]),
    );
  });

  it('documents `dataset` in the OpenAPI description of a public answer', async () => {
    const doc = (await t.app.inject('/api/docs/json')).json();
    const schema = doc.paths['/api/schools'].get.responses['200'].content['application/json'].schema;
    expect(schema.properties.dataset.properties).toHaveProperty('synthetic');
  });

  it('answers with the figures it read while it reads them again, never waiting on the database', async () => {
    // Figures read before the snapshot is built are read again once it is (the data they describe
    // is then in memory); the snapshot built under the lock below would make this test wait on itself.
    await t.app.snapshots.get();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const first = await t.app.datasetInfo();
      vi.setSystemTime(Date.now() + 60_000);
      // The figures' sources cannot be read while this transaction holds the table: an answer
      // that waited for them would wait until the test timed out.
      await t.db.transaction().execute(async (trx) => {
        await sql`lock table imports in access exclusive mode`.execute(trx);
        expect(await t.app.datasetInfo()).toBe(first);
        expect(await t.app.datasetInfo()).toBe(first);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the figures it read while the data stays the same, so answers written on them are kept, and reads new ones once it changes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const first = await t.app.datasetInfo();
      vi.setSystemTime(Date.now() + 60_000);
      expect(await t.app.datasetInfo()).toBe(first);
      await importFile(t.db, 'ofsted-ratings', fixture('ofsted-ratings-20200331.csv'));
      // Past their time the figures already read answer while new ones are read, and a read begun
      // before the import finds the old ones: the new ones come within a read or two.
      await vi.waitFor(
        async () => {
          vi.setSystemTime(Date.now() + 60_000);
          const changed = await t.app.datasetInfo();
          expect(changed.provenance.sources.map((s) => s.kind)).toContain('ofsted-ratings');
        },
        { timeout: BACKGROUND_WORK_MS },
      );
      expect(first.provenance.sources.map((s) => s.kind)).not.toContain('ofsted-ratings');
    } finally {
      vi.useRealTimers();
    }
  });
});
