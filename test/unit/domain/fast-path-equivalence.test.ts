import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capacity } from '../../../src/domain/capacity/capacity.ts';
import { classifySchools } from '../../../src/domain/classification/classify.ts';
import { SHIPPED_PROFILES } from '../../../src/domain/classification/profiles/index.ts';
import type { DeclaredFocus } from '../../../src/domain/declarations.ts';
import { FOCUS_AREAS } from '../../../src/domain/focus-areas.ts';
import { reciprocalCoverage } from '../../../src/domain/matching/coverage.ts';
import {
  findPartners,
  rankCandidates,
  type PartnerQuery,
} from '../../../src/domain/matching/find-partners.ts';
import { DEFAULT_MATCHING_SETTINGS, STRATEGIES } from '../../../src/domain/matching/settings.ts';
import type { SchoolRecord } from '../../../src/domain/school.ts';
import { buildSnapshot } from '../../../src/domain/snapshot.ts';
import { syntheticSchools } from '../../builders/synthetic-schools.ts';

/**
 * The national analysis was rebuilt for speed (issue 16): typed columns, lazily written reasons,
 * a bounded search. Its answers must not change. The digests in the golden file were taken from
 * the code as it was before (main at 10aeb22) on the datasets made here; every answer below must
 * hash to the same value. Never regenerate them to make this pass: a difference is a change of
 * behaviour, to be found and fixed (or, when deliberate, explained in the commit that records the
 * new digests).
 */
const golden: Record<string, Record<string, string>> = JSON.parse(
  readFileSync(new URL('./fast-path-equivalence.golden.json', import.meta.url), 'utf8'),
);

const asOf = '2026-11-24';
const settings = DEFAULT_MATCHING_SETTINGS;

/**
 * The bench's synthetic schools, roughened so every path is taken: some without a location or
 * context figures, in trusts, of other types, with declared needs, offers, capacities and
 * partnerships.
 */
function dataset(n: number, seed: number) {
  const schools: SchoolRecord[] = syntheticSchools(n, seed).map((s, i) => ({
    ...s,
    location: i % 97 === 5 ? null : s.location,
    pupils: i % 53 === 7 ? null : s.pupils,
    fsmPercent: i % 41 === 3 ? null : s.fsmPercent,
    urbanRural: i % 37 === 2 ? null : s.urbanRural,
    trust: i % 5 === 0 ? `Trust ${i % 15}` : null,
    typeName: i % 3 === 0 ? 'Community school' : s.typeName,
    typeGroup: i % 3 === 0 ? 'Local authority maintained schools' : s.typeGroup,
    inspections: i % 89 === 11 ? [] : s.inspections,
  }));
  const declaredCapacity = new Map<number, number>();
  const partnerships = new Map<number, number>();
  const partners = new Map<number, number[]>();
  const declaredFocus = new Map<number, DeclaredFocus>();
  schools.forEach((s, i) => {
    if (i % 7 === 0) declaredCapacity.set(s.urn, i % 4);
    if (i % 11 === 0) {
      const other = schools[(i * 31) % n]!.urn;
      partnerships.set(s.urn, 1);
      partners.set(s.urn, [other]);
    }
    if (i % 6 === 1) {
      declaredFocus.set(s.urn, {
        needs: [FOCUS_AREAS[i % FOCUS_AREAS.length]!],
        offers: [FOCUS_AREAS[(i * 7) % FOCUS_AREAS.length]!, FOCUS_AREAS[(i * 3) % FOCUS_AREAS.length]!],
      });
    }
  });
  return { schools, declaredCapacity, partnerships, partners, declaredFocus };
}

/**
 * Fields added to the answers since the digests were taken, which these datasets leave empty,
 * are left out, so that a new feature does not read as a change of the old answers.
 */
const ADDED_SINCE = new Set(['offerNote']);

/**
 * A reason, an area's standing and a candidate also carry, since the digests were taken, the
 * phrases their words were written from (`words`, `reasonWords`), so that a page can write them
 * in Welsh; their English words are the same.
 */
const PHRASES = new Set(['words', 'reasonWords']);

/**
 * A refusal as it was answered when the digests were taken: since then it also carries the
 * template and values it was worded from, so that each face can translate it; its words are the same.
 */
const asBefore = <T extends { ok: boolean }>(result: T) => {
  if (result.ok) return result;
  const {
    template: _template,
    values: _values,
    ...before
  } = result as T & { template?: string; values?: unknown };
  return before;
};

/**
 * A reason comparing two schools in an area, as it was worded when the digests were taken:
 * "strong in {{area}} ({{strong}}), where yours is weaker ({{weak}})". Since then it reads
 * "strong in {{area}}: {{strong}}, where yours is weaker: {{weak}}", no longer nesting brackets
 * three deep; the schools, areas and figures are the same. The weaker school's measures then
 * repeated the national figure the stronger's gave for the same measure; now it is said once.
 */
const COMPARED = /^((?:you are )?strong in [^:]+): (.+), where (yours is|they are) weaker: (.+)$/;
/** A measure's words and the national figure beside them: "KS2 maths progress +2.0 (national 0 for …)". */
const NOTED = /([^;(),]+?) \((national [^)]*)\)/g;
const VALUE = '[−+]?\\d+(?:[.,]\\d+)*';
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const withNationalFigures = (weak: string, strong: string) => {
  let written = weak;
  for (const [, words, note] of strong.matchAll(NOTED)) {
    // The measure without its value: "KS2 maths progress", "% grade 5 or above in English and maths".
    const percent = /^[\d.,]+(%.*)$/.exec(words!);
    const measure = percent
      ? `${VALUE}${escaped(percent[1]!)}`
      : `${escaped(words!.replace(/ \S+$/, ''))} ${VALUE}`;
    written = written.replace(new RegExp(`(${measure})(?!\\d| \\(national)`, 'g'), `$1 (${note})`);
  }
  return written;
};
/**
 * Measures in a row read against the same national figure, listed with the figure given once,
 * as they were each given it: "A, B and C (each against national 0 …)" as "A (national 0 …); B …".
 */
const SHARED = /([^;:(]+) \(each against (national [^)]*)\)/g;
const eachWithItsFigure = (text: string) =>
  text.replace(SHARED, (_, measures: string, note: string) =>
    measures
      .split(/, | and /)
      .map((measure) => `${measure} (${note})`)
      .join('; '),
  );
/** A standing against the other results was "its" whoever the reason spoke of; now "your" or "their". */
const asIts = (text: string) =>
  text.replace(/well (above|below) (?:your|their) other results/g, 'well $1 its other results');
const wordedAsBefore = (text: string) =>
  asIts(eachWithItsFigure(text)).replace(
    COMPARED,
    (_, head: string, strong: string, whose: string, weak: string) =>
      `${head} (${strong}), where ${whose} weaker (${withNationalFigures(weak, strong)})`,
  );

const digest = (value: unknown) =>
  createHash('sha256')
    .update(
      JSON.stringify(value, (key, v: unknown) =>
        (ADDED_SINCE.has(key) && v === null) || PHRASES.has(key)
          ? undefined
          : v instanceof Float64Array
            ? [...v]
            : typeof v === 'string'
              ? wordedAsBefore(v)
              : v,
      ),
    )
    .digest('hex');

/** Every answer the national analysis gives, section by section. */
function answers(n: number, seed: number): Record<string, unknown> {
  const data = dataset(n, seed);
  const snapshot = buildSnapshot({
    ...data,
    profiles: SHIPPED_PROFILES,
    defaultProfile: SHIPPED_PROFILES[0]!.name,
    asOf,
    settings,
  });
  const out: Record<string, unknown> = {};
  // The digests are of England's schools under England's profiles; the Welsh profile places none of them.
  for (const profile of SHIPPED_PROFILES.filter((p) => p.country !== 'Wales')) {
    const view = snapshot.view(profile.name)!;
    const key = profile.name;
    out[`${key}:classify`] = classifySchools(data.schools, profile, asOf);
    out[`${key}:classifications`] = [...view.classifications];
    out[`${key}:groups`] = [...view.groups];
    out[`${key}:facts`] = [...view.pool.facts.values()].map((f) => ({
      urn: f.school.urn,
      location: f.location,
      context: f.context,
      areas: f.areas,
      strengths: f.strengths,
      weaknesses: f.weaknesses,
      needs: f.needs,
      offers: f.offers,
    }));
    out[`${key}:allocation`] = view.allocation();
    out[`${key}:reciprocal`] = reciprocalCoverage(view.pool, settings, snapshot.capacity);
    const queries: PartnerQuery[] = [
      ...STRATEGIES.map((strategy) => ({ strategy })),
      { strategy: 'support', radiusKm: 3, limit: 50 },
      { strategy: 'peer', radiusKm: 40, limit: 5, excludePartnered: true },
      { strategy: 'support', type: 'community school' },
      { strategy: 'reciprocal', trust: 'Trust 5', radiusKm: 100 },
    ];
    for (const [q, query] of queries.entries()) {
      out[`${key}:partners:${q}`] = data.schools
        .filter((_, i) => i % 7 === q % 7)
        .map((s) => asBefore(findPartners(view.pool, s.urn, query, settings, snapshot.capacity)));
      out[`${key}:ranking:${q}`] = data.schools
        .filter((_, i) => i % 3 === q % 3)
        .map((s) => {
          const r = rankCandidates(view.pool, s.urn, query, settings, snapshot.capacity);
          return r.ok
            ? [
                r.radiusKm,
                r.remote,
                r.ranked.map((c) => [c.facts.school.urn, c.distanceKm, c.score, c.spare, c.parts]),
              ]
            : asBefore(r);
        });
    }
    out[`${key}:capacity`] = capacity(
      { schools: data.schools, groups: view.groups },
      { by: 'country', phase: null, radiusKm: (phase) => settings.radiusKm[phase] },
    );
  }
  out['unknown'] = [
    snapshot.view('no such profile'),
    asBefore(findPartners(snapshot.view()!.pool, 1, { strategy: 'support' }, settings, snapshot.capacity)),
  ];
  return out;
}

describe('the fast national analysis answers as the code before it did', () => {
  for (const [n, seed] of [
    [1200, 1],
    [2500, 2019],
  ] as const) {
    it(`on ${n} generated schools (seed ${seed})`, () => {
      const expected = golden[`${n}:${seed}`]!;
      const actual = Object.fromEntries(Object.entries(answers(n, seed)).map(([k, v]) => [k, digest(v)]));
      expect(Object.keys(actual).length).toBeGreaterThan(40);
      expect(actual).toEqual(expected);
    });
  }
});
