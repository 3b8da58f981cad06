/**
 * S2S's radius search against PostGIS on the same schools: for every school in need, the
 * high-performing schools of a compatible phase within its radius, found by S2S's in-memory
 * index and by `ST_DWithin` on a geography column with a GiST index (on a sphere, as S2S
 * measures). Checks that both find the same schools, and times each: one school at a time (for
 * PostGIS, a client round trip a school) and every school in need at once (one query).
 *
 *   BENCH_POSTGIS_URL=postgres://postgres@127.0.0.1:5432/bench_postgis node --import tsx bench/postgis.ts
 *   --schools N   (default 22,000)
 *
 * The database is the bench's own: it writes a table `bench_postgis_schools` there and drops it
 * at the end. Without BENCH_POSTGIS_URL, or without PostGIS, it says it skipped and why.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { NFER_2017_PROFILE, SHIPPED_PROFILES } from '../src/domain/classification/profiles/index.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../src/domain/matching/settings.ts';
import { buildSnapshot } from '../src/domain/snapshot.ts';
import { syntheticSchools } from '../test/builders/synthetic-schools.ts';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--schools') + 1] ?? '') || 22_000;
const load = () => `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`;
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
    await compare(client);
  } finally {
    await client.query(`drop table if exists ${TABLE}`);
    await client.end();
  }
}

async function compare(client: pg.Client): Promise<void> {
  const settings = DEFAULT_MATCHING_SETTINGS;
  const schools = syntheticSchools(count);
  const snapshot = buildSnapshot({
    schools,
    profiles: SHIPPED_PROFILES,
    defaultProfile: NFER_2017_PROFILE.name,
    asOf: '2026-11-24',
    settings,
  });
  const view = snapshot.view()!;
  const located = schools.filter((s) => s.location);
  const version = (await client.query<{ v: string }>('select postgis_lib_version() as v')).rows[0]!.v;
  console.log(
    `${count.toLocaleString('en-GB')} synthetic schools, PostGIS ${version}, ${process.platform} ${process.arch}, ${load()}`,
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

  const inNeed = located.filter((s) => view.groups.get(s.urn) === 'in-need');
  const phasesOf = (s: (typeof inNeed)[number]) => settings.compatiblePhases[s.phase];
  const radiusOf = (s: (typeof inNeed)[number]) => settings.radiusKm[s.phase];

  // S2S: the partitions of high-performing schools of each compatible phase, searched in memory.
  const s2s = (s: (typeof inNeed)[number]) => {
    const found: number[] = [];
    for (const phase of phasesOf(s)) {
      view.pool.partition(phase, 'high-performing').forEachWithin(s.location!, radiusOf(s), (f) => {
        found.push(f.school.urn);
      });
    }
    return found.sort((a, b) => a - b);
  };
  s2s(inNeed[0]!); // the partitions are built once per snapshot, as a service builds them
  // The best of three passes: the first also compiles the search.
  let ours: number[][] = [];
  let oursMs = Infinity;
  let start = 0;
  for (let pass = 0; pass < 3; pass++) {
    start = performance.now();
    ours = inNeed.map(s2s);
    oursMs = Math.min(oursMs, performance.now() - start);
  }

  // PostGIS on a sphere (use_spheroid false), as S2S measures great-circle distance.
  const one = `select urn from ${TABLE} where grp = 'high-performing' and phase = any($1)
    and ST_DWithin(geog, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4, false) order by urn`;
  start = performance.now();
  const theirsOne: number[][] = [];
  for (const s of inNeed) {
    const { rows } = await client.query<{ urn: number }>(one, [
      phasesOf(s),
      s.location!.lon,
      s.location!.lat,
      radiusOf(s) * 1000,
    ]);
    theirsOne.push(rows.map((r) => r.urn));
  }
  const oneMs = performance.now() - start;

  start = performance.now();
  const { rows: all } = await client.query<{ urn: number; found: number[] | null }>(
    `select n.urn, (select array_agg(c.urn order by c.urn) from ${TABLE} c
        where c.grp = 'high-performing' and c.phase = any(n.phases)
          and ST_DWithin(c.geog, ST_SetSRID(ST_MakePoint(n.lon, n.lat), 4326)::geography, n.metres, false)) as found
       from unnest($1::int[], $2::text[], $3::float8[], $4::float8[], $5::float8[])
         as t(urn, phases, lon, lat, metres),
       lateral (select t.urn, string_to_array(t.phases, ',') as phases, t.lon, t.lat, t.metres) n`,
    [
      inNeed.map((s) => s.urn),
      inNeed.map((s) => phasesOf(s).join(',')),
      inNeed.map((s) => s.location!.lon),
      inNeed.map((s) => s.location!.lat),
      inNeed.map((s) => radiusOf(s) * 1000),
    ],
  );
  const allMs = performance.now() - start;
  const theirsAll = new Map(all.map((r) => [r.urn, r.found ?? []]));

  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && a.every((urn, i) => urn === b[i]);
  const differ = inNeed.filter(
    (s, i) => !same(ours[i]!, theirsOne[i]!) || !same(ours[i]!, theirsAll.get(s.urn)!),
  );
  const found = ours.reduce((n, list) => n + list.length, 0);
  const than = (ratio: number) =>
    ratio >= 1 ? `S2S ${ratio.toFixed(1)}× faster` : `S2S ${(1 / ratio).toFixed(1)}× slower`;
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
  console.log(
    `answers               ${differ.length === 0 ? 'the same' : `DIFFERENT for ${differ.length} (first: URN ${differ[0]!.urn})`} for all ${inNeed.length.toLocaleString('en-GB')} schools in need (${found.toLocaleString('en-GB')} supporters within their radius in all)`,
  );
  console.log(
    `per school            S2S ${((1000 * oursMs) / inNeed.length).toFixed(1)} µs, PostGIS ${((1000 * oneMs) / inNeed.length).toFixed(0)} µs a client round trip: ${than(oneMs / oursMs)}`,
  );
  console.log(
    `every school in need  S2S ${ms(oursMs)}, PostGIS ${ms(allMs)} in one query: ${than(allMs / oursMs)}; ${load()}`,
  );
  if (differ.length > 0) process.exitCode = 1;
}

await main();
