/**
 * What bench/instructions.ts runs under valgrind, bundled with the code it measures (the working
 * tree's or an earlier commit's): the schools read from a JSON file, then `runs` times the part
 * measured, each after a full collection, so that each starts from the same heap. Prints the
 * part's answer as a digest, for the two versions' answers to be compared.
 *
 *   node --expose-gc --single-threaded instructions-run.mjs <records.json> <runs> <analysis|searches>
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { holdHeapNearLive } from '../src/app/heap.ts';
import { NFER_2017_PROFILE, SHIPPED_PROFILES } from '../src/domain/classification/profiles/index.ts';
import { rankCandidates } from '../src/domain/matching/find-partners.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../src/domain/matching/settings.ts';
import type { SchoolRecord } from '../src/domain/school.ts';
import { shareRepeatedValues } from '../src/domain/shared-values.ts';
import { buildSnapshot } from '../src/domain/snapshot.ts';

const [file, runs, part] = process.argv.slice(2);
const gc = (globalThis as { gc?: (options: { type: 'major'; execution: 'sync' }) => void }).gc;
// A full collection as V8 makes one when the heap fills. A bare `gc()` also shrinks memory, and
// with it drops what the JIT compiled for the objects it frees: each run then compiled about
// twenty of the analysis's functions again (`--trace-deopt`: "weak objects"), which neither the
// service nor bench/matching.ts pays, and the flow alone took 60–100 ms at 21,708 schools
// rather than 14–24 ms.
const collect = () => gc!({ type: 'major', execution: 'sync' });
if (!file || !gc || (part !== 'analysis' && part !== 'searches'))
  throw new Error('usage: node --expose-gc instructions-run.mjs <records.json> <runs> <analysis|searches>');
holdHeapNearLive();
const schools = shareRepeatedValues(JSON.parse(fs.readFileSync(file, 'utf8')) as SchoolRecord[]);
const settings = DEFAULT_MATCHING_SETTINGS;
const snapshot = () =>
  buildSnapshot({
    schools,
    profiles: SHIPPED_PROFILES,
    defaultProfile: NFER_2017_PROFILE.name,
    asOf: '2026-11-24',
    settings,
  });

const digest = createHash('sha256');
if (part === 'analysis') {
  // The national analysis as the service runs it once per snapshot: classify, index, allocate.
  let allocation;
  for (let i = 0; i < Number(runs); i++) {
    collect();
    allocation = snapshot().view()!.allocation();
  }
  for (const a of allocation!.assignments)
    digest.update(`${a.urn} ${a.supporterUrn} ${a.score} ${a.distanceKm} ${a.remote} ${a.nearerTaken}\n`);
  for (const u of allocation!.unsupported) digest.update(`${u.urn} ${u.reason}\n`);
} else {
  // Partner search alone: the best twenty candidates of every school in need, from one snapshot.
  const built = snapshot();
  const view = built.view()!;
  const inNeed = schools.filter((s) => view.groups.get(s.urn) === 'in-need').map((s) => s.urn);
  let sum = 0;
  for (let i = 0; i < Number(runs); i++) {
    collect();
    sum = 0;
    for (const urn of inNeed) {
      const ranking = rankCandidates(view.pool, urn, { strategy: 'support' }, settings, built.capacity, 20);
      if (ranking.ok) for (const c of ranking.ranked) sum += c.facts.school.urn * c.score;
    }
  }
  digest.update(String(sum));
}
console.log(JSON.stringify({ digest: digest.digest('hex').slice(0, 12) }));
