import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../../app/context.ts';
import { poolStats } from '../../data/db.ts';

/**
 * `GET /metrics` in Prometheus's text format: requests by route and status with their latency,
 * the database pool, the age of the in-memory snapshot, the heavy computations' queue and
 * durations, and the process (CPU, memory, event-loop
 * delay). With `S2S_METRICS_TOKEN` set it asks for that bearer token; without, production serves
 * none, since they describe the service's load to anyone who asks.
 */
export default fp(
  async (app, { config, db, snapshots, compute }: AppContext) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 's2s_' });
    // By route pattern, not path: one series per page or endpoint however many schools there are.
    const labelNames = ['method', 'route', 'status'] as const;
    const requests = new Counter({
      name: 's2s_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status.',
      labelNames,
      registers: [registry],
    });
    const latency = new Histogram({
      name: 's2s_http_request_duration_seconds',
      help: 'Time from receiving a request to sending its answer, by method, route pattern and status.',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    new Gauge({
      name: 's2s_db_pool_connections',
      help: 'Database connections open, by state (in use or idle).',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const pool = poolStats(db);
        if (!pool) return;
        this.set({ state: 'in-use' }, pool.total - pool.idle);
        this.set({ state: 'idle' }, pool.idle);
      },
    });
    new Gauge({
      name: 's2s_db_pool_waiting',
      help: 'Queries waiting for a database connection.',
      registers: [registry],
      collect() {
        this.set(poolStats(db)?.waiting ?? 0);
      },
    });
    new Gauge({
      name: 's2s_snapshot_age_seconds',
      help: 'Age of the in-memory snapshot of the registry that searches and capacity answer from; absent until first built.',
      registers: [registry],
      collect() {
        const builtAt = snapshots.builtAt();
        if (builtAt === undefined) this.reset();
        else this.set((Date.now() - builtAt) / 1000);
      },
    });

    new Gauge({
      name: 's2s_compute_queue_depth',
      help: 'Heavy computations (capacity, allocation, wide partner searches) waiting for a worker thread.',
      registers: [registry],
      collect() {
        this.set(compute.stats().queued);
      },
    });
    new Gauge({
      name: 's2s_compute_running',
      help: 'Heavy computations a worker thread is working on.',
      registers: [registry],
      collect() {
        this.set(compute.stats().running);
      },
    });
    new Gauge({
      name: 's2s_compute_state_bytes',
      help: 'The registry serialised for the worker threads, held on the thread answering requests; given back once no worker is left.',
      registers: [registry],
      collect() {
        this.set(compute.stats().stateBytes);
      },
    });
    const computeSeconds = new Histogram({
      name: 's2s_compute_duration_seconds',
      help: 'Time a heavy computation took in its worker thread, by kind and outcome.',
      labelNames: ['kind', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    compute.onSettled((kind, seconds, outcome) => computeSeconds.observe({ kind, outcome }, seconds));

    app.addHook('onResponse', (request, reply, done) => {
      const labels = {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      };
      requests.inc(labels);
      latency.observe(labels, reply.elapsedTime / 1000);
      done();
    });

    const token = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : undefined;
    const authorised = (header: string | undefined) => {
      if (!token) return config.env !== 'production';
      const given = Buffer.from(header ?? '');
      return given.length === token.length && timingSafeEqual(given, token);
    };

    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!token && config.env === 'production') return reply.callNotFound();
      if (!authorised(request.headers.authorization)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        return reply.code(401).type('text/plain; charset=utf-8').send('Send the metrics token.\n');
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: 's2s-metrics' },
);
