import { describe, expect, it } from 'vitest';
import { allocateNationally } from '../../../../src/domain/allocation/index.ts';
import { classifySchools, NFER_2017_PROFILE } from '../../../../src/domain/classification/index.ts';
import {
  buildMatchingPool,
  DEFAULT_MATCHING_SETTINGS,
  partnerCapacity,
} from '../../../../src/domain/matching/index.ts';
import type { SchoolRecord } from '../../../../src/domain/school.ts';
import { translatePhrase } from '../../../../src/i18n/index.ts';
import { aSchool, anInspection } from '../../../builders/school-records.ts';

const north = (km: number) => ({ lat: 53.8 + km / 111.195, lon: -1.55 });
const school = (urn: number, km: number | null, grade: 1 | 3, overrides: Partial<SchoolRecord> = {}) =>
  aSchool({
    urn,
    name: `School ${urn}`,
    location: km === null ? null : north(km),
    inspections: [anInspection({ overallEffectiveness: grade })],
    ...overrides,
  });

// The schools are placed against a 10 km primary radius, whatever the default.
const settings = {
  ...DEFAULT_MATCHING_SETTINGS,
  radiusKm: { ...DEFAULT_MATCHING_SETTINGS.radiusKm, primary: 10 },
};

function allocate(records: SchoolRecord[], declared = new Map<number, number>()) {
  const pool = buildMatchingPool(records, classifySchools(records, NFER_2017_PROFILE, '2026-11-24'));
  return allocateNationally(pool, settings, partnerCapacity(settings, declared));
}

describe('the national allocation', () => {
  const records = [
    school(1, 0, 3),
    school(2, 1, 3),
    school(3, 0.5, 1), // the nearest supporter, able to take one school
    school(4, 8, 1), // further away, able to take two
    school(5, 200, 3), // isolated: nothing within 10 km
    school(6, null, 3), // no location
    school(7, 0, 3, { phase: 'special' }), // no special school is high-performing
  ];
  const result = allocate(records, new Map([[3, 1]]));

  it('supports every school it can without exceeding any capacity', () => {
    const pairs = result.assignments.map((a) => [a.urn, a.supporterUrn]);
    expect(pairs).toHaveLength(3);
    expect(pairs.filter(([, s]) => s === 3)).toHaveLength(1);
    expect(pairs.filter(([, s]) => s === 4).length).toBeLessThanOrEqual(2);
    expect(result.summary).toMatchObject({ inNeed: 5, supported: 3, unsupported: 2, remote: 1 });
  });

  it('finds the isolated school a partner beyond the radius, marked remote', () => {
    const isolated = result.assignments.find((a) => a.urn === 5)!;
    expect(isolated).toMatchObject({ remote: true, supporterUrn: 4 });
    expect(isolated.reasons[0]).toMatch(/beyond your 10 km radius/);
    // Written when first read, and in the JSON answer like any other field.
    expect(JSON.parse(JSON.stringify(isolated)).reasons).toEqual(isolated.reasons);
  });

  it('says who is left without a partner and why', () => {
    expect(result.unsupported).toEqual([
      expect.objectContaining({ urn: 6, reason: 'no-location' }),
      expect.objectContaining({ urn: 7, reason: 'no-candidate' }),
    ]);
  });

  it('reports a school left out because every supporter it could have is full, at any distance', () => {
    const tight = allocate([school(1, 0, 3), school(2, 1, 3), school(3, 0.5, 1)], new Map([[3, 1]]));
    expect(tight.summary.supported).toBe(1);
    expect(tight.unsupported[0]).toMatchObject({ reason: 'capacity-taken' });
    expect(tight.unsupported[0]!.text).toBe(
      'No supporter with room at any distance: the one possible supporter within 10 km, and every high-performing primary or all-through school further away, already support as many schools in need as they have room for',
    );
  });

  it('says why a school has no supporter in Welsh too, with its radius and how many were within it', () => {
    // As many supporters with room for one as schools in need beside them, and one school more.
    const whyLeftOut = (supporters: number) =>
      allocate(
        [
          ...Array.from({ length: supporters + 1 }, (_, i) => school(1 + i, 0, 3)),
          ...Array.from({ length: supporters }, (_, i) => school(100 + i, 0.5, 1)),
          school(99, 200, 3),
        ],
        new Map(Array.from({ length: supporters }, (_, i) => [100 + i, 1])),
      ).unsupported.map((u) => translatePhrase('cy', u.words));
    expect(whyLeftOut(2)).toEqual([
      'Dim cefnogwr â lle ar unrhyw bellter: mae’r 2 gefnogwr posibl o fewn 10 km, a phob ysgol sy’n perfformio’n uchel yn y cyfnod cynradd neu bob oed sydd ymhellach i ffwrdd, eisoes yn cefnogi cynifer o ysgolion ag angen cymorth ag sydd ganddynt le iddynt',
      'Dim cefnogwr â lle ar unrhyw bellter: does dim un o fewn 10 km, ac mae pob ysgol sy’n perfformio’n uchel yn y cyfnod cynradd neu bob oed sydd ymhellach i ffwrdd eisoes yn cefnogi cynifer o ysgolion ag angen cymorth ag sydd ganddi le iddynt',
    ]);
    expect(whyLeftOut(1)[0]).toContain('mae’r unig gefnogwr posibl o fewn 10 km, a phob ysgol');
    expect(whyLeftOut(3)[0]).toContain('mae’r 3 chefnogwr posibl');
    expect(whyLeftOut(6)[0]).toContain('mae’r 6 chefnogwr posibl');
    expect(whyLeftOut(7)[0]).toContain('mae’r 7 cefnogwr posibl');
    const lonely = allocate([school(1, 0, 3, { phase: 'middle' })]).unsupported[0]!;
    expect(lonely.text).toBe(
      'No high-performing middle, primary or secondary school has room to support another school, at any distance',
    );
    expect(translatePhrase('cy', lonely.words)).toBe(
      'Does gan yr un ysgol sy’n perfformio’n uchel yn y cyfnod canol, cynradd neu uwchradd le i gefnogi ysgol arall, ar unrhyw bellter',
    );
  });

  it('offers a supporter beyond the radius to a school whose supporters within it are all taken', () => {
    const crowded = allocate(
      [school(1, 0, 3), school(2, 1, 3), school(3, 0.5, 1), school(4, 30, 1), school(5, 31, 1)],
      new Map([[3, 1]]),
    );
    expect(crowded.summary).toMatchObject({ supported: 2, unsupported: 0, remote: 1, remoteNearerTaken: 1 });
    const remote = crowded.assignments.find((a) => a.remote)!;
    expect(remote.supporterUrn).toBe(4);
    expect(remote.reasons[0]).toMatch(/beyond your 10 km radius: the suitable partners nearer are all taken/);
  });

  it('moves a school to a supporter beyond its radius when that frees the only supporter another school can have', () => {
    // The secondary school (1) and the primary school (2) can both work with the all-through
    // school (3), the secondary school better; only it can also go to the secondary school 40 km
    // away (4), which its radius does not reach.
    const chain = allocate(
      [
        school(1, 1, 3, { phase: 'secondary' }),
        school(2, 0, 3),
        school(3, 1, 1, { phase: 'all-through' }),
        school(4, 40, 1, { phase: 'secondary' }),
      ],
      new Map([
        [3, 1],
        [4, 1],
      ]),
    );
    expect(chain.assignments.map((a) => [a.urn, a.supporterUrn, a.remote])).toEqual([
      [1, 4, true],
      [2, 3, false],
    ]);
  });

  it('gives the same result for the same data', () => {
    expect(allocate([...records].reverse(), new Map([[3, 1]]))).toEqual(result);
  });
});
