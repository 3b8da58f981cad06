/**
 * One school's partner search through the JSON API (`GET /api/schools/{urn}/partners`) of
 * `s2s serve` (its own process, production settings, info logs) over loopback HTTP with a
 * keep-alive connection, as an API client asks, on a synthetic national dataset imported into an
 * embedded PostgreSQL. The baseline, in the same run and taken in turn school by school: the plain
 * record lookup (`GET /api/schools/{urn}`, one indexed read). Prints the median and 95th
 * percentile of each and the CPU the service spent an answer, then the latest partner searches
 * asked again (answers kept for the same request) and `GET /health/live` as many times (the
 * floor: the HTTP round trip with no work behind it), and last as many other schools asked without
 * reasons (`explain=false`, each school's words never written); asserts nothing about time.
 *
 *   node --import tsx bench/matching-api.ts              # 22,000 schools
 *   node --import tsx bench/matching-api.ts --schools 5000
 *   node --import tsx bench/matching-api.ts --cpu-prof DIR   # the service's CPU profiles in DIR
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PARTNER_ANSWERS_KEPT } from '../src/web/matching/api.ts';
import { cpuMsOf, get, loadAverage, ms, percentile, serveDataset, withImportedDataset } from './served.ts';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--schools') + 1] ?? '') || 22_000;
const cpuProfileDir = args.includes('--cpu-prof') ? args[args.indexOf('--cpu-prof') + 1] : undefined;
const SAMPLE = 1000;
const WARM_UP = 300;

await withImportedDataset('matching-api', count, async (dataset) => {
  const rows = await dataset.db
    .selectFrom('schools')
    .select('urn')
    .where('open', '=', true)
    .orderBy('urn')
    .execute();
  const step = Math.max(1, Math.floor(rows.length / (SAMPLE + WARM_UP)));
  const urns = rows.filter((_, i) => i % step === 0).map((row) => row.urn);
  // Schools asked about only without reasons, none of them among those asked with them.
  const unexplainedUrns = rows
    .filter((_, i) => i % step === 1)
    .map((row) => row.urn)
    .slice(0, SAMPLE);
  const service = await serveDataset(
    dataset,
    { S2S_HEAVY_REQUESTS_PER_MINUTE: '1000000' },
    cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(cpuProfileDir)] : [],
  );
  try {
    const pid = service.child.pid!;
    const ask = async (url: string) => {
      const start = performance.now();
      const { status, body } = await get(service.base, url);
      const took = performance.now() - start;
      // A school with no location on record answers 422; anything else is a failure, not a figure.
      if (status !== 200 && status !== 422) throw new Error(`${url}: ${status} ${body}`);
      return { took, answered: status === 200 };
    };
    const partnersUrl = (urn: number) => `/api/schools/${urn}/partners?strategy=support`;
    const recordUrl = (urn: number) => `/api/schools/${urn}`;
    // Warmed up on other schools than those measured: each school's words are written when first asked for.
    for (const urn of urns.slice(SAMPLE)) {
      await ask(partnersUrl(urn));
      await ask(recordUrl(urn));
    }
    const partners: number[] = [];
    const record: number[] = [];
    let answered = 0;
    let partnersCpu = 0;
    let recordCpu = 0;
    for (const [i, urn] of urns.slice(0, SAMPLE).entries()) {
      // Taken in turn, each first every other school.
      for (const which of i % 2 === 0 ? ['partners', 'record'] : ['record', 'partners']) {
        const before = cpuMsOf(pid);
        if (which === 'partners') {
          const { took, answered: found } = await ask(partnersUrl(urn));
          partnersCpu += cpuMsOf(pid) - before;
          partners.push(took);
          if (found) answered++;
        } else {
          record.push((await ask(recordUrl(urn))).took);
          recordCpu += cpuMsOf(pid) - before;
        }
      }
    }
    // The latest questions again, as many as the service keeps answers for (it drops the oldest
    // first, so asking all 1,000 again would find none kept): answered with what was written.
    const again: number[] = [];
    const againBefore = cpuMsOf(pid);
    const kept = urns.slice(0, SAMPLE).slice(-PARTNER_ANSWERS_KEPT);
    for (const urn of kept) again.push((await ask(partnersUrl(urn))).took);
    const againCpu = cpuMsOf(pid) - againBefore;
    // The floor: the service's HTTP round trip with no work behind it, as many times.
    const floor: number[] = [];
    const floorBefore = cpuMsOf(pid);
    for (const _ of kept) floor.push((await ask('/health/live')).took);
    const floorCpu = cpuMsOf(pid) - floorBefore;
    const unexplained: number[] = [];
    const unexplainedBefore = cpuMsOf(pid);
    for (const urn of unexplainedUrns)
      unexplained.push((await ask(`${partnersUrl(urn)}&explain=false`)).took);
    const unexplainedCpu = cpuMsOf(pid) - unexplainedBefore;
    unexplained.sort((a, b) => a - b);
    floor.sort((a, b) => a - b);
    again.sort((a, b) => a - b);
    partners.sort((a, b) => a - b);
    record.sort((a, b) => a - b);
    const n = partners.length;
    console.log(
      `${rows.length.toLocaleString('en-GB')} open schools imported; ${n} of them asked about (${answered} with a location, so partners), over loopback HTTP to s2s serve; ${loadAverage()}`,
    );
    const line = (name: string, times: number[], cpu: number) =>
      `  ${name} p50 ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}, CPU ${((1000 * cpu) / times.length).toFixed(0)} µs an answer`;
    console.log(line('partners', partners, partnersCpu));
    console.log(`${line('record  ', record, recordCpu)} (baseline)`);
    console.log(
      `${line('again   ', again, againCpu)} (the latest ${kept.length} partner searches asked again)`,
    );
    console.log(`${line('floor   ', floor, floorCpu)} (GET /health/live, no work behind it)`);
    if (unexplained.length > 0)
      console.log(
        `${line('unexplained', unexplained, unexplainedCpu)} (${unexplained.length} other schools, explain=false, asked for the first time)`,
      );
    console.log(
      `  a partner search takes ${(percentile(partners, 0.5) / percentile(record, 0.5)).toFixed(2)}× the time of a plain record read (p50) and ${(partnersCpu / recordCpu).toFixed(2)}× its CPU; ${loadAverage()}`,
    );
  } finally {
    await service.stop();
  }
});
