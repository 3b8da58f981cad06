import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySchools, NFER_2017_PROFILE } from '../../../../src/domain/classification/index.ts';
import {
  buildMatchingPool,
  DEFAULT_MATCHING_SETTINGS,
  findPartners,
  partnerCapacity,
  type PartnerQuery,
} from '../../../../src/domain/matching/index.ts';
import type { SchoolRecord } from '../../../../src/domain/school.ts';
import { aSchool, anInspection, ks2Results } from '../../../builders/school-records.ts';

// The tests place schools against a 10 km primary radius, whatever the default.
const settings = {
  ...DEFAULT_MATCHING_SETTINGS,
  radiusKm: { ...DEFAULT_MATCHING_SETTINGS.radiusKm, primary: 10 },
};
const origin = { lat: 53.8, lon: -1.55 };
const north = (km: number) => ({ lat: origin.lat + km / 111.195, lon: origin.lon });

const outstanding = [anInspection({ overallEffectiveness: 1 })];
const requiresImprovement = [anInspection({ overallEffectiveness: 3 })];
const good = [anInspection({ overallEffectiveness: 2 })];
const progress = (readingProgress: number, writingProgress: number, mathsProgress: number) => [
  ks2Results({ readingProgress, writingProgress, mathsProgress }),
];

const school = (urn: number, km: number | null, overrides: Partial<SchoolRecord> = {}) =>
  aSchool({ urn, name: `School ${urn}`, location: km === null ? null : north(km), ...overrides });

// The school looking for help: requires improvement, weak in KS2 maths.
const seeker = school(1, 0, { inspections: requiresImprovement, performance: progress(0.5, 0, -3) });

function search(
  others: SchoolRecord[],
  { urn = 1, ...query }: Partial<PartnerQuery> & { urn?: number } = {},
  capacity = partnerCapacity(settings),
) {
  const records = [seeker, ...others];
  const pool = buildMatchingPool(records, classifySchools(records, NFER_2017_PROFILE, '2026-11-24'));
  const result = findPartners(pool, urn, { strategy: 'support', ...query }, settings, capacity);
  if (!result.ok) throw new Error(result.message);
  return result;
}
const urns = (result: ReturnType<typeof search>) => result.candidates.map((c) => c.urn);

describe('finding partners for one school', () => {
  it('offers high-performing schools of a compatible phase, including all-through, but not secondaries', () => {
    const result = search([
      school(2, 3, { inspections: outstanding }),
      school(3, 4, { inspections: outstanding, phase: 'all-through' }),
      school(4, 2, { inspections: outstanding, phase: 'secondary' }),
    ]);
    expect(urns(result).sort()).toEqual([2, 3]);
  });

  it('takes a school listed twice as its later record says', () => {
    const near = school(2, 3, { inspections: outstanding });
    const far = school(2, 30, { inspections: outstanding });
    const movedAway = search([near, far]).candidates;
    expect(movedAway.map((c) => [c.urn, c.distanceKm, c.remote])).toEqual([[2, 30, true]]);
    const movedNear = search([far, near]).candidates;
    expect(movedNear.map((c) => [c.urn, c.distanceKm, c.remote])).toEqual([[2, 3, false]]);
  });

  it('keeps to the radius for the phase: 9.9 km is in, 10.1 km is not', () => {
    const result = search([
      school(2, 9.9, { inspections: outstanding }),
      school(3, 10.1, { inspections: outstanding }),
      school(4, 1, { inspections: outstanding }),
    ]);
    expect(urns(result)).toEqual([4, 2]);
    expect(result.candidates[0]).toMatchObject({ distanceKm: 1, remote: false });
    expect(result.candidates[0]!.reasons[0]).toBe('1.0 km away');
  });

  it('widens or narrows the radius on request', () => {
    const others = [
      school(2, 9.9, { inspections: outstanding }),
      school(3, 14, { inspections: outstanding }),
    ];
    expect(urns(search(others, { radiusKm: 15 }))).toEqual([2, 3]);
    const narrow = search(others, { radiusKm: 5 });
    expect(narrow.candidates.every((c) => c.remote)).toBe(true);
  });

  it('support: ranks the partner strong where the school is weak first and says so', () => {
    const result = search([
      school(2, 2, { inspections: outstanding, performance: progress(3, 2.5, 0) }),
      school(3, 4, { inspections: outstanding, performance: progress(0, 0, 3.4) }),
      school(4, 1, { inspections: good, performance: progress(0, 0, 0) }),
    ]);
    expect(urns(result)).toEqual([3, 2]);
    expect(result.candidates[0]!.reasons).toContain(
      'strong in KS2 maths: KS2 maths progress +3.4 (national 0 for state-funded mainstream schools), where yours is weaker: KS2 maths progress −3.0',
    );
    expect(result.candidates[0]!.reasons).toContain(
      'High-performing: Outstanding at the latest inspection (inspection of 1 May 2018)',
    );
  });

  it('peer: offers schools at a similar stage, never a high-performing one to a school in need', () => {
    const result = search(
      [
        school(2, 2, { inspections: outstanding }),
        school(3, 3, { inspections: requiresImprovement, performance: progress(0, 0, 0) }),
        school(4, 4, { inspections: good, performance: progress(0, 0, 0) }),
      ],
      { strategy: 'peer' },
    );
    expect(urns(result)).toEqual([3, 4]);
    expect(result.candidates[0]!.reasons).toContain(
      'At a similar stage of improvement: also in need of support',
    );
  });

  it('reciprocal: only schools each strong where the other is weak', () => {
    const result = search(
      [
        school(2, 2.5, { inspections: good, performance: progress(-2.5, 0, 3) }), // strong maths, weak reading
        school(3, 3, { inspections: good, performance: progress(0, 0, 3) }), // strong maths, nothing to learn
        school(5, 2, { inspections: good, performance: progress(2.6, 0, -2.2) }), // strong reading, weak maths
      ],
      { strategy: 'reciprocal', urn: 2 },
    );
    // School 3 has nothing school 2 lacks; the seeker (weak in maths, its reading well above its
    // other results and 3 points ahead of school 2's) has, and school 2 is strong in its maths.
    expect(urns(result)).toEqual([5, 1]);
    expect(result.candidates[0]!.reasons.some((r) => r.startsWith('strong in KS2 reading'))).toBe(true);
    expect(result.candidates[0]!.reasons.some((r) => r.startsWith('you are strong in KS2 maths'))).toBe(true);
  });

  it('answers each strategy and radius as a fresh pool would, whatever was asked of the same pool before', () => {
    const records = [
      seeker,
      school(2, 2, { inspections: outstanding }),
      school(3, 3, { inspections: requiresImprovement, performance: progress(0, 0, 0) }),
      school(4, 4, { inspections: good, performance: progress(0, 0, 0) }),
      school(5, 2, { inspections: good, performance: progress(2.6, 0, -2.2) }),
      school(6, 40, { inspections: outstanding, phase: 'secondary' }),
    ];
    const poolOf = () =>
      buildMatchingPool(records, classifySchools(records, NFER_2017_PROFILE, '2026-11-24'));
    const questions: PartnerQuery[] = [
      { strategy: 'support' },
      { strategy: 'peer' },
      { strategy: 'reciprocal' },
      { strategy: 'offer-support' },
      { strategy: 'support', radiusKm: 50 },
      { strategy: 'support' },
    ];
    const shared = poolOf();
    const capacity = partnerCapacity(settings);
    for (const question of questions) {
      const asked = findPartners(shared, 1, question, settings, capacity);
      expect(asked, question.strategy).toEqual(findPartners(poolOf(), 1, question, settings, capacity));
    }
    const [support, peer] = questions.map((q) => findPartners(shared, 1, q, settings, capacity));
    expect(support!.ok && support!.candidates.map((c) => c.urn)).toEqual([2]);
    expect(peer!.ok && peer!.candidates.map((c) => c.urn)).toEqual([3, 5, 4]);
  });

  it('leaves out schools with no spare capacity, and already-partnered schools on request', () => {
    const others = [school(2, 2, { inspections: outstanding }), school(3, 3, { inspections: outstanding })];
    const full = partnerCapacity(settings, new Map([[2, 1]]), new Map([[2, 1]]));
    expect(urns(search(others, {}, full))).toEqual([3]);
    const busy = partnerCapacity(settings, new Map(), new Map([[3, 1]]));
    expect(urns(search(others, {}, busy))).toEqual([2, 3]);
    expect(urns(search(others, { excludePartnered: true }, busy))).toEqual([2]);
  });

  it('tags schools already partnered with this school, and schools in a partnership with another', () => {
    const others = [
      school(2, 2, { inspections: outstanding }),
      school(3, 3, { inspections: outstanding }),
      school(4, 4, { inspections: outstanding }),
    ];
    const partnered = partnerCapacity(
      settings,
      new Map(),
      new Map([
        [1, 1],
        [2, 1],
        [3, 1],
      ]),
      new Map([
        [1, [2]],
        [2, [1]],
        [3, [9]],
      ]),
    );
    const tags = Object.fromEntries(search(others, {}, partnered).candidates.map((c) => [c.urn, c.tags]));
    expect(tags).toEqual({ 2: ['already-partners'], 3: ['in-partnership'], 4: [] });
  });

  it('scores 0 to 100 on a fixed scale: the same school scores the same at any radius', () => {
    const others = [
      school(2, 3, { inspections: outstanding }),
      school(3, 8, { inspections: outstanding }),
      school(4, 14, { inspections: outstanding }),
    ];
    const scores = (radiusKm: number) =>
      Object.fromEntries(search(others, { radiusKm }).candidates.map((c) => [c.urn, c.score]));
    const narrow = scores(10);
    const wide = scores(30);
    expect(Object.keys(narrow)).toEqual(['2', '3']);
    expect(wide).toMatchObject(narrow);
    expect(Object.values(wide).every((n) => Number.isInteger(n) && n >= 0 && n <= 100)).toBe(true);
    // Nearer scores higher, all else equal.
    expect(wide[2]).toBeGreaterThan(wide[3]!);
    expect(wide[3]).toBeGreaterThan(wide[4]!);
  });

  it('scores a remote partner below a local one of the same kind', () => {
    const local = search([school(2, 8, { inspections: outstanding })]).candidates[0]!;
    const remote = search([school(3, 38, { inspections: outstanding })]).candidates[0]!;
    expect(remote.remote).toBe(true);
    expect(remote.score).toBeLessThan(local.score);
  });

  it('breaks ties by distance, then by the lower URN', () => {
    const twin = { inspections: outstanding };
    const result = search([school(9, 3, twin), school(7, 3, twin), school(8, 2, twin)], { radiusKm: 10 });
    expect(urns(result)).toEqual([8, 7, 9]);
  });

  it('ranks a school of similar size and disadvantage above a very different one at the same distance', () => {
    const result = search([
      school(2, 3, { inspections: outstanding, pupils: 1200, fsmPercent: 55 }),
      school(3, 3, { inspections: outstanding, pupils: 310, fsmPercent: 21 }),
      school(4, 9, { inspections: outstanding, pupils: 100, fsmPercent: 2, ealPercent: 50 }),
    ]);
    expect(urns(result)[0]).toBe(3);
    expect(result.candidates[0]!.reasons[1]).toMatch(/^similar size, disadvantage/);
    expect(result.candidates.find((c) => c.urn === 2)!.reasons).toContain(
      'larger (1200 pupils, yours 300 pupils)',
    );
  });

  it('offers an isolated school the best partners beyond its radius, marked remote', () => {
    const result = search([
      school(2, 60, { inspections: outstanding }),
      school(3, 35, { inspections: outstanding }),
    ]);
    expect(urns(result)).toEqual([3, 2]);
    expect(result.candidates.every((c) => c.remote)).toBe(true);
    expect(result.candidates[0]!.reasons[0]).toBe(
      '35.0 km away, beyond your 10 km radius: no suitable partner is nearer',
    );
  });

  it('draws remote partners from the nearest schools beyond the radius, however far, as a full scan would', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.double({ min: 10.5, max: 900, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (distances) => {
          const others = distances.map((km, i) => school(100 + i, km, { inspections: outstanding }));
          const result = search(others);
          const ring = settings.remoteCandidates * 3;
          const nearest = others
            .map((o, i) => ({ urn: o.urn, km: distances[i]! }))
            .sort((a, b) => a.km - b.km)
            .slice(0, ring)
            .map((o) => o.urn);
          expect(result.candidates.length).toBe(Math.min(settings.remoteCandidates, others.length));
          expect(result.candidates.every((c) => c.remote && nearest.includes(c.urn))).toBe(true);
        },
      ),
      { seed: 2026, numRuns: 100 },
    );
  });

  it('filters by trust and by type', () => {
    const others = [
      school(2, 2, { inspections: outstanding, trust: 'Oak Trust', typeName: 'Academy converter' }),
      school(3, 3, { inspections: outstanding }),
    ];
    expect(urns(search(others, { trust: 'Oak Trust' }))).toEqual([2]);
    expect(urns(search(others, { type: 'academy converter' }))).toEqual([2]);
  });

  it('looks around a place instead of the school when asked, measuring distances from it', () => {
    const place = { name: 'Leeds', location: north(30) };
    const others = [
      school(2, 2, { inspections: outstanding }),
      school(3, 31, { inspections: outstanding }),
      school(4, 36, { inspections: outstanding }),
    ];
    const near = search(others, { near: place });
    expect(urns(near)).toEqual([3, 4]);
    expect(near.candidates.map((c) => c.distanceKm)).toEqual([1, 6]);
    expect(near.candidates[0]!.reasons[0]).toBe('1.0 km from Leeds');
    expect(urns(search(others))).toEqual([2]);
  });

  it('looks around a place for a school with no location of its own', () => {
    const records = [
      school(1, null, { inspections: requiresImprovement }),
      school(2, 1, { inspections: outstanding }),
    ];
    const pool = buildMatchingPool(records, classifySchools(records, NFER_2017_PROFILE, '2026-11-24'));
    const result = findPartners(
      pool,
      1,
      { strategy: 'support', near: { name: 'LS1', location: origin } },
      settings,
      partnerCapacity(settings),
    );
    expect(result).toMatchObject({ ok: true, candidates: [{ urn: 2, distanceKm: 1 }] });
  });

  it('says why it cannot search for a school without a location or an unknown URN', () => {
    const records = [school(1, null, { inspections: requiresImprovement })];
    const pool = buildMatchingPool(records, classifySchools(records, NFER_2017_PROFILE, '2026-11-24'));
    const capacity = partnerCapacity(settings);
    expect(findPartners(pool, 1, { strategy: 'support' }, settings, capacity)).toMatchObject({
      ok: false,
      error: 'no-location',
    });
    expect(findPartners(pool, 99, { strategy: 'support' }, settings, capacity)).toMatchObject({
      ok: false,
      error: 'unknown-school',
      message: 'No open school with URN 99',
    });
  });
});
