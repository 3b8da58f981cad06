import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { NFER_2017_PROFILE, SHIPPED_PROFILES } from '../../../src/domain/classification/profiles/index.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../../../src/domain/matching/settings.ts';
import { WORDS_KEPT } from '../../../src/domain/written-on-demand.ts';
import { buildSnapshot } from '../../../src/domain/snapshot.ts';
import { syntheticSchools } from '../../builders/synthetic-schools.ts';

// A full collection on demand, so that what the snapshot no longer holds is really taken back.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

const snapshot = buildSnapshot({
  schools: syntheticSchools(2 * WORDS_KEPT + 500, 7),
  profiles: SHIPPED_PROFILES,
  defaultProfile: NFER_2017_PROFILE.name,
  asOf: '2026-11-24',
  settings: DEFAULT_MATCHING_SETTINGS,
});
const view = snapshot.view()!;
const urns = snapshot.schools.map((s) => s.urn);

const read = (urn: number) =>
  (view.classifications.get(urn)!.reasons.at(0)?.text.length ?? 0) +
  (view.pool.facts.get(urn)?.areas.strengths.at(0)?.text.length ?? 0);

/**
 * Every other school's classification and standings read, so that the first is no longer among
 * the most recent; `every`: the first read again after each so many others.
 */
async function readAllBut(urn: number, every = Infinity) {
  let words = 0;
  for (const [i, other] of urns.entries()) {
    if (other === urn) continue;
    words += read(other);
    if (i % every === 0) read(urn);
  }
  expect(words).toBeGreaterThan(0);
  await nextTurn();
  collect();
}

const written = (urn: number) =>
  JSON.stringify({
    classification: view.classifications.get(urn),
    areas: view.pool.facts.get(urn)?.areas,
  });

describe("a school's words, written on demand and kept within bounds", () => {
  it('lets them go once no answer uses them, and writes them again the same', async () => {
    const urn = urns[3]!;
    const first = written(urn);
    const classification = new WeakRef(view.classifications.get(urn)!);
    const areas = new WeakRef(view.pool.facts.get(urn)!.areas);
    await readAllBut(urn);
    // Held for good, every school's words would stay until the snapshot was rebuilt.
    expect(classification.deref()).toBeUndefined();
    expect(areas.deref()).toBeUndefined();
    expect(written(urn)).toBe(first);
  });

  it('gives the same classification and standings while anything holds them', async () => {
    const urn = urns[4]!;
    const classification = view.classifications.get(urn);
    const areas = view.pool.facts.get(urn)!.areas;
    await readAllBut(urn);
    expect(view.classifications.get(urn)).toBe(classification);
    expect(view.pool.facts.get(urn)!.areas).toBe(areas);
  });

  it('keeps those read again and again while the rest come and go', async () => {
    const urn = urns[5]!;
    const classification = new WeakRef(view.classifications.get(urn)!);
    const areas = new WeakRef(view.pool.facts.get(urn)!.areas);
    await readAllBut(urn, WORDS_KEPT / 10);
    // A supporter that many searches show is not written again for each of them.
    expect(classification.deref()).toBe(view.classifications.get(urn));
    expect(areas.deref()).toBe(view.pool.facts.get(urn)!.areas);
  });
});
