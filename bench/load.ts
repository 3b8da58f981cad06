/**
 * The listening service under an open-loop load: requests sent at evenly spaced times at a fixed
 * rate, whether or not earlier ones have been answered, and each latency measured from the time
 * it was due to be sent, so a stalled server shows as queueing rather than as a slower client
 * (a closed loop, waiting for each answer before the next, hides it). `s2s serve` runs in its
 * own process as an operator runs it (production settings, info logs) over a synthetic dataset
 * imported into an embedded PostgreSQL. Two questions, the targets of issue 12:
 *
 * 1. Does the service stay responsive while clients hammer the heavy endpoints? 20 clients each
 *    send, as soon as the last answer came, a capacity question with a new radius, a reciprocal
 *    partner search up to 100 km or an allocation, while `/health/live` is asked at a fixed rate;
 *    its p50/p95/p99 and the heavy answers by status (429: the computations' queue was full).
 *    The per-address limit is lifted for it (20 clients from one address stand for 20 addresses).
 * 2. Partner search (`GET /api/schools/{urn}/partners`, the usual radius) at each rate, beside
 *    `/health/live` alone (the baseline: the HTTP layer). After each round, how many answers took
 *    over 100 ms and how many of those came over a connection opened for them (a client opens
 *    one when those it keeps are all waiting), and the garbage the service collected meanwhile
 *    (major and minor collections, from its /metrics): a round whose p99 is over 100 ms while
 *    the service's event loop was never held that long is the major collection's marking,
 *    much of it done alongside the requests.
 *
 * The service's worker thread ends after 5 s without a heavy computation (S2S_WORKER_IDLE_SECONDS),
 * so that the resident memory read at the end is the service's without its worker's copy of the
 * registry; it is read 7 s after the last request, then every second for 90 s at rest, the least
 * of those readings printed with when it came.
 *
 * Prints p50/p95/p99, the longest, errors, the service's resident memory and the machine's load
 * average (the machine may be shared: the figures are upper bounds). Asserts nothing about time.
 *
 *   node --import tsx bench/load.ts                                   # 22,000 schools
 *   node --import tsx bench/load.ts --schools 5000 --rates 50,200 --seconds 5 --clients 20
 *   node --import tsx bench/load.ts --cpu-prof DIR    # the service's CPU profiles (a .cpuprofile a thread) in DIR
 */
import http from 'node:http';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import {
  agent,
  get,
  loadAverage as load,
  ms,
  percentile,
  residentMb,
  serveDataset,
  withImportedDataset,
} from './served.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const count = Number(option('--schools')) || 22_000;
const rates = (option('--rates') ?? '100,250,500').split(',').map(Number);
const seconds = Number(option('--seconds')) || 10;
const clients = Number(option('--clients')) || 20;
const cpuProfileDir = option('--cpu-prof');
/** How often `/health/live` is asked while the heavy endpoints are hammered, a second. */
const LIVE_RATE = 50;
/** The service's workers end after this long without a heavy computation (S2S_WORKER_IDLE_SECONDS). */
const WORKER_IDLE_SECONDS = 5;
/**
 * How long after the last request the service's resident memory is watched, at rest: V8's memory
 * reducer gives memory back once allocation has slowed, which took some 40 s at 150,000 schools.
 */
const AT_REST_SECONDS = 90;
/** How long answers still outstanding when sending stops are waited for before counting as errors. */
const DRAIN_MS = 10_000;

/**
 * `clients` closed loops, each sending the next heavy request as soon as the last is answered,
 * for `seconds`; counts the answers by status.
 */
async function hammer(base: URL, heavyUrl: (i: number) => string): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  const until = performance.now() + seconds * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const { status } = await get(base, heavyUrl(sent++));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

const METRICS_TOKEN = 'a bench token for /metrics, thirty-two characters or more';

/** The service's own figures (prom-client's, read off /metrics), by name (with any labels) without the prefix; NaN when unreadable. */
function serviceFigures(base: URL): Promise<(name: string) => number> {
  return new Promise((resolve) => {
    const request = http.get(
      {
        host: base.hostname,
        port: base.port,
        path: '/metrics',
        agent,
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve((name) => {
            // A name with its labels holds braces, which a pattern would read as a quantifier.
            const line = new RegExp(`^s2s_${name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} ([\\d.e+-]+)$`, 'm');
            return Number(line.exec(body)?.[1]);
          }),
        );
      },
    );
    request.on('error', () => resolve(() => NaN));
  });
}

/**
 * How long the service's own event loop was held since the last call (prom-client's figures,
 * reset at each reading of /metrics): what the thread answering requests went through, apart from
 * this process's own delays in sending and reading.
 */
async function eventLoopDelay(base: URL): Promise<string> {
  const seconds = await serviceFigures(base);
  return `the service's event loop delayed p99 ${ms(seconds('nodejs_eventloop_lag_p99_seconds') * 1000)}, longest ${ms(seconds('nodejs_eventloop_lag_max_seconds') * 1000)}`;
}

/**
 * The service's garbage collections since `before` (prom-client's totals, which are never reset):
 * how many major and minor ones, and their pauses in all. A major one marks the whole heap, much
 * of it alongside the requests: a slow round with one is the collector's.
 */
async function collections(
  base: URL,
  before?: Map<string, number>,
): Promise<{ totals: Map<string, number>; text: string }> {
  const figure = await serviceFigures(base);
  const totals = new Map<string, number>();
  for (const kind of ['major', 'minor'])
    for (const part of ['count', 'sum'])
      totals.set(`${kind} ${part}`, figure(`nodejs_gc_duration_seconds_${part}{kind="${kind}"}`));
  const since = (key: string) => totals.get(key)! - (before?.get(key) ?? 0);
  const text = ['major', 'minor']
    .map((kind) => `${since(`${kind} count`)} ${kind} (${ms(since(`${kind} sum`) * 1000)} of pauses)`)
    .join(', ');
  return { totals, text: `the service collected garbage: ${text}` };
}

/**
 * Where the service's resident memory is: the JavaScript heap as reserved by V8 and as in use (what
 * lives and the garbage not yet collected), and memory held outside it (buffers, typed arrays);
 * the rest of the resident memory is code, stacks and the C library's allocations.
 */
async function heapFigures(base: URL): Promise<string> {
  const bytes = await serviceFigures(base);
  const mb = (name: string) => `${(bytes(name) / 2 ** 20).toFixed(0)} MB`;
  return `JavaScript heap ${mb('nodejs_heap_size_total_bytes')} reserved, ${mb('nodejs_heap_size_used_bytes')} in use; outside it ${mb('nodejs_external_memory_bytes')}`;
}

interface Run {
  latencies: number[];
  errors: number;
  /** Requests sent later than due because this process was busy: if many, the figures are the client's. */
  lateSends: number;
  /** The latest of them, milliseconds after it was due. */
  latestSend: number;
  /** The longest this process's own event loop was held meanwhile, in milliseconds. */
  ownDelay: number;
  /** Answers that took over 100 ms, and how many of them came over a new connection. */
  slow: number;
  slowOnNewConnections: number;
}

/** Over this many milliseconds an answer counts as slow: the stall the target rules out. */
const SLOW_MS = 100;

/** Sends `rate` requests a second for `seconds`, the i-th due at start + i/rate. */
async function openLoop(base: URL, urls: string[], rate: number): Promise<Run> {
  const total = Math.round(rate * seconds);
  const run: Run = {
    latencies: [],
    errors: 0,
    lateSends: 0,
    latestSend: 0,
    ownDelay: 0,
    slow: 0,
    slowOnNewConnections: 0,
  };
  // A wait that this process caused (its own collection, or no core for it) counts as latency too:
  // its own delays are printed beside the service's, so that a queue can be told apart.
  const own = monitorEventLoopDelay({ resolution: 5 });
  own.enable();
  const pending = new Set<Promise<void>>();
  const start = performance.now() + 50;
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    // Everything due by now goes out now; latency still counts from when it was due.
    while (sent < total && start + (sent * 1000) / rate <= now) {
      const due = start + (sent * 1000) / rate;
      if (now - due > 5) run.lateSends++;
      run.latestSend = Math.max(run.latestSend, now - due);
      const answer = get(base, urls[sent % urls.length]!).then(({ status, reused }) => {
        const took = performance.now() - due;
        if (status === 200 || status === 422) run.latencies.push(took);
        else run.errors++;
        if (took > SLOW_MS) {
          run.slow++;
          if (!reused) run.slowOnNewConnections++;
        }
        pending.delete(answer);
      });
      pending.add(answer);
      sent++;
    }
    const next = start + (sent * 1000) / rate;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  const drained = await Promise.race([
    Promise.all(pending).then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), DRAIN_MS)),
  ]);
  if (!drained) run.errors += pending.size;
  own.disable();
  run.ownDelay = own.max / 1e6;
  return run;
}

await withImportedDataset('load', count, async (dataset) => {
  const rows = await dataset.db
    .selectFrom('schools')
    .select('urn')
    .where('open', '=', true)
    .where('lat', 'is not', null)
    .orderBy('urn')
    .execute();
  const step = Math.max(1, Math.floor(rows.length / 1000));
  const sampled = rows.filter((_, i) => i % step === 0);
  const partnerUrls = sampled.map((row) => `/api/schools/${row.urn}/partners?strategy=support`);
  // Radii to a tenth of a kilometre: few questions are the same, so few answers come from the cache.
  const radius = (from: number) => (from + Math.random() * (100 - from)).toFixed(1);
  const heavyUrl = (i: number) =>
    i % 3 === 0
      ? `/api/capacity?by=la&radiusKm=${radius(1)}`
      : i % 3 === 1
        ? `/api/schools/${sampled[i % sampled.length]!.urn}/partners?strategy=reciprocal&radiusKm=${radius(30)}`
        : `/api/allocations?limit=10`;

  // Ready once the snapshot is built.
  const service = await serveDataset(
    dataset,
    {
      S2S_HEAVY_REQUESTS_PER_MINUTE: '1000000',
      S2S_METRICS_TOKEN: METRICS_TOKEN,
      S2S_WORKER_IDLE_SECONDS: String(WORKER_IDLE_SECONDS),
    },
    cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(cpuProfileDir)] : [],
  );
  try {
    await measure(service.base, service.child.pid!, service.url, rows.length, partnerUrls, heavyUrl);
  } finally {
    agent.destroy();
    await service.stop();
  }
});

async function measure(
  base: URL,
  pid: number,
  url: string,
  schools: number,
  partnerUrls: string[],
  heavyUrl: (i: number) => string,
): Promise<void> {
  // Each route once, so neither the first answer's build nor JIT is measured.
  for (const url of partnerUrls.slice(0, 200)) await get(base, url);
  for (let i = 0; i < 200; i++) await get(base, '/health/live');

  console.log(
    `${schools.toLocaleString('en-GB')} open schools with a location; s2s serve (pid ${pid}) at ${url}, resident ${residentMb(pid)?.toFixed(0)} MB: ${await heapFigures(base)}; ${load()}`,
  );
  const describe = (name: string, rate: number, run: Run) => {
    const sorted = run.latencies.sort((a, b) => a - b);
    return `  ${String(rate).padStart(4)}/s ${name.padEnd(8)} p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(percentile(sorted, 0.95))}, p99 ${ms(percentile(sorted, 0.99))}, longest ${ms(sorted.at(-1) ?? NaN)}; ${run.errors} errors${run.lateSends ? `, ${run.lateSends} sent late by this process (at most ${ms(run.latestSend)})` : ''}, this process's event loop held at most ${ms(run.ownDelay)}; resident ${residentMb(pid)?.toFixed(0)} MB; ${load()}`;
  };

  console.log(
    `${clients} clients hammering capacity (new radii), reciprocal partner search (30-100 km) and the allocation for ${seconds} s, /health/live asked ${LIVE_RATE} times a second meanwhile:`,
  );
  await eventLoopDelay(base);
  const [live, heavy] = await Promise.all([
    openLoop(base, ['/health/live'], LIVE_RATE),
    hammer(base, heavyUrl),
  ]);
  console.log(`${describe('live', LIVE_RATE, live)}; ${await eventLoopDelay(base)}`);
  console.log(
    `  heavy answers by status: ${[...heavy].map(([status, n]) => `${status === 0 ? 'failed' : status} ×${n}`).join(', ')}`,
  );

  console.log(`open loop, ${seconds} s at each rate, latency from each request's due time:`);
  for (const rate of rates) {
    for (const [name, urls] of [
      ['partners', partnerUrls],
      ['live', ['/health/live']],
    ] as const) {
      await eventLoopDelay(base);
      const before = await collections(base);
      const run = await openLoop(base, [...urls], rate);
      console.log(`${describe(name, rate, run)}; ${await eventLoopDelay(base)}`);
      console.log(
        `         ${run.slow} answers over ${SLOW_MS} ms, ${run.slowOnNewConnections} of them over new connections; ${(await collections(base, before.totals)).text}`,
      );
    }
  }
  // Partner search runs on the thread answering requests: the worker has had nothing to do.
  await new Promise((resolve) => setTimeout(resolve, (WORKER_IDLE_SECONDS + 2) * 1000));
  console.log(
    `resident ${residentMb(pid)?.toFixed(0)} MB with no heavy computation for over ${WORKER_IDLE_SECONDS} s (its worker ended): ${await heapFigures(base)}; ${load()}`,
  );
  // What a service at rest after the same work holds, and how soon it gets there.
  let least = { mb: Infinity, seconds: 0 };
  for (let second = WORKER_IDLE_SECONDS + 2; second < AT_REST_SECONDS; second++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const mb = residentMb(pid) ?? Infinity;
    if (mb < least.mb) least = { mb, seconds: second + 1 };
  }
  console.log(
    `resident at least ${least.mb.toFixed(0)} MB within ${AT_REST_SECONDS} s at rest (${least.seconds} s after the last request), ${residentMb(pid)?.toFixed(0)} MB at the end: ${await heapFigures(base)}; ${load()}`,
  );
}
