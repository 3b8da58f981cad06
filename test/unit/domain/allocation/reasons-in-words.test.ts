import { describe, expect, it } from 'vitest';
import { explainAssignmentInWords } from '../../../../src/domain/allocation/index.ts';
import { SHIPPED_PROFILES } from '../../../../src/domain/classification/profiles/index.ts';
import { FOCUS_AREAS } from '../../../../src/domain/focus-areas.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../../../../src/domain/matching/settings.ts';
import { buildSnapshot } from '../../../../src/domain/snapshot.ts';
import { writePhrase } from '../../../../src/domain/words.ts';
import { syntheticSchools } from '../../../builders/synthetic-schools.ts';

/**
 * Generated schools in trusts, with declared capacities, partnerships and needs and offers, so
 * that a pairing's reasons take every turn: beyond the radius, the same trust, an offer met.
 */
function snapshotOf(n: number, seed: number) {
  const schools = syntheticSchools(n, seed).map((s, i) => ({
    ...s,
    trust: i % 5 === 0 ? `Trust ${i % 15}` : null,
  }));
  const declaredCapacity = new Map<number, number>();
  const partnerships = new Map<number, number>();
  const declaredFocus = new Map(
    schools
      .filter((_, i) => i % 6 === 1)
      .map((s, i) => [
        s.urn,
        {
          needs: [FOCUS_AREAS[i % FOCUS_AREAS.length]!],
          offers: [FOCUS_AREAS[(i * 7) % FOCUS_AREAS.length]!],
        },
      ]),
  );
  schools.forEach((s, i) => {
    if (i % 7 === 0) declaredCapacity.set(s.urn, 1 + (i % 3));
    if (i % 11 === 0) partnerships.set(s.urn, 1);
  });
  return buildSnapshot({
    schools,
    profiles: SHIPPED_PROFILES,
    defaultProfile: SHIPPED_PROFILES.find((p) => p.country !== 'Wales')!.name,
    asOf: '2026-11-24',
    settings: DEFAULT_MATCHING_SETTINGS,
    declaredCapacity,
    partnerships,
    declaredFocus,
  });
}

describe('a pairing’s reasons as phrases, for a page in Welsh', () => {
  it('say, written in English, what the allocation’s English reasons say, for every pairing', () => {
    const snapshot = snapshotOf(1500, 7);
    const view = snapshot.view()!;
    const { assignments } = view.allocation();
    expect(assignments.length).toBeGreaterThan(100);
    expect(assignments.some((a) => a.remote)).toBe(true);
    for (const a of assignments) {
      const words = explainAssignmentInWords(view.pool, snapshot.settings, snapshot.capacity, a);
      expect(
        words?.map((p) => writePhrase(p)),
        `URN ${a.urn}`,
      ).toEqual(a.reasons);
    }
  });

  it('are not written for a pairing whose schools are not in the pool', () => {
    const snapshot = snapshotOf(200, 3);
    const view = snapshot.view()!;
    const [a] = view.allocation().assignments;
    expect(
      explainAssignmentInWords(view.pool, snapshot.settings, snapshot.capacity, { ...a!, supporterUrn: -1 }),
    ).toBeUndefined();
  });
});
