import { describe, expect, it } from 'vitest';
import {
  NFER_2017_PROFILE,
  SHIPPED_PROFILES,
  WALES_PROFILE,
} from '../../../../src/domain/classification/profiles/index.ts';
import { sufficientEvidenceOf } from '../../../../src/domain/matching/pool.ts';
import { DEFAULT_MATCHING_SETTINGS, STRATEGIES } from '../../../../src/domain/matching/settings.ts';
import type { SchoolRecord } from '../../../../src/domain/school.ts';
import { buildSnapshot, searchPartners } from '../../../../src/domain/snapshot.ts';
import { syntheticSchools } from '../../../builders/synthetic-schools.ts';

// Some schools with no evidence at all, some with only an inspection too old to count or without
// their results, some of them in Wales: placed "other" for want of it, and by the Welsh profile
// whichever is asked for.
const schools: SchoolRecord[] = syntheticSchools(600, 3).map((s, i) => ({
  ...s,
  inspections:
    i % 9 === 4
      ? []
      : i % 7 === 2
        ? s.inspections.map((inspection) => ({ ...inspection, startDate: '2009-03-02' }))
        : s.inspections,
  performance: i % 9 === 4 || i % 5 === 1 ? [] : s.performance,
  country: i % 13 === 6 ? 'Wales' : s.country,
}));
const snapshot = buildSnapshot({
  schools,
  profiles: SHIPPED_PROFILES,
  defaultProfile: NFER_2017_PROFILE.name,
  asOf: '2026-11-24',
  settings: DEFAULT_MATCHING_SETTINGS,
});
const view = snapshot.view()!;

describe('a partner search without its reasons', () => {
  it('says whether each school was placed on enough evidence, as its classification does', () => {
    // Said before any school's classification is written in full, as a search without reasons says it.
    const briefly = [...view.pool.facts.values()].map((f) => sufficientEvidenceOf(f));
    const inFull = [...view.pool.facts.values()].map((f) => f.classification.sufficientEvidence);
    expect(briefly).toEqual(inFull);
    const others = [...view.pool.facts.values()].filter((f) => f.group === 'other');
    expect(new Set(others.map((f) => f.classification.sufficientEvidence))).toEqual(new Set([true, false]));
  });

  it('names the profile that placed the school, as its classification does', () => {
    const named = schools.map((s) => {
      const found = searchPartners(snapshot, s.urn, { strategy: 'support', explain: false });
      return found.ok && [found.placedBy.name, view.classifications.get(s.urn)!.profile.name];
    });
    expect(named.every((n) => n && n[0] === n[1])).toBe(true);
    expect(new Set(named.map((n) => n && n[0]))).toEqual(
      new Set([NFER_2017_PROFILE.name, WALES_PROFILE.name]),
    );
  });

  it('ranks and scores the same candidates, each without its reasons', () => {
    for (const strategy of STRATEGIES) {
      for (const s of schools.slice(0, 120)) {
        const explained = searchPartners(snapshot, s.urn, { strategy });
        const brief = searchPartners(snapshot, s.urn, { strategy, explain: false });
        if (!explained.ok || !brief.ok) {
          expect(brief.ok).toBe(explained.ok);
          continue;
        }
        expect(brief.candidates).toEqual(
          explained.candidates.map((c) => ({ ...c, reasons: [], reasonWords: [] })),
        );
      }
    }
  });
});
