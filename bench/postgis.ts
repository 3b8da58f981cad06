/**
 * S2S against PostGIS on the same schools, the question of partner search: for a school in need,
 * the high-performing schools of a compatible phase within its radius. PostGIS answers it with
 * `ST_DWithin` on a geography column with a GiST index (on a sphere, as S2S measures). In one run,
 * so the machine's load is the same for both sides:
 *
 * 1. The engines alone, for every school in need: S2S's in-memory radius search against the
 *    time PostgreSQL itself spends executing the query (EXPLAIN ANALYZE's execution time, no
 *    client, no network, no planning), and every school in need at once against one query.
 *    The answers are checked to be the same for every school.
 * 2. What the API does besides HTTP, in process: the search ranked, scored and explained, its
 *    answer built and serialised; and the same without reasons (`explain=false`).
 * 3. Through the network, the way a client asks: `GET /api/schools/{urn}/partners` of `s2s serve`
 *    (its own process, production settings, info logs, keep-alive connection over loopback)
 *    against a PostgreSQL client's round trip for the same school (a prepared query, one
 *    connection), with three floors: `GET /health/live` (the service's HTTP with no work behind
 *    it), Fastify with one route and nothing else (the framework alone) and a bare Node HTTP
 *    server (Node and the machine alone), each in a process of its own, the five taken in turn
 *    school by school, once to warm up (the API asked under another profile,
 *    whose words are its own) and once measured; p50 and p95 of each, the API's and PostGIS's
 *    also as multiples of `/health/live`'s in the same run (which the machine's hour moves less
 *    than it moves times, so runs an hour apart compare), the CPU each server
 *    process spent an answer (the service's, and PostgreSQL's backend's), which the machine's
 *    load changes less than it changes wall-clock time, this client's own CPU and the bytes of
 *    each answer. The API's answer is checked to be the one the engine gives, its candidates
 *    within the radius among those PostGIS finds. The API does more with them (ranks, explains,
 *    about 5 KB against PostGIS's few URNs): the comparison favours PostGIS. Then all of it again
 *    with `explain=false` (the candidates ranked and scored, without reasons: the answer nearest
 *    PostGIS's), against a service of its own whose words no request has written.
 * 4. Asked again: the last schools asked, as many as the service keeps answers for, asked once
 *    more of each side in turn (the service answers from what it kept, PostGIS queries again).
 *
 *   BENCH_POSTGIS_URL=postgres://postgres@127.0.0.1:5432/bench_postgis node --import tsx bench/postgis.ts
 *   --schools N   (default 22,000)
 *
 * The schools are generated (seed 1) and imported into an embedded PostgreSQL for the service, as
 * bench/load.ts does. The PostGIS database is the bench's own: it writes a table
 * `bench_postgis_schools` there and drops it at the end. Without BENCH_POSTGIS_URL, or without
 * PostGIS, it says it skipped and why.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createSnapshotStore } from '../src/data/snapshot.ts';
import { INSPECTION_ONLY_PROFILE } from '../src/domain/classification/profiles/index.ts';
import { searchPartners, type Snapshot } from '../src/domain/snapshot.ts';
import { Hits } from '../src/domain/spatial-index.ts';
import type { Compute } from '../src/app/compute/compute.ts';
import { partnersAnswerSchema, type PartnersAnswer } from '../src/app/matching/answers.ts';
import { partnersFor } from '../src/app/matching/partners.ts';
import { partnersQuery } from '../src/app/matching/query.ts';
import type { SnapshotStore } from '../src/data/snapshot.ts';
import { PARTNER_ANSWERS_KEPT } from '../src/web/matching/api.ts';
import { compiledSerializerCompiler } from '../src/web/http/compiled-serializer.ts';
import { withDatasetSchema } from '../src/web/http/dataset.ts';
import { cpuMsOf, get, loadAverage, ms, percentile, serveDataset, withImportedDataset } from './served.ts';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--schools') + 1] ?? '') || 22_000;
const TABLE = 'bench_postgis_schools';

async function main(): Promise<void> {
  const url = process.env.BENCH_POSTGIS_URL;
  if (!url) {
    console.log(
      "bench/postgis.ts skipped: BENCH_POSTGIS_URL is not set (a database of its own on a PostgreSQL server with PostGIS, e.g. Debian's postgresql-15-postgis-3)",
    );
    return;
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('create extension if not exists postgis');
  } catch (error) {
    console.log(`bench/postgis.ts skipped: ${error instanceof Error ? error.message : String(error)}`);
    await client.end().catch(() => undefined);
    return;
  }
  try {
    await withImportedDataset('postgis', count, async (dataset) => {
      const snapshot = await createSnapshotStore(dataset.db).get();
      await loadTable(client, snapshot);
      await compareEngines(client, snapshot);
      await answerInProcess(snapshot);
      // Explained, then unexplained in a service of its own, so that each asks first about
      // schools whose words no one has written.
      for (const explain of [true, false]) {
        const service = await serveDataset(dataset, { S2S_HEAVY_REQUESTS_PER_MINUTE: '1000000' });
        try {
          await compareThroughNetwork(client, snapshot, service, explain);
        } finally {
          await service.stop();
        }
      }
    });
  } finally {
    await client.query(`drop table if exists ${TABLE}`);
    await client.end();
  }
}

type Located = Snapshot['schools'][number] & {
  location: NonNullable<Snapshot['schools'][number]['location']>;
};

const inNeedOf = (snapshot: Snapshot): Located[] => {
  const view = snapshot.view()!;
  return snapshot.schools.filter(
    (s): s is Located => s.location !== null && view.groups.get(s.urn) === 'in-need',
  );
};

async function loadTable(client: pg.Client, snapshot: Snapshot): Promise<void> {
  const view = snapshot.view()!;
  const located = snapshot.schools.filter((s) => s.location);
  const version = (await client.query<{ v: string }>('select postgis_lib_version() as v')).rows[0]!.v;
  console.log(
    `${located.length.toLocaleString('en-GB')} open schools with a location (generated, seed 1), PostGIS ${version}, ${process.platform} ${process.arch}, ${loadAverage()}`,
  );
  await client.query(`drop table if exists ${TABLE}`);
  await client.query(
    `create table ${TABLE} (urn integer primary key, phase text not null, grp text not null, geog geography(Point, 4326) not null)`,
  );
  await client.query(
    `insert into ${TABLE} select u, p, g, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography
       from unnest($1::int[], $2::text[], $3::text[], $4::float8[], $5::float8[]) as t(u, p, g, lon, lat)`,
    [
      located.map((s) => s.urn),
      located.map((s) => s.phase),
      located.map((s) => view.groups.get(s.urn)!),
      located.map((s) => s.location!.lon),
      located.map((s) => s.location!.lat),
    ],
  );
  await client.query(`create index on ${TABLE} using gist (geog)`);
  await client.query(`analyze ${TABLE}`);
}

/** PostGIS's answer for one school, on a sphere (use_spheroid false) as S2S measures great-circle distance. */
const WITHIN = `select urn from ${TABLE} where grp = 'high-performing' and phase = any($1)
  and ST_DWithin(geog, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4, false) order by urn`;

const questionOf = (snapshot: Snapshot, s: Located) => ({
  phases: snapshot.settings.compatiblePhases[s.phase],
  metres: snapshot.settings.radiusKm[s.phase] * 1000,
});

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((urn, i) => urn === b[i]);
// Within 5% either way is as fast: "1.0× faster" claimed a lead the figures do not show.
const than = (ratio: number) =>
  Math.abs(ratio - 1) < 0.05
    ? `S2S as fast (${ratio.toFixed(2)}×)`
    : ratio > 1
      ? `S2S ${ratio.toFixed(1)}× faster`
      : `S2S ${(1 / ratio).toFixed(1)}× slower`;
const us = (milliseconds: number) => `${(milliseconds * 1000).toFixed(milliseconds < 0.01 ? 1 : 0)} µs`;

async function compareEngines(client: pg.Client, snapshot: Snapshot): Promise<void> {
  const view = snapshot.view()!;
  const inNeed = inNeedOf(snapshot);
  // S2S: the partitions of high-performing schools of each compatible phase, searched in memory.
  const hits = new Hits();
  const s2s = (s: Located) => {
    const found: number[] = [];
    const { phases, metres } = questionOf(snapshot, s);
    for (const phase of phases) {
      const partition = view.pool.partition(phase, 'high-performing');
      const n = partition.collectWithin(s.location, metres / 1000, hits);
      for (let i = 0; i < n; i++) found.push(partition.itemAt(hits.place[i]!).school.urn);
    }
    return found.sort((a, b) => a - b);
  };
  // The best of three passes: the first also builds the partitions (once per snapshot, as a
  // service does) and compiles the search. CPU time beside wall-clock: on a busy machine a long
  // loop is interrupted more often than a query of a tenth of a millisecond.
  let ours: number[][] = [];
  let oursMs = Infinity;
  let oursCpuMs = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    ours = inNeed.map(s2s);
    const { user, system } = process.cpuUsage(cpu);
    oursMs = Math.min(oursMs, performance.now() - start);
    oursCpuMs = Math.min(oursCpuMs, (user + system) / 1000);
  }

  // PostgreSQL's own time for each school: the query with the school's values written in, under
  // EXPLAIN ANALYZE (timing of each plan node off, which would slow it), its execution time.
  const literal = (s: Located) => {
    const { phases, metres } = questionOf(snapshot, s);
    return WITHIN.replace('$1', `array[${phases.map((p) => client.escapeLiteral(p)).join(',')}]`)
      .replace('$2', String(s.location.lon))
      .replace('$3', String(s.location.lat))
      .replace('$4', String(metres));
  };
  const executionMs: number[] = [];
  for (const s of inNeed) {
    const { rows } = await client.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
      `explain (analyze, timing off, format json) ${literal(s)}`,
    );
    executionMs.push(rows[0]!['QUERY PLAN'][0]['Execution Time']);
  }
  // The backend's CPU over a pass of the prepared query, school by school: its own work for
  // each, with the protocol's but no planning after the first few.
  const backendPid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const backendBefore = cpuMsOf(backendPid);
  const theirsOne: number[][] = [];
  for (const s of inNeed) {
    const { phases, metres } = questionOf(snapshot, s);
    const { rows } = await client.query<{ urn: number }>({
      name: 'within',
      text: WITHIN,
      values: [phases, s.location.lon, s.location.lat, metres],
    });
    theirsOne.push(rows.map((r) => r.urn));
  }
  const backendCpuMs = cpuMsOf(backendPid) - backendBefore;

  const start = performance.now();
  const { rows: all } = await client.query<{ urn: number; found: number[] | null }>(
    `select n.urn, (select array_agg(c.urn order by c.urn) from ${TABLE} c
        where c.grp = 'high-performing' and c.phase = any(n.phases)
          and ST_DWithin(c.geog, ST_SetSRID(ST_MakePoint(n.lon, n.lat), 4326)::geography, n.metres, false)) as found
       from unnest($1::int[], $2::text[], $3::float8[], $4::float8[], $5::float8[])
         as t(urn, phases, lon, lat, metres),
       lateral (select t.urn, string_to_array(t.phases, ',') as phases, t.lon, t.lat, t.metres) n`,
    [
      inNeed.map((s) => s.urn),
      inNeed.map((s) => questionOf(snapshot, s).phases.join(',')),
      inNeed.map((s) => s.location.lon),
      inNeed.map((s) => s.location.lat),
      inNeed.map((s) => questionOf(snapshot, s).metres),
    ],
  );
  const allMs = performance.now() - start;
  const theirsAll = new Map(all.map((r) => [r.urn, r.found ?? []]));

  const differ = inNeed.filter(
    (s, i) => !same(ours[i]!, theirsOne[i]!) || !same(ours[i]!, theirsAll.get(s.urn)!),
  );
  const found = ours.reduce((n, list) => n + list.length, 0);
  const executed = executionMs.reduce((sum, t) => sum + t, 0);
  const sorted = executionMs.sort((a, b) => a - b);
  console.log(
    `answers               ${differ.length === 0 ? 'the same' : `DIFFERENT for ${differ.length} (first: URN ${differ[0]!.urn})`} for all ${inNeed.length.toLocaleString('en-GB')} schools in need (${found.toLocaleString('en-GB')} supporters within their radius in all)`,
  );
  const n = inNeed.length;
  console.log(
    `engines, per school   S2S ${us(oursCpuMs / n)} of CPU (${us(oursMs / n)} wall-clock) in memory; PostgreSQL ${us(backendCpuMs / n)} of its backend's CPU a prepared query (clock ticks of 10 ms over ${n.toLocaleString('en-GB')}), executing it ${us(executed / n)} (EXPLAIN ANALYZE; median ${us(percentile(sorted, 0.5))}, p95 ${us(percentile(sorted, 0.95))}): by CPU ${than(backendCpuMs / oursCpuMs)}, by execution time against S2S's wall-clock ${than(executed / oursMs)}`,
  );
  console.log(
    `every school in need  S2S ${ms(oursMs)}, PostGIS ${ms(allMs)} in one query (round trip): ${than(allMs / oursMs)}; ${loadAverage()}`,
  );
  if (differ.length > 0) process.exitCode = 1;
}

/**
 * What the API does for one school besides the HTTP round trip, in this process: partner search
 * (the radius search, then ranking, scoring and the reasons written) and its answer built and
 * serialised as the route writes it. After a pass under another profile (see WARM_UP_PROFILE), the
 * first pass writes each school's words, as the service does on the first request about it; the
 * best of three later passes has them written. Unexplained (`explain=false`) first, on a snapshot
 * whose words no pass has written yet.
 */
async function answerInProcess(snapshot: Snapshot): Promise<void> {
  const inNeed = inNeedOf(snapshot);
  const ctx = {
    snapshots: { get: async () => snapshot, withView: async () => snapshot } as unknown as SnapshotStore,
    compute: undefined as unknown as Compute,
    now: () => new Date(),
  };
  const serialise = compiledSerializerCompiler({ schema: withDatasetSchema(partnersAnswerSchema) });
  const dataset = { sources: [], synthetic: true };
  const passes = async (explain: boolean) => {
    const pass = async (profile?: string) => {
      const query = partnersQuery.parse({ strategy: 'support', explain: String(explain), profile });
      const cpu = process.cpuUsage();
      for (const s of inNeed) {
        const answer = await partnersFor(ctx, s.urn, query);
        if (answer.ok) serialise({ ...answer.value, dataset });
      }
      const { user, system } = process.cpuUsage(cpu);
      return (user + system) / 1000 / inNeed.length;
    };
    await pass(WARM_UP_PROFILE);
    const first = await pass();
    return { first, best: Math.min(await pass(), await pass(), await pass()) };
  };
  const unexplained = await passes(false);
  const explained = await passes(true);
  console.log(
    `the API's work in process  partner search ranked, scored, explained and serialised: ${us(explained.first)} of CPU a school on the first pass (each school's words written), ${us(explained.best)} once written (best of 3); unexplained (explain=false): ${us(unexplained.first)} on the first pass, ${us(unexplained.best)} after (best of 3); ${loadAverage()}`,
  );
}

/** One request's wall-clock time, the bench's own CPU for it and the bytes of its answer on the wire. */
interface Asked {
  took: number;
  clientCpu: number;
  bytes: number;
  /** For an API answer, the CPU the service's process spent meanwhile. */
  serviceCpu?: number;
}

/** Times `ask`, with this process's CPU meanwhile (the client's side of the round trip). */
async function timed<T extends { bytes: number }>(ask: () => Promise<T>): Promise<T & Asked> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const answer = await ask();
  const took = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  return { ...answer, took, clientCpu: (user + system) / 1000 };
}

/** A server in a process of its own, answering `{"status":"ok"}` at `/`; `script` prints its port. */
async function floorServer(script: string): Promise<{ base: URL; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [port] = (await once(child.stdout!, 'data')) as [Buffer];
  return { base: new URL(`http://127.0.0.1:${port.toString().trim()}`), stop: () => child.kill() };
}

/**
 * Node's own HTTP with nothing behind it: `http.createServer`. Beside `/health/live`, it shows how
 * much of the service's floor is Node and the machine (two processes woken in turn over loopback)
 * and how much is the service's own.
 */
const bareNodeServer = () =>
  floorServer(
    `require('node:http').createServer((q, r) => { r.setHeader('content-type', 'application/json'); r.end('{"status":"ok"}'); })
      .listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
  );

/**
 * Fastify, the service's framework, with one route and nothing else (no logger, no hooks): how
 * much of the service's floor is the framework's, and how much its own plugins'.
 */
const bareFastifyServer = () =>
  floorServer(
    `const app = require('fastify')(); app.get('/', async () => ({ status: 'ok' }));
      app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log(app.server.address().port));`,
  );

/**
 * What the API is warmed up with: the same questions under another profile. Each profile writes
 * its own schools' words, so those of the schools measured stay unwritten, while the service's
 * code is compiled as it is after its first few thousand answers (V8 optimised about 500 of its
 * functions over the first 5,000, on the other core, taking half of every answer's time with it).
 */
const WARM_UP_PROFILE = INSPECTION_ONLY_PROFILE.name;

type Side = 'api' | 'postgis' | 'floor' | 'fastify' | 'node';

/**
 * Each school asked of every side in turn, each side first for every fourth school, so none
 * always finds the caches warm or the other process just woken.
 */
async function inTurn(
  schools: readonly Located[],
  ask: Record<Side, (s: Located) => Promise<Asked>>,
): Promise<Record<Side, Asked[]>> {
  const sides = Object.keys(ask) as Side[];
  const asked = Object.fromEntries(sides.map((side) => [side, [] as Asked[]])) as Record<Side, Asked[]>;
  for (const [i, s] of schools.entries()) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(i + k) % sides.length]!;
      asked[side].push(await ask[side](s));
    }
  }
  return asked;
}

const timesOf = (side: readonly Asked[]) => side.map((a) => a.took).sort((a, b) => a - b);

/** p50 and p95 of the API against PostGIS, beside the three floors. */
function printPercentiles(asked: Record<Side, Asked[]>, explain: boolean): void {
  const [api, postgis, floor, fastify, node] = [
    asked.api,
    asked.postgis,
    asked.floor,
    asked.fastify,
    asked.node,
  ].map(timesOf);
  for (const p of [0.5, 0.95]) {
    const [ours, theirs, service] = [percentile(api!, p), percentile(postgis!, p), percentile(floor!, p)];
    // Over the service's floor, in the same run: a measure the machine's hour moves less than times.
    const over = (t: number) => (t / service).toFixed(2);
    console.log(
      `  p${Math.round(p * 100)}  GET /api/schools/{urn}/partners${explain ? '' : '?explain=false'} ${ms(ours)}, PostGIS client round trip ${ms(theirs)}: ${than(theirs / ours)}; the floors: the service's GET /health/live ${ms(service)}, bare Fastify ${ms(percentile(fastify!, p))}, Node's bare HTTP server ${ms(percentile(node!, p))}; over /health/live's, the API ${over(ours)}, PostGIS ${over(theirs)}`,
    );
  }
}

async function compareThroughNetwork(
  client: pg.Client,
  snapshot: Snapshot,
  service: { base: URL; child: { pid?: number } },
  explain: boolean,
): Promise<void> {
  const { base } = service;
  const servicePid = service.child.pid!;
  const inNeed = inNeedOf(snapshot);
  const backendPid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const socket = client.connection.stream as Socket;
  const bare = await bareNodeServer();
  const fastify = await bareFastifyServer();
  const answers = new Map<number, PartnersAnswer>();
  const api = async (s: Located, profile?: string): Promise<Asked> => {
    const url = `/api/schools/${s.urn}/partners?strategy=support${explain ? '' : '&explain=false'}${profile ? `&profile=${profile}` : ''}`;
    const serviceBefore = cpuMsOf(servicePid);
    const asked = await timed(() => get(base, url));
    const serviceCpu = cpuMsOf(servicePid) - serviceBefore;
    if (asked.status !== 200) throw new Error(`${url}: ${asked.status} ${asked.body}`);
    answers.set(s.urn, JSON.parse(asked.body) as PartnersAnswer);
    return { ...asked, serviceCpu };
  };
  const serviceCpuOf = (asked: Record<Side, Asked[]>) => asked.api.reduce((sum, a) => sum + a.serviceCpu!, 0);
  const found = new Map<number, number[]>();
  const postgis = (s: Located) => {
    const { phases, metres } = questionOf(snapshot, s);
    return timed(async () => {
      const before = socket.bytesRead;
      const { rows } = await client.query<{ urn: number }>({
        name: 'within',
        text: WITHIN,
        values: [phases, s.location.lon, s.location.lat, metres],
      });
      found.set(
        s.urn,
        rows.map((r) => r.urn),
      );
      return { bytes: socket.bytesRead - before };
    });
  };
  const sides = {
    api,
    postgis,
    // The floor: the service's HTTP round trip with no work behind it (the client, Node's HTTP on
    // both ends, Fastify's hooks and the kernel), asked over the same connection pool.
    floor: () => timed(() => get(base, '/health/live')),
    fastify: () => timed(() => get(fastify.base, '/')),
    node: () => timed(() => get(bare.base, '/')),
  };
  try {
    await inTurn(inNeed, { ...sides, api: (s) => api(s, WARM_UP_PROFILE) });

    const asked = await inTurn(inNeed, sides);
    const n = inNeed.length;
    // The same answer: the API's is the engine's, and what it found within the radius PostGIS found.
    const wrong = inNeed.filter((s) => {
      const engine = searchPartners(snapshot, s.urn, { strategy: 'support', explain: false });
      const answered = answers.get(s.urn)!.candidates;
      const within = new Set(found.get(s.urn));
      return (
        !engine.ok ||
        !same(
          answered.map((c) => c.urn),
          engine.candidates.map((c) => c.urn),
        ) ||
        answered.some((c) => !c.remote && !within.has(c.urn))
      );
    });
    // Asked again: the service keeps its latest answers (a page reloaded, a client asking twice),
    // where PostGIS runs its query again. The last schools asked, as many as it keeps.
    const again = inNeed.slice(-PARTNER_ANSWERS_KEPT);
    const twice = await inTurn(again, sides);

    // PostgreSQL's backend CPU, read once around a pass of its own (its process is the server's).
    const backendBefore = cpuMsOf(backendPid);
    for (const s of inNeed) await postgis(s);
    const postgisCpu = cpuMsOf(backendPid) - backendBefore;

    const mean = (side: Asked[], of: (a: Asked) => number) =>
      side.reduce((sum, a) => sum + of(a), 0) / side.length;
    console.log(
      `through the network, ${n.toLocaleString('en-GB')} schools in need one at a time, asked for the first time${explain ? '' : ' without reasons (explain=false, a service of its own)'}: the API's answers ${wrong.length === 0 ? "the engine's, with every candidate within the radius one PostGIS finds" : `WRONG for ${wrong.length} (first: URN ${wrong[0]!.urn})`}`,
    );
    printPercentiles(asked, explain);
    console.log(
      `  CPU an answer: the service ${us(serviceCpuOf(asked) / n)}, PostgreSQL's backend ${us(postgisCpu / n)} (clock ticks of 10 ms over ${n.toLocaleString('en-GB')} answers); this client ${us(mean(asked.api, (a) => a.clientCpu))} for the API, ${us(mean(asked.postgis, (a) => a.clientCpu))} for PostGIS, ${us(mean(asked.floor, (a) => a.clientCpu))} for the service's floor`,
    );
    console.log(
      `  bytes an answer on the wire: the API ${Math.round(mean(asked.api, (a) => a.bytes)).toLocaleString('en-GB')} (up to ten candidates, ranked, scored${explain ? ' and explained' : ', without reasons'}), PostGIS ${Math.round(mean(asked.postgis, (a) => a.bytes)).toLocaleString('en-GB')} (the URNs within the radius), the service's floor ${Math.round(mean(asked.floor, (a) => a.bytes)).toLocaleString('en-GB')}; ${loadAverage()}`,
    );
    console.log(
      `asked again, the last ${again.length.toLocaleString('en-GB')} (the service keeps its latest ${PARTNER_ANSWERS_KEPT.toLocaleString('en-GB')} answers; PostGIS runs its query again)`,
    );
    printPercentiles(twice, explain);
    console.log(`  CPU an answer: the service ${us(serviceCpuOf(twice) / again.length)}; ${loadAverage()}`);
    if (wrong.length > 0) process.exitCode = 1;
  } finally {
    bare.stop();
    fastify.stop();
  }
}

await main();
