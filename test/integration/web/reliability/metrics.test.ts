import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const TOKEN = 'a-metrics-token-of-at-least-32-characters';
const PRODUCTION = {
  NODE_ENV: 'production',
  S2S_SESSION_SECRET: 'x'.repeat(40),
  S2S_PUBLIC_URL: 'https://s2s.example.org',
};

/** The value of one series in Prometheus's text format, or undefined if it is absent. */
const series = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

describe('metrics for whoever runs S2S', () => {
  describe('outside production', () => {
    const t = useTestApp(async (db) => insertSchool(db, { urn: 100001, name: 'Birch Primary School' }), {
      fresh: 'file',
    });

    it('counts requests by route and status, with their latency, the pool, the snapshot’s age and the heavy computations', async () => {
      while ((await t.app.inject('/health/ready')).statusCode !== 200)
        await new Promise((r) => setTimeout(r, 100));
      for (const q of ['Birch', 'Oak', 'Ash']) await t.app.inject(`/api/schools?q=${q}`);
      await t.app.inject('/api/schools/999999');
      expect((await t.app.inject('/api/capacity?by=region&radiusKm=12')).statusCode).toBe(200);
      const response = await t.app.inject('/metrics');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/plain; version=0.0.4');
      const text = response.body;
      expect(series(text, 's2s_http_requests_total{method="GET",route="/api/schools",status="200"}')).toBe(3);
      expect(
        series(text, 's2s_http_requests_total{method="GET",route="/api/schools/:urn",status="404"}'),
      ).toBe(1);
      expect(
        series(
          text,
          's2s_http_request_duration_seconds_count{method="GET",route="/api/schools",status="200"}',
        ),
      ).toBe(3);
      expect(
        series(
          text,
          's2s_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/schools",status="200"}',
        ),
      ).toBe(3);
      expect(series(text, 's2s_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
      expect(series(text, 's2s_db_pool_waiting')).toBe(0);
      expect(series(text, 's2s_snapshot_age_seconds')).toBeGreaterThanOrEqual(0);
      expect(series(text, 's2s_process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(series(text, 's2s_compute_queue_depth')).toBe(0);
      expect(series(text, 's2s_compute_running')).toBe(0);
      expect(series(text, 's2s_compute_duration_seconds_count{kind="capacity",outcome="ok"}')).toBe(1);
      // The registry serialised for the worker, held while the worker may need it again.
      expect(series(text, 's2s_compute_state_bytes')).toBeGreaterThan(1_000);
      // Never a school's URN or a search: one series per route, however many schools.
      expect(text).not.toMatch(/route="[^"]*(999999|Birch)/);
    });
  });

  describe('in production without a token', () => {
    const t = useTestApp(async () => {}, { fresh: 'file', env: PRODUCTION });

    it('serves none', async () => {
      expect((await t.app.inject('/metrics')).statusCode).toBe(404);
    });
  });

  describe('with S2S_METRICS_TOKEN', () => {
    const t = useTestApp(async () => {}, { fresh: 'file', env: { ...PRODUCTION, S2S_METRICS_TOKEN: TOKEN } });

    it('serves them to the bearer of the token only', async () => {
      const asked = (authorization?: string) =>
        t.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
      const anonymous = await asked();
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['www-authenticate']).toContain('Bearer');
      expect(anonymous.body).not.toContain('s2s_');
      expect((await asked(`Bearer ${TOKEN}x`)).statusCode).toBe(401);
      expect((await asked(`Basic ${TOKEN}`)).statusCode).toBe(401);
      const scraped = await asked(`Bearer ${TOKEN}`);
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain('s2s_http_requests_total');
    });
  });
});
