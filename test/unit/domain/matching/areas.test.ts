import { describe, expect, it } from 'vitest';
import { classifySchools, NFER_2017_PROFILE } from '../../../../src/domain/classification/index.ts';
import {
  areaStandings,
  buildMatchingPool,
  DEFAULT_MATCHING_SETTINGS,
  findPartners,
  partnerCapacity,
  reciprocalCoverage,
} from '../../../../src/domain/matching/index.ts';
import { plainStandings } from '../../../../src/domain/matching/areas.ts';
import type { FocusArea } from '../../../../src/domain/focus-areas.ts';
import type { SchoolRecord } from '../../../../src/domain/school.ts';
import { aSchool, anInspection, ks2Results, ks4Results } from '../../../builders/school-records.ts';

const asOf = '2026-11-24';
const origin = { lat: 53.8, lon: -1.55 };
const north = (km: number) => ({ lat: origin.lat + km / 111.195, lon: origin.lon });
const good = [anInspection({ overallEffectiveness: 2 })];
const ks2 = (readingProgress: number, writingProgress: number, mathsProgress: number) => [
  ks2Results({ readingProgress, writingProgress, mathsProgress }),
];

const school = (urn: number, km: number, overrides: Partial<SchoolRecord>) =>
  aSchool({ urn, name: `School ${urn}`, location: north(km), inspections: good, ...overrides });

function standings(record: SchoolRecord) {
  const [classification] = classifySchools([record], NFER_2017_PROFILE, asOf);
  const found = areaStandings(record, classification!);
  return {
    strong: found.strengths.map((s) => s.area),
    weak: found.weaknesses.map((s) => s.area),
    texts: [...found.strengths, ...found.weaknesses].map((s) => s.text),
    measured: found.measured,
  };
}

describe('strengths and weaknesses by area', () => {
  it('marks KS2 progress a margin above or below the national figure', () => {
    expect(standings(school(1, 0, { performance: ks2(1.5, 0.2, -1.4) }))).toMatchObject({
      strong: ['ks2-reading'],
      weak: ['ks2-maths'],
      measured: 3,
    });
  });

  it("marks an area well above or below the school's own other results, and says so", () => {
    const { strong, weak, texts } = standings(school(1, 0, { performance: ks2(0.5, -0.6, -3) }));
    expect(strong).toEqual(['ks2-reading']);
    expect(weak).toEqual(['ks2-maths']);
    expect(texts[0]).toBe(
      'KS2 reading progress +0.5 (national 0 for state-funded mainstream schools), well above its other results',
    );
  });

  it('reads KS4 Progress 8, Attainment 8 and English and maths against the published figures', () => {
    const { strong, weak, texts } = standings(
      school(1, 0, {
        phase: 'secondary',
        performance: [ks4Results({ progress8: 0.4, attainment8: 47, englishMaths5Percent: 30 })],
      }),
    );
    expect(strong).toEqual(['ks4-progress']);
    expect(weak).toEqual(['ks4-english-maths']);
    expect(texts[1]).toBe(
      '30% grade 5 or above in English and maths (national 43.2% for state-funded schools)',
    );
  });

  it('reads the Progress 8 elements when the results carry them', () => {
    const { strong, weak } = standings(
      school(1, 0, {
        phase: 'secondary',
        performance: [
          ks4Results({ progress8: 0, attainment8: 46.7, raw: { P8MEAENG: '0.6', P8MEAMAT: '-0.5' } }),
        ],
      }),
    );
    expect(strong).toEqual(['ks4-english']);
    expect(weak).toEqual(['ks4-maths']);
  });

  it('reads key judgements: outstanding a strength, below good a weakness', () => {
    const inspections = [
      anInspection({
        overallEffectiveness: 2,
        keyJudgements: { leadershipAndManagement: 1, qualityOfEducation: 2, behaviourAndAttitudes: 3 },
      }),
    ];
    expect(standings(school(1, 0, { inspections }))).toMatchObject({
      strong: ['leadership'],
      weak: ['behaviour'],
      measured: 3,
    });
  });

  it('keeps its words when written as JSON and when it crosses to another thread', () => {
    const record = school(1, 0, { performance: ks2(0.5, -0.6, -3) });
    const [classification] = classifySchools([record], NFER_2017_PROFILE, asOf);
    const found = areaStandings(record, classification!);
    const written = {
      area: 'ks2-reading',
      words: found.strengths[0]!.words,
      text: 'KS2 reading progress +0.5 (national 0 for state-funded mainstream schools), well above its other results',
    };
    expect(JSON.parse(JSON.stringify(found.strengths))).toEqual([JSON.parse(JSON.stringify(written))]);
    const crossed = structuredClone(plainStandings(found));
    expect(crossed.strengths).toEqual([written]);
    expect(crossed.weaknesses.map((s) => s.text)).toEqual([
      'KS2 maths progress −3.0 (national 0 for state-funded mainstream schools)',
    ]);
  });

  it("leaves a special school's results out: they are not measured against mainstream figures", () => {
    expect(standings(school(1, 0, { phase: 'special', performance: ks2(-4, -4, -4) })).measured).toBe(0);
  });
});

describe('reciprocal partners', () => {
  const settings = DEFAULT_MATCHING_SETTINGS;
  const reciprocal = (records: SchoolRecord[], urn: number) => {
    const pool = buildMatchingPool(records, classifySchools(records, NFER_2017_PROFILE, asOf));
    const result = findPartners(pool, urn, { strategy: 'reciprocal' }, settings, partnerCapacity(settings));
    if (!result.ok) throw new Error(result.message);
    return { pool, result };
  };

  it('pairs schools each strong where the other is weak, explained area by area', () => {
    const { result } = reciprocal(
      [
        school(1, 0, { performance: ks2(2, 0, -2) }), // strong reading, weak maths
        school(2, 1, { performance: ks2(-2, 0, 2) }), // the reverse
        school(3, 1, { performance: ks2(2, 1.5, 2) }), // weak nowhere: nothing to learn
      ],
      1,
    );
    expect(result.candidates.map((c) => c.urn)).toEqual([2]);
    expect(result.candidates[0]!.reasons).toEqual(
      expect.arrayContaining([
        'strong in KS2 maths: KS2 maths progress +2.0 (national 0 for state-funded mainstream schools), where yours is weaker: KS2 maths progress −2.0',
        'you are strong in KS2 reading: KS2 reading progress +2.0 (national 0 for state-funded mainstream schools), where they are weaker: KS2 reading progress −2.0',
      ]),
    );
  });

  it('does not pair a school with one that is strong for itself in an area but still behind it', () => {
    const { result } = reciprocal(
      [
        // Weak in maths, its reading well above its other results.
        school(1, 0, { performance: ks2(-1.5, -3, -4) }),
        // Strong in maths; its reading, weak, is still ahead of school 1's.
        school(2, 1, { performance: ks2(-1.2, 0.5, 2) }),
      ],
      1,
    );
    expect(result.candidates).toEqual([]);
  });

  it('counts the schools with per-area data that get a reciprocal partner, and why the rest do not', () => {
    const records = [
      school(1, 0, { performance: ks2(2, 0, -2) }),
      school(2, 1, { performance: ks2(-2, 0, 2) }),
      school(3, 1, { performance: ks2(2, 1.5, 2) }), // weak nowhere
      school(4, 1, { performance: ks2(-2, -2, -2) }), // strong nowhere
      school(5, 1, { performance: ks2(0, 0, 0) }), // neither
      school(6, 1, { performance: [] }), // no per-area data
    ];
    const { pool } = reciprocal(records, 1);
    expect(reciprocalCoverage(pool, settings, partnerCapacity(settings))).toEqual({
      withAreaData: 5,
      covered: 2,
      remote: 0,
      noStrengthOrWeakness: 1,
      noWeakness: 1,
      noStrength: 1,
      noComplement: 0,
    });
  });
});

describe('declared needs and offers, and the schools a school could support', () => {
  const settings = DEFAULT_MATCHING_SETTINGS;
  const inNeed = [anInspection({ overallEffectiveness: 3 })];
  const outstanding = [anInspection({ overallEffectiveness: 1 })];
  const search = (
    records: SchoolRecord[],
    urn: number,
    strategy: 'support' | 'offer-support',
    declared: [number, { needs: FocusArea[]; offers: FocusArea[]; offerNote?: string }][] = [],
    capacity = partnerCapacity(settings),
  ) => {
    const pool = buildMatchingPool(
      records,
      classifySchools(records, NFER_2017_PROFILE, asOf),
      new Map(declared),
    );
    const result = findPartners(pool, urn, { strategy }, settings, capacity);
    if (!result.ok) throw new Error(result.message);
    return result.candidates;
  };
  const seeker = school(1, 0, { inspections: inNeed, performance: ks2(0, 0, -2) });
  const a = school(2, 1, { inspections: outstanding, performance: ks2(0, 0, 0) });
  const b = school(3, 1, { inspections: outstanding, performance: ks2(0, 0, 0) });

  it('puts the school that offers what the school asks for first, tagged and explained', () => {
    const plain = search([seeker, a, b], 1, 'support');
    expect(plain.map((c) => c.urn)).toEqual([2, 3]);
    expect(plain[1]!.tags).toEqual([]);
    const declared = search([seeker, a, b], 1, 'support', [
      [1, { needs: ['numeracy', 'leadership'], offers: [] }],
      [3, { needs: [], offers: ['numeracy'] }],
    ]);
    expect(declared.map((c) => c.urn)).toEqual([3, 2]);
    expect(declared[0]!.tags).toEqual(['declared-need-met']);
    expect(declared[0]!.reasons).toContain(
      'Offers support in numeracy (mathematics), where you asked for support',
    );
    expect(declared[0]!.score).toBeGreaterThan(plain[1]!.score);
  });

  it('quotes the offering school’s note where its offer meets the need, and never the searching school’s own', () => {
    const note = 'Two specialist leaders in maths mastery';
    const found = search([seeker, a, b], 1, 'support', [
      [1, { needs: ['numeracy'], offers: [], offerNote: 'Our own note' }],
      [3, { needs: [], offers: ['numeracy'], offerNote: note }],
    ]);
    expect(found[0]!.reasons).toContain(
      `Offers support in numeracy (mathematics), where you asked for support: “${note}”`,
    );
    expect(found.flatMap((c) => c.reasons).join(' ')).not.toContain('Our own note');
    const supporterView = search([seeker, a, b], 3, 'offer-support', [
      [1, { needs: ['numeracy'], offers: [] }],
      [3, { needs: [], offers: ['numeracy'], offerNote: note }],
    ]);
    expect(supporterView[0]!.reasons).toContain(
      'Asks for support in numeracy (mathematics), which you offer',
    );
  });

  it('names the areas inside its sentence with their capitals: English, SEND and ALN', () => {
    const found = search([seeker, a, b], 1, 'support', [
      [1, { needs: ['literacy', 'send'], offers: [] }],
      [3, { needs: [], offers: ['literacy', 'send'] }],
    ]);
    expect(found[0]!.reasons).toContain(
      'Offers support in literacy (reading, writing, English) and special educational needs and disabilities (SEND) and additional learning needs (ALN), where you asked for support',
    );
  });

  it('finds schools in need a high-performing school could support, weak where it is strong', () => {
    const supporter = school(10, 0, { inspections: outstanding, performance: ks2(0, 0, 2.5) });
    const weakInMaths = school(11, 2, { inspections: inNeed, performance: ks2(0, 0, -2) });
    const weakInReading = school(12, 1, { inspections: inNeed, performance: ks2(-2, 0, 0) });
    const good = school(13, 1, { inspections: [anInspection({ overallEffectiveness: 2 })] });
    const found = search([supporter, weakInMaths, weakInReading, good], 10, 'offer-support', [
      [12, { needs: ['literacy'], offers: [] }],
      [10, { needs: [], offers: ['numeracy'] }],
    ]);
    expect(found.map((c) => c.urn)).toEqual([11, 12]);
    expect(found[0]!.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^In need of support: /),
        expect.stringMatching(/^you are strong in KS2 maths/),
        'Your school has capacity for 2 more partnerships',
      ]),
    );
    // What school 12 asks for (literacy) is not what the supporter offers: no tag.
    expect(found[1]!.tags).toEqual([]);
  });

  it('still shows a full supporter the schools it could support, saying it has no room', () => {
    const supporter = school(10, 0, { inspections: outstanding, performance: ks2(0, 0, 2.5) });
    const weak = school(11, 2, { inspections: inNeed, performance: ks2(0, 0, -2) });
    const full = partnerCapacity(settings, new Map([[10, 0]]));
    const [found] = search([supporter, weak], 10, 'offer-support', [], full);
    expect(found!.reasons.at(-1)).toBe('Your school has declared no room for another partnership at present');
  });
});
