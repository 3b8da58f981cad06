import { describe, expect, it } from 'vitest';
import { runTask, type ComputeTask } from '../../../../src/app/compute/tasks.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertCapacitySchools } from '../../../helpers/capacity-fixture.ts';

/** Resolves once `check` holds, looking every few milliseconds. */
async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

/**
 * Heavy computations (capacity for a radius, the national allocation, wide partner searches) run
 * in worker threads with a bounded queue: the thread answering requests stays free, and a full
 * queue is answered at once as busy rather than left to grow.
 */
describe('heavy computation off the request thread', () => {
  describe('with the default pool', () => {
    const t = useTestApp(insertCapacitySchools, { fresh: 'test' });

    it('answers capacity for a radius with the figures the domain gives on the service thread', async () => {
      const response = await t.app.inject('/api/capacity?by=la&phase=secondary&radiusKm=17');
      expect(response.statusCode, response.body).toBe(200);
      const task: ComputeTask = {
        kind: 'capacity',
        profile: undefined,
        by: 'la',
        phase: 'secondary',
        radiusKm: 17,
      };
      const expected = runTask(await t.app.snapshots.get(), task);
      expect(expected.total.inNeed).toBeGreaterThan(0);
      const { total, items } = response.json<{ total: object; items: object[] }>();
      const leaders = { systemLeaders: 0, systemLeaderDaysAvailable: 0 };
      expect(total).toEqual({ ...expected.total, ...leaders });
      expect(items).toEqual(expected.areas.map((area) => ({ ...area, ...leaders })));
    });

    it('answers the national allocation from a worker as the domain gives it on the service thread', async () => {
      const response = await t.app.inject('/api/allocations?limit=1000');
      expect(response.statusCode, response.body).toBe(200);
      const expected = runTask(await t.app.snapshots.get(), { kind: 'allocation', profile: undefined });
      expect(expected.assignments.length).toBeGreaterThan(0);
      const answer = response.json<{ summary: object; items: object[]; unsupported: object[] }>();
      expect(answer.summary).toEqual(expected.summary);
      expect(answer.items).toEqual(
        expected.assignments.map((a) => expect.objectContaining(JSON.parse(JSON.stringify(a)))),
      );
      // The API answers in English text alone; the phrase a page writes in the reader's language stays behind.
      expect(answer.unsupported).toEqual(
        expected.unsupported.map(({ words: _words, ...u }) => expect.objectContaining(u)),
      );
      expect(t.app.compute.stats().started).toBe(1);
    });

    it('searches wider than the phase’s radius in a worker, with the answer the service thread gives', async () => {
      const snapshot = await t.app.snapshots.get();
      const started = t.app.compute.stats().started;
      const nearby = await t.app.inject('/api/schools/200003/partners?strategy=support');
      expect(nearby.statusCode).toBe(200);
      // The usual radius answers on the spot.
      expect(t.app.compute.stats().started).toBe(started);
      const wide = await t.app.inject('/api/schools/200003/partners?strategy=support&radiusKm=100&limit=50');
      expect(wide.statusCode, wide.body).toBe(200);
      expect(t.app.compute.stats().started).toBe(started + 1);
      const expected = runTask(snapshot, {
        kind: 'partners',
        profile: undefined,
        urn: 200003,
        query: { strategy: 'support', radiusKm: 100, limit: 50, excludePartnered: false },
      });
      if (!expected.ok) throw new Error('the search should find the school');
      expect(expected.candidates.length).toBeGreaterThan(1);
      const { candidates, radiusKm } = wide.json<{ candidates: object[]; radiusKm: number }>();
      expect(radiusKm).toBe(100);
      expect(candidates).toEqual(
        expected.candidates.map(({ urn, score, distanceKm, remote, reasons }) =>
          expect.objectContaining({ urn, score, distanceKm, remote, reasons }),
        ),
      );
    });

    it('answers /health/live while a capacity computation is still under way', async () => {
      await t.app.snapshots.get();
      let computed = false;
      const heavy = t.app.inject('/api/capacity?by=constituency&radiusKm=23').then((response) => {
        computed = true;
        return response;
      });
      await until(() => t.app.compute.stats().running === 1);
      const live = await t.app.inject('/health/live');
      expect(live.statusCode).toBe(200);
      // On the request thread the computation would have had to finish first.
      expect(computed).toBe(false);
      expect((await heavy).statusCode).toBe(200);
    });
  });

  describe('with a full queue', () => {
    const t = useTestApp(insertCapacitySchools, {
      fresh: 'test',
      env: { S2S_WORKERS: '1', S2S_COMPUTE_QUEUE: '0' },
    });

    /**
     * Asks the questions at once: one takes the only worker and the others arrive while it
     * computes (a worker thread answers no sooner than a request reaches the queue).
     */
    const atOnce = (urls: string[]) => Promise.all(urls.map((url) => t.app.inject(url)));

    it('answers the API 429 with Retry-After and a problem, at once', async () => {
      await t.app.snapshots.get();
      const radii = [31, 32, 33, 34];
      const answers = await atOnce(radii.map((r) => `/api/capacity?by=la&radiusKm=${r}`));
      const refused = answers.filter((a) => a.statusCode === 429);
      expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
      expect(refused).toHaveLength(3);
      for (const answer of refused) {
        expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
        expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(answer.json()).toMatchObject({
          status: 429,
          error: 'Too Many Requests',
          message: expect.stringMatching(/busy/),
        });
      }
      // A refusal is not kept: once the worker is free the same question is answered.
      const again = radii[answers.findIndex((a) => a.statusCode === 429)];
      expect((await t.app.inject(`/api/capacity?by=la&radiusKm=${again}`)).statusCode).toBe(200);
    });

    it('shows people a busy page, in English and in Welsh', async () => {
      await t.app.snapshots.get();
      const answers = await atOnce([
        '/capacity?by=la&radiusKm=35',
        '/capacity?by=la&radiusKm=36',
        '/capacity?by=la&radiusKm=37&lang=cy',
        '/capacity?by=la&radiusKm=38&lang=cy',
      ]);
      expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
      const english = answers.slice(0, 2).find((a) => a.statusCode === 429)!;
      const welsh = answers.slice(2).find((a) => a.statusCode === 429)!;
      expect(english.headers['retry-after']).toBeDefined();
      expect(english.headers['content-type']).toMatch(/^text\/html/);
      expect(english.body).toContain('S2S is busy, try again in a minute.');
      expect(english.body).toContain('govuk-heading-l');
      expect(welsh.body).toContain('Mae S2S yn brysur, rhowch gynnig arall arni ymhen munud.');
      expect(welsh.body).toContain('lang="cy"');
    });

    it('shares a computation already under way rather than refusing the same question', async () => {
      await t.app.snapshots.get();
      const answers = await atOnce(Array.from({ length: 4 }, () => '/api/capacity?by=region&radiusKm=39'));
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
      expect(t.app.compute.stats().started).toBe(1);
    });
  });
});
