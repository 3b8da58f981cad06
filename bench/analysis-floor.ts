/**
 * The national analysis's floor, as issue 16 put it: the least any implementation must do to
 * pair every school in need with a supporter within its radius. Measured on the same schools,
 * right after the analysis, so that how far the analysis stands above it can be compared from one
 * machine to another, where milliseconds cannot: a machine twice as slow is as slow for both. A
 * shared machine's noise still falls on each as it comes.
 *
 * The floor is given each school's group and room rather than classifying, scores nothing,
 * writes no reason, and searches nothing beyond the radius:
 * - index: a k-d tree (kdbush, typed arrays) of the supporters with room, one for each phase;
 * - searches: for each school in need, band by band across the map, the supporters of a
 *   compatible phase in the box around its radius, measured on the sphere, its nearest
 *   `allocationOptions` kept;
 * - flow: the analysis's own min-cost flow over those options, quality falling with distance.
 */
import KDBush from 'kdbush';
import { performance } from 'node:perf_hooks';
import { openAllocation } from '../src/domain/allocation/min-cost-flow.ts';
import type { OptionList } from '../src/domain/allocation/problem.ts';
import type { PartnerCapacity, MatchingPool } from '../src/domain/matching/pool.ts';
import type { MatchingSettings } from '../src/domain/matching/settings.ts';
import { greatCircleKm } from '../src/domain/spatial-index.ts';
import type { Phase } from '../src/domain/school.ts';

const RAD = Math.PI / 180;
const KM_PER_DEGREE = (6371 * Math.PI) / 180;
const BAND_DEGREES = 0.1;

/** The floor's input: plain columns, made before any timing starts. */
export interface FloorInput {
  settings: MatchingSettings;
  seekers: { urn: Int32Array; lon: Float64Array; lat: Float64Array; phase: Phase[] };
  supporters: Map<Phase, { urn: Int32Array; lon: Float64Array; lat: Float64Array; spare: Int32Array }>;
}

/** The schools in need and the supporters with room, with a location, as the analysis sees them. */
export function floorInput(
  pool: MatchingPool,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
): FloorInput {
  const seekers: { urn: number; lon: number; lat: number; phase: Phase }[] = [];
  const supporters = new Map<Phase, { urn: number; lon: number; lat: number; spare: number }[]>();
  pool.facts.forEach((facts, urn) => {
    const { location } = facts;
    if (!location) return;
    const { phase } = facts.school;
    if (facts.group === 'in-need') seekers.push({ urn, ...location, phase });
    if (facts.group !== 'high-performing') return;
    const spare = capacity.capacityOf(urn) - capacity.partnersOf(urn);
    if (spare <= 0) return;
    if (!supporters.has(phase)) supporters.set(phase, []);
    supporters.get(phase)!.push({ urn, ...location, spare });
  });
  const columns = <T extends { urn: number; lon: number; lat: number }>(rows: T[]) => ({
    urn: Int32Array.from(rows, (r) => r.urn),
    lon: Float64Array.from(rows, (r) => r.lon),
    lat: Float64Array.from(rows, (r) => r.lat),
  });
  return {
    settings,
    seekers: { ...columns(seekers), phase: seekers.map((s) => s.phase) },
    supporters: new Map(
      [...supporters].map(([phase, rows]) => [
        phase,
        { ...columns(rows), spare: Int32Array.from(rows, (r) => r.spare) },
      ]),
    ),
  };
}

/** A seeker's options: a slice of the floor's columns. */
class Slice implements OptionList {
  constructor(
    private readonly supporter_: Int32Array,
    private readonly quality_: Float64Array,
    private readonly from: number,
    readonly length: number,
  ) {}
  supporter(k: number) {
    return this.supporter_[this.from + k]!;
  }
  quality(k: number) {
    return this.quality_[this.from + k]!;
  }
  remote() {
    return false;
  }
}

export interface FloorRun {
  /** Milliseconds of each step, and of the three together. */
  index: number;
  searches: number;
  flow: number;
  total: number;
  /** Options found within the radius, and the schools in need paired. */
  options: number;
  paired: number;
}

/** One run of the floor, each step timed. */
export function runFloor({ settings, seekers, supporters }: FloorInput): FloorRun {
  const began = performance.now();
  const trees = new Map<Phase, KDBush>();
  for (const [phase, s] of supporters) {
    const tree = new KDBush(s.urn.length);
    for (let i = 0; i < s.urn.length; i++) tree.add(s.lon[i]!, s.lat[i]!);
    trees.set(phase, tree.finish());
  }
  const indexed = performance.now();

  const keep = Math.max(1, settings.allocationOptions);
  const count = seekers.urn.length;
  const optionSupporter = new Int32Array(count * keep);
  const optionQuality = new Float64Array(count * keep);
  const optionKm = new Float64Array(keep);
  const found = new Int32Array(count);
  // Band by band across the map, as the analysis takes them: schools near one another search the
  // same supporters, and the flow finds their paths among the same nodes.
  const band = Float64Array.from(seekers.lat, (lat) => Math.floor(lat / BAND_DEGREES));
  const order = Int32Array.from(seekers.urn, (_, i) => i).sort(
    (a, b) => band[a]! - band[b]! || seekers.lon[a]! - seekers.lon[b]! || a - b,
  );
  for (const i of order) {
    const [lon, lat, phase] = [seekers.lon[i]!, seekers.lat[i]!, seekers.phase[i]!];
    const radius = settings.radiusKm[phase];
    const cosLat = Math.cos(lat * RAD);
    const dLat = radius / KM_PER_DEGREE;
    const dLon = dLat / Math.max(1e-6, Math.cos((Math.abs(lat) + dLat) * RAD));
    const at = i * keep;
    let n = 0;
    for (const other of settings.compatiblePhases[phase]) {
      const tree = trees.get(other);
      if (!tree) continue;
      const s = supporters.get(other)!;
      for (const id of tree.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
        const km = greatCircleKm(lon, lat, cosLat, s.lon[id]!, s.lat[id]!, Math.cos(s.lat[id]! * RAD));
        if (km > radius || (n === keep && km >= optionKm[n - 1]!)) continue;
        // The nearest `keep`, in order: insertion into a short list.
        let j = n < keep ? n++ : n - 1;
        for (; j > 0 && optionKm[j - 1]! > km; j--) {
          optionKm[j] = optionKm[j - 1]!;
          optionSupporter[at + j] = optionSupporter[at + j - 1]!;
        }
        optionKm[j] = km;
        optionSupporter[at + j] = s.urn[id]!;
      }
    }
    for (let j = 0; j < n; j++) optionQuality[at + j] = 1 - optionKm[j]! / radius;
    found[i] = n;
  }
  const searched = performance.now();

  const capacity = new Map<number, number>();
  for (const s of supporters.values()) s.urn.forEach((urn, k) => capacity.set(urn, s.spare[k]!));
  const problem = [];
  let options = 0;
  for (const i of order) {
    if (found[i] === 0) continue;
    options += found[i]!;
    problem.push({
      seeker: seekers.urn[i]!,
      options: new Slice(optionSupporter, optionQuality, i * keep, found[i]!),
    });
  }
  const { pairs } = openAllocation({ seekers: problem, capacity }).solution();
  const done = performance.now();
  return {
    index: indexed - began,
    searches: searched - indexed,
    flow: done - searched,
    total: done - began,
    options,
    paired: pairs.length,
  };
}
