import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateNationally, UNSUPPORTED_REASONS } from '../../../../src/domain/allocation/index.ts';
import { classifySchools, NFER_2017_PROFILE } from '../../../../src/domain/classification/index.ts';
import {
  buildMatchingPool,
  DEFAULT_MATCHING_SETTINGS,
  partnerCapacity,
} from '../../../../src/domain/matching/index.ts';
import type { Phase, SchoolRecord } from '../../../../src/domain/school.ts';
import { distanceKm } from '../../../../src/domain/spatial-index.ts';
import { aSchool, anInspection } from '../../../builders/school-records.ts';

const RADIUS_KM = 10;
const settings = {
  ...DEFAULT_MATCHING_SETTINGS,
  radiusKm: { ...DEFAULT_MATCHING_SETTINGS.radiusKm, primary: RADIUS_KM, secondary: RADIUS_KM },
  // Few options each, so that options run out and remote ones are needed.
  allocationOptions: 2,
};
const compatible = (seeker: Phase, supporter: Phase) => settings.compatiblePhases[seeker].includes(supporter);

// Small random layouts along a 60 km road: schools in need (grade 3) and high-performing ones
// (grade 1) of three phases, each supporter with room for 0 to 2 schools, a few without a location.
const layouts = fc
  .array(
    fc.record({
      km: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 12 }),
      phase: fc.constantFrom<Phase>('primary', 'secondary', 'all-through'),
      supporter: fc.boolean(),
      room: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 9 },
  )
  .map((specs) =>
    specs.map((spec, i) => ({
      ...spec,
      record: aSchool({
        urn: i + 1,
        name: `School ${i + 1}`,
        phase: spec.phase,
        location: spec.km === null ? null : { lat: 53.8 + spec.km / 111.195, lon: -1.55 },
        inspections: [anInspection({ urn: i + 1, overallEffectiveness: spec.supporter ? 1 : 3 })],
      }),
    })),
  );
type Layout = typeof layouts extends fc.Arbitrary<infer T> ? T : never;

function allocate(layout: Layout) {
  const records: SchoolRecord[] = layout.map((s) => s.record);
  const pool = buildMatchingPool(records, classifySchools(records, NFER_2017_PROFILE, '2026-11-24'));
  const declared = new Map(layout.filter((s) => s.supporter).map((s) => [s.record.urn, s.room]));
  return allocateNationally(pool, settings, partnerCapacity(settings, declared));
}

/**
 * The reference: the most schools in need that can be supported when any located school in need
 * may go to any located supporter of a compatible phase at any distance, and, among those
 * allocations, the fewest beyond the radius; found by trying every allocation.
 */
function mostTheCapacitiesAllow(layout: Layout): { supported: number; remote: number } {
  const seekers = layout.filter((s) => !s.supporter && s.km !== null);
  const supporters = layout.filter((s) => s.supporter && s.km !== null);
  const left = supporters.map((s) => s.room);
  let best = { supported: 0, remote: 0 };
  const walk = (i: number, supported: number, remote: number) => {
    if (i === seekers.length) {
      if (supported > best.supported || (supported === best.supported && remote < best.remote))
        best = { supported, remote };
      return;
    }
    walk(i + 1, supported, remote);
    supporters.forEach((supporter, j) => {
      if (left[j]! <= 0 || !compatible(seekers[i]!.phase, supporter.phase)) return;
      left[j]!--;
      const far = distanceKm(seekers[i]!.record.location!, supporter.record.location!) > RADIUS_KM;
      walk(i + 1, supported + 1, remote + (far ? 1 : 0));
      left[j]!++;
    });
  };
  walk(0, 0, 0);
  return best;
}

describe('nobody left behind while capacity remains', () => {
  it('supports as many schools as the capacities allow at any distance, and as few beyond the radius as that allows', () => {
    fc.assert(
      fc.property(layouts, (layout) => {
        const { summary } = allocate(layout);
        expect({ supported: summary.supported, remote: summary.remote }).toEqual(
          mostTheCapacitiesAllow(layout),
        );
      }),
      { seed: 21, numRuns: 300 },
    );
  });

  it('never gives a supporter more schools than its room, and marks remote pairings by distance', () => {
    fc.assert(
      fc.property(layouts, (layout) => {
        const allocation = allocate(layout);
        const byUrn = new Map(layout.map((s) => [s.record.urn, s]));
        const used = new Map<number, number>();
        for (const a of allocation.assignments) {
          used.set(a.supporterUrn, (used.get(a.supporterUrn) ?? 0) + 1);
          const [seeker, supporter] = [byUrn.get(a.urn)!, byUrn.get(a.supporterUrn)!];
          expect(compatible(seeker.phase, supporter.phase)).toBe(true);
          expect(a.remote).toBe(distanceKm(seeker.record.location!, supporter.record.location!) > RADIUS_KM);
        }
        for (const [urn, n] of used) expect(n).toBeLessThanOrEqual(byUrn.get(urn)!.room);
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('gives every school left without a partner a documented reason that is true', () => {
    fc.assert(
      fc.property(layouts, (layout) => {
        const allocation = allocate(layout);
        const used = new Map<number, number>();
        for (const a of allocation.assignments) used.set(a.supporterUrn, (used.get(a.supporterUrn) ?? 0) + 1);
        for (const u of allocation.unsupported) {
          expect(Object.keys(UNSUPPORTED_REASONS)).toContain(u.reason);
          const school = layout.find((s) => s.record.urn === u.urn)!;
          const possible = layout.filter(
            (s) => s.supporter && s.km !== null && s.room > 0 && compatible(school.phase, s.phase),
          );
          if (u.reason === 'no-location') expect(school.km).toBeNull();
          if (u.reason === 'no-candidate') expect(possible).toEqual([]);
          if (u.reason === 'capacity-taken') {
            expect(possible.length).toBeGreaterThan(0);
            for (const s of possible) expect(used.get(s.record.urn)).toBe(s.room);
          }
        }
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});
