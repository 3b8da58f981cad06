/**
 * Capacity recompute (what a user waits for on changing a setting) with the registry's spatial
 * index, against a brute-force baseline that measures every in-need to high-performing pair,
 * in the same run. Prints figures and ratios; asserts nothing about time.
 *
 *   node --import tsx bench/capacity.ts                  # 5,000 schools, quick
 *   node --import tsx bench/capacity.ts 22000 150000     # national and beyond
 */
import { performance } from 'node:perf_hooks';
import { capacityByArea, type CapacitySchool, type Reach } from '../src/domain/capacity/aggregate.ts';
import { capacity, type CapacityRegistrySchool } from '../src/domain/capacity/capacity.ts';
import type { SchoolGroup } from '../src/domain/classification/types.ts';
import { radiusFor } from '../src/domain/radius.ts';
import type { Phase } from '../src/domain/school.ts';
import { distanceKm } from '../src/domain/spatial-index.ts';

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Schools clustered around towns across England's extent, in the registry's proportions. */
function schoolsOf(n: number): { schools: CapacityRegistrySchool[]; groups: Map<number, SchoolGroup> } {
  const next = random(n);
  const towns = Array.from({ length: 400 }, () => ({ lat: 50.6 + next() * 4.6, lon: -4.5 + next() * 6 }));
  const schools: CapacityRegistrySchool[] = [];
  const groups = new Map<number, SchoolGroup>();
  for (let i = 0; i < n; i++) {
    const town = towns[Math.floor(next() ** 2 * towns.length)]!;
    const lat = town.lat + (next() - 0.5) * 0.3;
    const lon = town.lon + (next() - 0.5) * 0.45;
    const phase: Phase = next() < 0.8 ? 'primary' : next() < 0.85 ? 'secondary' : 'special';
    const cell = (size: number) => `${Math.floor(lat / size)}:${Math.floor(lon / size)}`;
    const area = (size: number) => ({ code: cell(size), name: `Area ${cell(size)}` });
    schools.push({
      urn: 100000 + i,
      name: `School ${i}`,
      phase,
      country: 'England',
      region: area(1.5),
      localAuthority: area(0.45),
      constituency: area(0.2),
      location: { lat, lon },
    });
    const draw = next();
    groups.set(100000 + i, draw < 0.12 ? 'in-need' : draw < 0.4 ? 'high-performing' : 'other');
  }
  return { schools, groups };
}

/** Every in-need school against every high-performing school of its phase. */
function bruteForceReach(
  schools: readonly CapacityRegistrySchool[],
  groups: ReadonlyMap<number, SchoolGroup>,
  radiusKm: (p: Phase) => number,
): Reach {
  const strong = schools.filter((s) => groups.get(s.urn) === 'high-performing' && s.location);
  const reach = new Map<number, number>();
  for (const school of schools) {
    if (groups.get(school.urn) !== 'in-need' || !school.location) continue;
    const radius = radiusKm(school.phase);
    let count = 0;
    for (const other of strong)
      if (other.phase === school.phase && distanceKm(school.location, other.location!) <= radius) count++;
    reach.set(school.urn, count);
  }
  return reach;
}

function timed<T>(work: () => T, runs: number): { result: T; ms: number } {
  let result = work();
  const start = performance.now();
  for (let i = 0; i < runs; i++) result = work();
  return { result, ms: (performance.now() - start) / runs };
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const n of sizes.length > 0 ? sizes : [5000]) {
  const { schools, groups } = schoolsOf(n);
  const radiusKm = radiusFor(undefined);
  const input = { schools, groups };
  const indexed = timed(() => capacity(input, { by: 'la', phase: null, radiusKm }), 3);
  const classified: CapacitySchool[] = schools.map((s) => ({ ...s, group: groups.get(s.urn)! }));
  const brute = timed(() => capacityByArea(classified, bruteForceReach(schools, groups, radiusKm), 'la'), 1);
  const same = JSON.stringify(indexed.result.areas) === JSON.stringify(brute.result);
  const inNeed = [...groups.values()].filter((g) => g === 'in-need').length;
  console.log(
    `${n.toLocaleString('en-GB')} schools (${inNeed.toLocaleString('en-GB')} in need), by local authority, every phase at its default radius:\n` +
      `  recompute with the index  ${indexed.ms.toFixed(1)} ms\n` +
      `  brute-force baseline      ${brute.ms.toFixed(1)} ms\n` +
      `  index is ${(brute.ms / indexed.ms).toFixed(1)}x faster; same figures: ${same ? 'yes' : 'NO'}`,
  );
  if (!same) process.exitCode = 1;
}
