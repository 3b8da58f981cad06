import { describe, expect, it } from 'vitest';
import { classifySchool, WALES_PROFILE } from '../../../../src/domain/classification/index.ts';
import { SHIPPED_PROFILES } from '../../../../src/domain/classification/profiles/index.ts';
import type { Reason } from '../../../../src/domain/classification/types.ts';
import type { Inspection, SchoolRecord } from '../../../../src/domain/school.ts';
import { phrasesIn, writePhrase, type Phrase } from '../../../../src/domain/words.ts';
import { catalogue, translatePhrase } from '../../../../src/i18n/index.ts';
import { FOCUS_AREAS } from '../../../../src/domain/focus-areas.ts';
import { findPartners } from '../../../../src/domain/matching/find-partners.ts';
import { DEFAULT_MATCHING_SETTINGS, STRATEGIES } from '../../../../src/domain/matching/settings.ts';
import { buildSnapshot } from '../../../../src/domain/snapshot.ts';
import { aSchool, anInspection, ks2Results, ks4Results } from '../../../builders/school-records.ts';
import { syntheticSchools } from '../../../builders/synthetic-schools.ts';

const asOf = '2026-11-24';

/** Welsh schools with each kind of Welsh evidence: judgements, follow-up, categorisation, none. */
const welshSchools: SchoolRecord[] = (
  [
    { estynJudgements: { standards: 3, wellbeing: 2, teaching: 2, care: 2, leadership: 2 } },
    { estynJudgements: { standards: 1, wellbeing: 2, teaching: 2, care: 1, leadership: 2 } },
    { estynFollowUp: 'significant improvement' as const, startDate: '2023-03-06' },
    { startDate: '2023-10-02' },
  ] as Partial<Inspection>[]
).map((inspection, i) =>
  aSchool({
    urn: 6812001 + i,
    country: 'Wales',
    categorisations: [
      { year: 2019, supportCategory: i === 3 ? 'amber' : 'green' },
      { year: 2018, supportCategory: 'green' },
    ],
    inspections: [
      anInspection({ era: 'estyn', overallEffectiveness: null, startDate: '2018-05-14', ...inspection }),
    ],
  }),
);

/** English schools each taking a path the synthetic ones may not: provisional results, a stale inspection, a rating without its date. */
const englishSchools: SchoolRecord[] = [
  aSchool({
    inspections: [anInspection({ overallEffectiveness: 2 })],
    performance: [
      ks2Results({
        status: 'provisional',
        year: 2024,
        readingProgress: 4.2,
        writingProgress: 3.9,
        mathsProgress: 4.5,
      }),
    ],
  }),
  aSchool({ inspections: [anInspection({ startDate: '2009-03-02', overallEffectiveness: 3 })] }),
  aSchool({ publishedRatings: [{ urn: 100000, overallEffectiveness: 3, asOf: '2024-08-31' }] }),
  aSchool({ phase: 'secondary', performance: [ks4Results({ progress8: -0.71, attainment8: 38.2 })] }),
  aSchool({ inspections: [anInspection({ overallEffectiveness: 4, category: 'special measures' })] }),
];

/** Every reason of every shipped profile over a few thousand schools. */
const reasons: Reason[] = SHIPPED_PROFILES.flatMap((profile) =>
  [...syntheticSchools(1500, 11), ...englishSchools, ...welshSchools].flatMap(
    (school) => classifySchool(school, profile, asOf).reasons,
  ),
);

const templatesIn = (words: Phrase): string[] => [...phrasesIn(words)].map((p) => p.template);

describe('the words of a classification’s reasons', () => {
  it('write, in English, exactly the reason’s text that the API gives, on a page as in the API', () => {
    expect(reasons.length).toBeGreaterThan(4000);
    for (const reason of reasons) {
      expect(writePhrase(reason.words)).toBe(reason.text);
      expect(translatePhrase('en', reason.words)).toBe(reason.text);
    }
  });

  it('are all in the Welsh catalogue, so no reason shows in English on a Welsh page', () => {
    const welsh = catalogue('cy').messages as Record<string, string>;
    const templates = new Set(reasons.flatMap((r) => templatesIn(r.words)));
    expect(templates.size).toBeGreaterThan(40);
    expect([...templates].filter((t) => welsh[t] === undefined)).toEqual([]);
  });

  it('read in Welsh: the rule, the measures it quotes, and the inspection, with Welsh months', () => {
    const school = aSchool({
      inspections: [anInspection({ startDate: '2024-03-14', overallEffectiveness: 3 })],
      performance: [ks2Results({ readingProgress: -6.1, writingProgress: 0.5, mathsProgress: -1 })],
    });
    const [reason] = classifySchool(school, SHIPPED_PROFILES[0]!, asOf).reasons;
    expect(reason!.text).toBe(
      'Requires improvement or inadequate at the latest inspection: Ofsted overall effectiveness Requires improvement (inspection of 14 March 2024)',
    );
    expect(translatePhrase('cy', reason!.words)).toBe(
      'Angen gwella neu annigonol yn yr arolygiad diweddaraf: effeithiolrwydd cyffredinol Ofsted: Angen gwella (arolygiad 14 Mawrth 2024)',
    );
    expect(translatePhrase('en', reason!.words)).toBe(reason!.text);
  });

  it('say in Welsh what evidence is missing, and the Welsh profile’s reasons', () => {
    const unknown = classifySchool(aSchool({ inspections: [] }), SHIPPED_PROFILES[0]!, asOf).reasons[0]!;
    expect(unknown.text).toBe(
      'Not enough evidence to decide: no inspection on record, no KS2 progress scores',
    );
    expect(translatePhrase('cy', unknown.words)).toBe(
      'Dim digon o dystiolaeth i benderfynu: dim arolygiad ar gofnod, dim sgoriau cynnydd CA2',
    );
    const [judged] = classifySchool(welshSchools[0]!, WALES_PROFILE, asOf).reasons;
    expect(translatePhrase('cy', judged!.words)).toBe(
      'Digonol neu anfoddhaol mewn o leiaf un maes yn ei harolygiad Estyn diweddaraf: barn Estyn isaf: Digonol (arolygiad 14 Mai 2018)',
    );
  });
});

describe('the words of partner search’s reasons for each candidate', () => {
  const schools = syntheticSchools(1500, 5).map((s, i) => ({
    ...s,
    trust: i % 4 === 0 ? `Trust ${i % 9}` : null,
  }));
  const declaredFocus = new Map(
    schools
      .filter((_, i) => i % 3 === 0)
      .map((s, i) => [
        s.urn,
        {
          needs: [FOCUS_AREAS[i % FOCUS_AREAS.length]!],
          offers: [FOCUS_AREAS[(i * 7) % FOCUS_AREAS.length]!],
        },
      ]),
  );
  const snapshot = buildSnapshot({
    schools,
    declaredCapacity: new Map(),
    partnerships: new Map(),
    partners: new Map(),
    declaredFocus,
    profiles: SHIPPED_PROFILES,
    defaultProfile: SHIPPED_PROFILES[0]!.name,
    asOf,
    settings: DEFAULT_MATCHING_SETTINGS,
  });
  const view = snapshot.view()!;
  const candidates = STRATEGIES.flatMap((strategy) =>
    schools.slice(0, 300).flatMap((s) => {
      const found = findPartners(
        view.pool,
        s.urn,
        { strategy, radiusKm: 15 },
        DEFAULT_MATCHING_SETTINGS,
        snapshot.capacity,
      );
      return found.ok ? found.candidates : [];
    }),
  );

  it('speak of the school searching as "you" and of a candidate called "they" as "they", standings and all', () => {
    const compared = candidates
      .flatMap((c) => c.reasons)
      .filter((r) => / weaker: /.test(r) && / other results/.test(r));
    const [yours, theirs] = ['your other results', 'their other results'].map((w) =>
      compared.filter((r) => r.includes(w)),
    );
    expect(yours!.length).toBeGreaterThan(10);
    expect(theirs!.length).toBeGreaterThan(10);
    for (const reason of compared) {
      const [strong, weak] = reason.split(/, where (?:yours is|they are) weaker: /);
      const [strongOf, weakOf] = reason.startsWith('you are strong') ? ['your', 'their'] : ['its', 'your'];
      expect(strong!.match(/(\w+) other results/)?.[1] ?? strongOf, reason).toBe(strongOf);
      expect(weak!.match(/(\w+) other results/)?.[1] ?? weakOf, reason).toBe(weakOf);
    }
  });

  it('write in English the reasons the API gives, and are all in the Welsh catalogue', () => {
    const words = candidates.flatMap((c) => c.reasonWords);
    expect(words.length).toBeGreaterThan(1000);
    expect(candidates.flatMap((c) => c.reasonWords.map((p) => writePhrase(p)))).toEqual(
      candidates.flatMap((c) => c.reasons),
    );
    // A page writes them through the catalogue: in English, the same text.
    expect(candidates.flatMap((c) => c.reasonWords.map((p) => translatePhrase('en', p)))).toEqual(
      candidates.flatMap((c) => c.reasons),
    );
    const welsh = catalogue('cy').messages as Record<string, string>;
    const templates = new Set(words.flatMap((w) => templatesIn(w)));
    expect(templates.size).toBeGreaterThan(30);
    expect([...templates].filter((t) => welsh[t] === undefined)).toEqual([]);
  });
});
