import { grown } from '../columns.ts';
import { explainCandidateInWords } from '../matching/explain.ts';
import {
  rankCandidatesBeyond,
  rankCandidatesInto,
  type SearchScope,
  type TakeCandidate,
} from '../matching/find-partners.ts';
import {
  searchableIndex,
  type MatchingPool,
  type PartnerCapacity,
  type PartnerFacts,
} from '../matching/pool.ts';
import type { MatchingSettings } from '../matching/settings.ts';
import { STAGE } from '../matching/stages.ts';
import { PHASE_LABELS, type Phase } from '../school.ts';
import { allocateOptimally, openAllocation } from './min-cost-flow.ts';
import { mostSupportable } from './most-supportable.ts';
import type { AllocationProblem, AllocationSolution, Option, OptionList, Pairing } from './problem.ts';
import { withPairingWords, type PairingFacts, type PairingWords } from './crossing.ts';
import type { Allocation, Unsupported, UnsupportedReason } from './answer.ts';

export {
  UNSUPPORTED_REASONS,
  type Allocation,
  type Assignment,
  type Unsupported,
  type UnsupportedReason,
} from './answer.ts';
import { distanceKm, type SpatialIndex } from '../spatial-index.ts';
import { phrase, phraseList, writePhrase, type Phrase, type PhraseList } from '../words.ts';

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The candidates offered, or kept to offer, to every school in need, as typed columns: at 150,000
 * schools there are hundreds of thousands of them, and an object each (or a slot in a growing
 * array) kept the garbage collector busy copying them. A supporter's facts are looked up by URN
 * for the few pairings chosen.
 */
class Candidates {
  /**
   * URNs are at most seven digits (9,999,999, as imports check), so 32 bits hold them, as in the
   * pool's own column.
   */
  urn: Int32Array;
  distanceKm: Float64Array;
  score: Float64Array;
  /** Beyond the seeker's radius (1) or not (0). */
  remote: Uint8Array;
  length = 0;

  /** `expected`: about how many there will be, so that the columns seldom grow. */
  constructor(expected: number) {
    const n = Math.max(64, expected);
    this.urn = new Int32Array(n);
    this.distanceKm = new Float64Array(n);
    this.score = new Float64Array(n);
    this.remote = new Uint8Array(n);
  }

  private grow() {
    this.urn = grown(this.urn);
    this.distanceKm = grown(this.distanceKm);
    this.score = grown(this.score);
    this.remote = grown(this.remote);
  }

  /** The candidates a ranking hands over, added to the columns, as the range of their places. */
  range(rank: (take: TakeCandidate) => unknown, remote: boolean): Range {
    const from = this.length;
    rank((urn, distanceKm, score) => {
      if (this.length === this.urn.length) this.grow();
      const id = this.length++;
      this.urn[id] = urn;
      this.distanceKm[id] = distanceKm;
      this.score[id] = score;
      this.remote[id] = remote ? 1 : 0;
    });
    return { from, to: this.length };
  }

  /** The option a candidate stands for. */
  option(id: number): Option {
    return { supporter: this.urn[id]!, quality: this.quality(id), remote: this.remote[id] === 1 };
  }

  /** The allocation weighs a pairing's quality in 0–1; candidates score 0–100. */
  quality(id: number): number {
    return this.score[id]! / 100;
  }
}

/** Candidates from..to - 1, best first. */
interface Range {
  from: number;
  to: number;
}

/** Some of the candidates, by their places, as the options the allocation reads. */
class Offered implements OptionList {
  readonly #candidates: Candidates;
  readonly #ids: readonly number[];
  constructor(candidates: Candidates, ids: readonly number[]) {
    this.#candidates = candidates;
    this.#ids = ids;
  }
  get length() {
    return this.#ids.length;
  }
  supporter(k: number) {
    return this.#candidates.urn[this.#ids[k]!]!;
  }
  quality(k: number) {
    return this.#candidates.quality(this.#ids[k]!);
  }
  remote(k: number) {
    return this.#candidates.remote[this.#ids[k]!] === 1;
  }
}

/** One school in need on its way through the allocation. */
interface Seeker {
  facts: PartnerFacts;
  radiusKm: number;
  /** How many suitable supporters there are within the radius. */
  within: number;
  /**
   * Every one of them, best first: ranked only for a school once it is found without a
   * supporter (its first few are among its first options, which most schools are given).
   */
  local: Range | undefined;
  /** The candidates it is offered, in the order offered. */
  offered: number[];
  /**
   * The place among the candidates of each supporter it is offered, by URN: listed only once it is
   * offered more than its first options (a school paired through a group may be offered thousands).
   */
  offeredAt: Map<number, number> | undefined;
  /** The groups of supporters (by phase) it can work with. */
  anyOf: readonly Phase[];
  /** How many of the nearest supporters beyond the radius it has been offered. */
  ring: number;
  /**
   * The nearest supporters beyond the radius by ring size, as capacities stood at the start: kept
   * only for the few schools searched beyond their radius.
   */
  beyond: Map<number, Range> | undefined;
}

/**
 * A pairing's reasons as phrases, for a page to write in its reader's language: worked out again
 * from the pool for the few pairings a page shows, rather than kept for every school in need
 * (the supporter's room as it stood before the allocation).
 */
export function explainAssignmentInWords(
  pool: MatchingPool,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
  assignment: PairingFacts,
): Phrase[] | undefined {
  const school = pool.facts.get(assignment.urn);
  const supporter = pool.facts.get(assignment.supporterUrn);
  if (!school?.location || !supporter?.location) return undefined;
  return explainCandidateInWords('support', school, supporter, {
    distanceKm: distanceKm(school.location, supporter.location),
    remote: assignment.remote,
    radiusKm: settings.radiusKm[school.school.phase],
    spare: capacity.capacityOf(assignment.supporterUrn) - capacity.partnersOf(assignment.supporterUrn),
    nearerTaken: assignment.nearerTaken,
  });
}

/**
 * Names an allocation's pairings' schools and writes their reasons from the pool. Made here rather
 * than inline in `allocateNationally`, whose closures would keep its working columns alive as long
 * as the answer.
 */
export const pairingWords = (
  pool: MatchingPool,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
): PairingWords => ({
  nameOf: (urn) => pool.facts.get(urn)!.school.name,
  write: (pairing) => explainAssignmentInWords(pool, settings, capacity, pairing),
});

/** The phases that can support a school's, as alternatives: "primary or all-through". */
function phaseWords(settings: MatchingSettings, phase: Phase): PhraseList {
  return phraseList(
    settings.compatiblePhases[phase].map((p) => phrase(PHASE_LABELS[p].toLowerCase())),
    'or',
  );
}

/** A school in need left without a supporter, with why in words. */
const leftOut = (
  school: { urn: number; name: string },
  reason: UnsupportedReason,
  words: Phrase,
): Unsupported => ({
  urn: school.urn,
  name: school.name,
  reason,
  text: writePhrase(words),
  words,
});

// Latitude bands about 11 km high: narrower than most searches, so that the schools of one band
// and the next share most of their supporters.
const BAND_DEGREES = 0.1;

/**
 * The places of `schools` in the order their searches are best made in: band by band across the
 * map, west to east within a band, those without a location last. Schools near one another search
 * the same supporters, whose columns a search then finds still in the processor's cache: at
 * 150,000 generated schools the first searches took about twice as long in URN order. The flow
 * takes the schools in need in this order too, for the same reason: its first solution took a
 * third less time than in URN order. The order decides only where the first options allow
 * equally good solutions, which of two schools is left to be offered more, when either could be.
 */
function nearOneAnother(schools: readonly PartnerFacts[]): Int32Array {
  const band = new Float64Array(schools.length);
  const lon = new Float64Array(schools.length);
  schools.forEach(({ location }, k) => {
    band[k] = location ? Math.floor(location.lat / BAND_DEGREES) : Number.MAX_SAFE_INTEGER;
    lon[k] = location?.lon ?? 0;
  });
  return Int32Array.from(schools, (_, k) => k).sort(
    (a, b) => band[a]! - band[b]! || lon[a]! - lon[b]! || a - b,
  );
}

/**
 * What one national allocation works with: the question, the supporters with room, every
 * candidate offered, and each school in need on its way. The steps are functions of their own
 * rather than closures in one: V8 compiles a function again when a value it did not expect turns
 * up, and one function holding the whole allocation took up to a tenth of a second to compile,
 * again at each analysis.
 */
interface Work {
  pool: MatchingPool;
  settings: MatchingSettings;
  capacity: PartnerCapacity;
  scope: SearchScope;
  /** How many of the nearest beyond the radius a school left without a supporter is offered first. */
  ring: number;
  /** Every supporter with room, by phase, and its room. */
  groups: Map<Phase, number[]>;
  capacities: Map<number, number>;
  candidates: Candidates;
  seekers: Map<number, Seeker>;
  unsupported: Unsupported[];
  /** The groups a school of each phase can reach: the same for every school of the phase. */
  groupsOf: Map<Phase, readonly Phase[]>;
}

/**
 * The pool's schools by place (the registry's order) whose stage in the columns is `stage`, each
 * with its URN. Read from the columns one after another, where `pool.facts` goes through its table
 * by URN (two reads from scattered memory for every school) and reads each school's group through
 * its facts.
 */
function schoolsAtStage(
  pool: MatchingPool,
  stage: number,
  visit: (facts: PartnerFacts, urn: number) => void,
) {
  const { columns } = pool;
  for (let place = 0; place < columns.stage.length; place++) {
    if (columns.stage[place] !== stage) continue;
    const facts = columns.factsAt(place);
    if (facts) visit(facts, columns.urn[place]!);
  }
}

/** The schools in need, by URN. */
function schoolsInNeed(pool: MatchingPool): PartnerFacts[] {
  const inNeed: PartnerFacts[] = [];
  schoolsAtStage(pool, STAGE['in-need'], (facts) => inNeed.push(facts));
  // By URN: registries usually come so already, and checking costs less than sorting.
  if (!inNeed.every((f, i) => i === 0 || inNeed[i - 1]!.school.urn < f.school.urn)) {
    inNeed.sort((a, b) => a.school.urn - b.school.urn);
  }
  return inNeed;
}

/**
 * Every supporter with room, by phase: the groups through which a school in need can reach any
 * supporter it could work with, so that none is left out while one has room.
 */
function supportersWithRoom(pool: MatchingPool, capacity: PartnerCapacity) {
  const spareOf = (urn: number) => capacity.capacityOf(urn) - capacity.partnersOf(urn);
  const groups = new Map<Phase, number[]>();
  const capacities = new Map<number, number>();
  schoolsAtStage(pool, STAGE['high-performing'], (facts, urn) => {
    const spare = spareOf(urn);
    if (!facts.location || spare <= 0) return;
    const { phase } = facts.school;
    let members = groups.get(phase);
    if (!members) groups.set(phase, (members = []));
    members.push(urn);
    capacities.set(urn, spare);
  });
  for (const members of groups.values()) members.sort((a, b) => a - b);
  return { groups, capacities };
}

/** The groups of supporters with room that a school of `phase` can reach. */
function anyOf(work: Work, phase: Phase): readonly Phase[] {
  let found = work.groupsOf.get(phase);
  if (!found) {
    found = work.settings.compatiblePhases[phase].filter((p) => work.groups.has(p));
    work.groupsOf.set(phase, found);
  }
  return found;
}

/** A school in need's first options (or all of a remote school's ring), added to the candidates. */
function searchFirst(work: Work, urn: number) {
  // Only a school's first options are ranked at first: most schools take one of them.
  const options = Math.max(1, work.settings.allocationOptions);
  let ranking: ReturnType<typeof rankCandidatesInto> | undefined;
  const ranked = work.candidates.range(
    (take) => (ranking = rankCandidatesInto(work.scope, urn, options, take)),
    false,
  );
  return { ranking: ranking!, ranked };
}

/**
 * Each school in need searched and, with candidates, made a seeker, in the order of
 * nearOneAnother; the rest left out, with why.
 */
function seekersFrom(work: Work, inNeed: readonly PartnerFacts[]): void {
  const { settings, candidates } = work;
  for (const k of nearOneAnother(inNeed)) {
    const facts = inNeed[k]!;
    const { urn, phase } = facts.school;
    const { ranking, ranked } = searchFirst(work, urn);
    if (!ranking.ok) {
      work.unsupported.push(
        leftOut(
          facts.school,
          'no-location',
          phrase('No location on record, so no partner can be found by distance'),
        ),
      );
      continue;
    }
    const { radiusKm, within, remote, shown } = ranking;
    if (shown === 0) {
      work.unsupported.push(
        leftOut(
          facts.school,
          'no-candidate',
          phrase('No high-performing {{phases}} school has room to support another school, at any distance', {
            phases: phaseWords(settings, phase),
          }),
        ),
      );
      continue;
    }
    // A remote school's candidates are the wider ring beyond its radius, of which it is shown the first.
    if (remote) candidates.remote.fill(1, ranked.from, ranked.to);
    const seeker: Seeker = {
      facts,
      radiusKm,
      within,
      local: remote ? { from: 0, to: 0 } : undefined,
      offered: [],
      offeredAt: undefined,
      anyOf: anyOf(work, phase),
      ring: remote ? work.ring : 0,
      beyond: remote ? new Map([[work.ring, ranked]]) : undefined,
    };
    for (let id = ranked.from; id < ranked.from + Math.min(shown, settings.allocationOptions); id++) {
      seeker.offered.push(id);
    }
    work.seekers.set(urn, seeker);
  }
}

/** Offers the seeker candidates it has not been offered yet, and returns their places. */
function offer(candidates: Candidates, seeker: Seeker, { from, to }: Range): number[] {
  const added: number[] = [];
  const at = (seeker.offeredAt ??= new Map(seeker.offered.map((id) => [candidates.urn[id]!, id])));
  for (let id = from; id < to; id++) {
    const urn = candidates.urn[id]!;
    if (at.has(urn)) continue;
    at.set(urn, id);
    seeker.offered.push(id);
    added.push(id);
  }
  return added;
}

/** Every suitable supporter within a seeker's radius, best first, ranked when first needed. */
function localOf(work: Work, seeker: Seeker): Range {
  return (seeker.local ??= work.candidates.range(
    (take) => rankCandidatesInto(work.scope, seeker.facts.school.urn, Infinity, take),
    false,
  ));
}

/** The nearest supporters beyond a seeker's radius, as many as its ring: searched once a ring. */
function beyondOf(work: Work, seeker: Seeker): Range {
  // The same search each time the problem is solved again (and the one a remote school's
  // ranking already made): searched once.
  let beyond = seeker.beyond?.get(seeker.ring);
  if (!beyond) {
    const [urn, count] = [seeker.facts.school.urn, seeker.ring];
    beyond = work.candidates.range((take) => rankCandidatesBeyond(work.scope, urn, count, take), true);
    (seeker.beyond ??= new Map()).set(seeker.ring, beyond);
  }
  return beyond;
}

/** Offers a school more once it is found without a supporter; solved again for it alone. */
function solve(work: Work, everyoneReachesGroups: boolean): AllocationSolution {
  const { candidates, seekers } = work;
  const open = openAllocation({
    seekers: [...seekers.values()].map((s) => ({
      seeker: s.facts.school.urn,
      options: new Offered(candidates, s.offered),
      anyOf: everyoneReachesGroups ? s.anyOf : [],
    })),
    capacity: work.capacities,
    groups: work.groups,
  });
  for (const seeker of seekers.values()) {
    const urn = seeker.facts.school.urn;
    if (!open.isUnsupported(urn)) continue;
    seeker.ring = Math.max(seeker.ring, work.ring);
    const beyond = beyondOf(work, seeker);
    const more = [...offer(candidates, seeker, localOf(work, seeker)), ...offer(candidates, seeker, beyond)];
    open.offer(urn, new Offered(candidates, more), seeker.anyOf);
  }
  return open.solution();
}

/**
 * The solution, solved again with every school reaching its groups from the start when that
 * supports more. A school offered its groups late can miss a supporter that only another school's
 * move would free (a secondary school taking an all-through one a primary school needed): the
 * most the capacities allow at any distance tells.
 */
function solveForMost(work: Work): AllocationSolution {
  const solution = solve(work, false);
  const demand = new Map<Phase, number>();
  for (const s of work.seekers.values())
    demand.set(s.facts.school.phase, (demand.get(s.facts.school.phase) ?? 0) + 1);
  const supply = new Map(
    [...work.groups].map(([phase, members]) => [
      phase,
      members.reduce((n, urn) => n + work.capacities.get(urn)!, 0),
    ]),
  );
  const compatible = (a: Phase, b: Phase) => work.settings.compatiblePhases[a].includes(b);
  return solution.pairs.length < mostSupportable(demand, supply, compatible) ? solve(work, true) : solution;
}

/** The supporters with room left, by phase, as indexes to search. */
function supportersLeft(
  work: Work,
  left: ReadonlyMap<number, number>,
): Map<Phase, SpatialIndex<PartnerFacts>> {
  const indexes = new Map<Phase, SpatialIndex<PartnerFacts>>();
  for (const [phase, members] of work.groups) {
    const withRoom: PartnerFacts[] = [];
    for (const urn of members) if (left.get(urn)! > 0) withRoom.push(work.pool.facts.get(urn)!);
    indexes.set(phase, searchableIndex(withRoom, work.pool.columns));
  }
  return indexes;
}

/**
 * A school paired through a group takes a supporter with room; which one is chosen among them
 * alone, from the nearest with room left, widening until each has one of its own candidates.
 */
function pairThroughGroups(work: Work, solved: AllocationSolution): AllocationSolution {
  const { capacity, candidates, capacities, groups, seekers } = work;
  // The pairings kept so far, and each supporter's room left by them: each round adds the
  // pairings it solved other than through a group, and solves again for the rest.
  const kept: Pairing[] = [];
  // Every supporter paired is one with room (the flow's supporters are those of `capacities`).
  const left = new Map(capacities);
  let solvedLast = solved.pairs;
  for (;;) {
    const through: Seeker[] = [];
    for (const p of solvedLast) {
      if (p.throughGroup) {
        through.push(seekers.get(p.seeker)!);
        continue;
      }
      kept.push(p);
      left.set(p.supporter, left.get(p.supporter)! - 1);
    }
    if (through.length === 0) return { pairs: kept, unassigned: solved.unassigned };
    const room: PartnerCapacity = {
      ...capacity,
      // The pairings kept: the room a supporter had, less the room it has left.
      partnersOf: (urn) => capacity.partnersOf(urn) + (capacities.get(urn) ?? 0) - (left.get(urn) ?? 0),
    };
    const roomScope: SearchScope = {
      ...work.scope,
      capacity: room,
      highPerforming: supportersLeft(work, left),
    };
    const largestGroup = Math.max(...[...groups.values()].map((g) => g.length));
    // A loop rather than a callback: a closure made at each analysis is compiled again at each.
    const again: AllocationProblem['seekers'] = [];
    for (const seeker of through) {
      const urn = seeker.facts.school.urn;
      seeker.ring = seeker.ring * 4 >= largestGroup ? Infinity : Math.max(seeker.ring * 4, work.ring);
      // Gathered one by one into one list: a list of options left empty, spread into another,
      // made V8 compile the allocation again (its arrays differ in kind when empty).
      const options: Option[] = [];
      for (const id of seeker.offered) {
        const option = candidates.option(id);
        if (left.get(option.supporter)! > 0) options.push(option);
      }
      const count = seeker.ring;
      const beyond = candidates.range((take) => rankCandidatesBeyond(roomScope, urn, count, take), true);
      for (const id of offer(candidates, seeker, beyond)) options.push(candidates.option(id));
      again.push({ seeker: urn, options, anyOf: seeker.anyOf });
    }
    solvedLast = allocateOptimally({
      seekers: again,
      capacity: left,
      groups: new Map(
        [...groups].map(([phase, members]) => [phase, members.filter((urn) => left.get(urn)! > 0)]),
      ),
    }).pairs;
  }
}

/** A school in need left without a supporter because every one it could have is full, in words. */
function leftForCapacity(settings: MatchingSettings, seeker: Seeker): Unsupported {
  const n = seeker.within;
  const values = {
    radius: seeker.radiusKm,
    phases: phaseWords(settings, seeker.facts.school.phase),
  };
  // The count picks the catalogue's plural form in Welsh ("2 gefnogwr", "3 chefnogwr").
  const words =
    n === 0
      ? phrase(
          'No supporter with room at any distance: there is none within {{radius}} km, and every high-performing {{phases}} school further away already supports as many schools in need as it has room for',
          values,
        )
      : n === 1
        ? phrase(
            'No supporter with room at any distance: the one possible supporter within {{radius}} km, and every high-performing {{phases}} school further away, already support as many schools in need as they have room for',
            values,
          )
        : phrase(
            'No supporter with room at any distance: the {{count}} possible supporters within {{radius}} km, and every high-performing {{phases}} school further away, already support as many schools in need as they have room for',
            { ...values, count: n },
          );
  return leftOut(seeker.facts.school, 'capacity-taken', words);
}

/** The solution's pairings, by the seeker's URN, with the figures of the candidate each stands for. */
function pairingsOf(work: Work, solution: AllocationSolution): PairingFacts[] {
  const { candidates, seekers } = work;
  const pairings: PairingFacts[] = [];
  // Read in the order solved, which is mostly that of nearOneAnother, as the seekers and their
  // candidates were made: in URN order each was a read from memory the processor did not have at
  // hand (at 147,791 schools, about 20 ms of an analysis). Put in URN order once made.
  for (const { seeker: urn, supporter } of solution.pairs) {
    const seeker = seekers.get(urn)!;
    const id =
      seeker.offeredAt?.get(supporter) ??
      seeker.offered.find((offered) => candidates.urn[offered] === supporter)!;
    const remote = candidates.remote[id] === 1;
    pairings.push({
      urn,
      supporterUrn: supporter,
      distanceKm: round(candidates.distanceKm[id]!, 1),
      score: Math.round(candidates.score[id]!),
      remote,
      nearerTaken: remote && seeker.within > 0,
    });
  }
  return pairings.sort((a, b) => a.urn - b.urn);
}

/**
 * Pairs every school in need with a high-performing supporter at once: as many supported as
 * the supporters' spare capacity allows, at any distance; then as few beyond the radius as
 * possible; then the best total match. A school is offered its best candidates within its radius;
 * one left without a supporter (all taken, or none within) is offered the rest within it, the
 * nearest beyond it and, failing those, any supporter of a compatible phase that has room.
 * Deterministic for the same pool, settings and capacities.
 */
export function allocateNationally(
  pool: MatchingPool,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
): Allocation {
  const inNeed = schoolsInNeed(pool);
  const work: Work = {
    pool,
    settings,
    capacity,
    scope: { pool, query: { strategy: 'support' }, settings, capacity },
    ring: settings.remoteCandidates * 3,
    ...supportersWithRoom(pool, capacity),
    candidates: new Candidates(inNeed.length * Math.min(24, Math.max(1, settings.allocationOptions))),
    seekers: new Map(),
    unsupported: [],
    groupsOf: new Map(),
  };
  seekersFrom(work, inNeed);
  const solution = pairThroughGroups(work, solveForMost(work));
  for (const urn of solution.unassigned)
    work.unsupported.push(leftForCapacity(settings, work.seekers.get(urn)!));
  const assignments = pairingsOf(work, solution);
  const unsupported = work.unsupported.sort((a, b) => a.urn - b.urn);
  const remote = assignments.filter((a) => a.remote);
  return withPairingWords(
    {
      assignments,
      unsupported,
      summary: {
        inNeed: inNeed.length,
        supported: assignments.length,
        unsupported: unsupported.length,
        remote: remote.length,
        remoteNearerTaken: remote.filter((a) => a.nearerTaken).length,
        supporters: new Set(assignments.map((a) => a.supporterUrn)).size,
      },
    },
    pairingWords(pool, settings, capacity),
  );
}
