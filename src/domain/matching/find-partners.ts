import { grown } from '../columns.ts';
import type { SchoolGroup } from '../classification/types.ts';
import type { LatLon, Phase } from '../school.ts';
import type { LanguageMedium } from '../wales.ts';
import { wordsOf, writePhrase, type Phrase, type Words } from '../words.ts';
import { buildSpatialIndex, Hits, type SpatialIndex } from '../spatial-index.ts';
import { explainCandidateInWords } from './explain.ts';
import { contextSimilarityAt } from './context.ts';
import type { FactColumns, MatchingPool, PartnerCapacity, PartnerFacts } from './pool.ts';
import {
  candidateGroups,
  declaredFor,
  fitsStrategy,
  groupAloneDecidesFit,
  groupFits,
  scoreOf,
  strategyFit,
  type ScoreParts,
} from './score.ts';
import type { MatchingSettings, SupportStrategy } from './settings.ts';

export interface PartnerQuery {
  strategy: SupportStrategy;
  /** Overrides the radius for the school's phase. */
  radiusKm?: number;
  limit?: number;
  /** Only candidates of this establishment type or type group (as GIAS names them). */
  type?: string;
  /** Only candidates in this trust. */
  trust?: string;
  /** Leave out candidates that already have a partnership. */
  excludePartnered?: boolean;
  /** Only candidates in Wales that teach through this medium. */
  languageMedium?: LanguageMedium;
  /**
   * Look around this place rather than the school's own site (a school may want partners near a
   * town it works with): the radius and every distance are then measured from the place.
   */
  near?: { name: string; location: LatLon };
  /**
   * False: the candidates ranked and scored without their reasons (`reasons` and `reasonWords`
   * empty). Writing them is most of a search's work, and a client asking about many schools at
   * once may only want the ranking.
   */
  explain?: boolean;
}

export interface Candidate {
  urn: number;
  name: string;
  phase: Phase;
  group: SchoolGroup;
  distanceKm: number;
  /**
   * 0–100 on a fixed scale, higher a better match: the same pair scores the same whatever radius
   * was asked for, so scores compare across searches.
   */
  score: number;
  /** Beyond the radius: offered because nothing suitable is nearer. */
  remote: boolean;
  tags: CandidateTag[];
  reasons: string[];
  /** The same reasons as phrases, for a page to write in the reader's language. */
  reasonWords: Phrase[];
  parts: ScoreParts;
  location: LatLon;
}

/** Why no partners can be searched for, in English with the template each face translates. */
export interface PartnerSearchRefusal extends Words {
  ok: false;
  error: 'unknown-school' | 'no-location';
  values: Record<string, string | number>;
}

const refusal = (
  error: PartnerSearchRefusal['error'],
  template: string,
  values: PartnerSearchRefusal['values'],
): PartnerSearchRefusal => ({ ok: false, error, ...wordsOf(template, values), values });

export type PartnerSearch =
  { ok: true; school: PartnerFacts; radiusKm: number; candidates: Candidate[] } | PartnerSearchRefusal;

export const DEFAULT_CANDIDATE_LIMIT = 10;

/**
 * already-partners: in a current partnership with the searching school; in-partnership: in a
 * current partnership with another school; declared-need-met: one of the two declares it can
 * offer support in an area where the other declares it wants support.
 */
export const CANDIDATE_TAGS = ['already-partners', 'in-partnership', 'declared-need-met'] as const;
export type CandidateTag = (typeof CANDIDATE_TAGS)[number];
export const CANDIDATE_TAG_LABELS: Record<CandidateTag, string> = {
  'already-partners': 'Already partners with you',
  'in-partnership': 'In a partnership',
  'declared-need-met': 'Offers what is asked for',
};

export interface RankedCandidate {
  facts: PartnerFacts;
  distanceKm: number;
  parts: ScoreParts;
  /** 0–100 on the fixed scale (see Candidate.score). */
  score: number;
  spare: number;
}

export type Ranking =
  | {
      ok: true;
      school: PartnerFacts;
      radiusKm: number;
      remote: boolean;
      ranked: RankedCandidate[];
      /** How many suitable candidates there are within the radius, ranked or not (0 when remote). */
      within: number;
      /**
       * When remote, every candidate of the wider ring searched beyond the radius, best first (of
       * which `ranked` is the first few): what rankCandidatesBeyond finds for a ring of
       * `remoteCandidates * 3`, so the national allocation need not search again.
       */
      beyond?: RankedCandidate[];
    }
  | PartnerSearchRefusal;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * What a run of searches shares: the schools, the question asked of each, the settings and the
 * capacities (the national allocation asks the same of every school in need).
 */
export interface SearchScope {
  pool: MatchingPool;
  query: PartnerQuery;
  settings: MatchingSettings;
  capacity: PartnerCapacity;
  /**
   * The high-performing schools a search walks, by phase, in place of the pool's: those with
   * room, for the national allocation's searches once most nearby are full (each full one
   * measured and turned away made a search for the nearest with room cost the most).
   */
  highPerforming?: ReadonlyMap<Phase, SpatialIndex<PartnerFacts>>;
}

/** One partner search under way: the school, what it asked for, and how much has been scored. */
interface Search extends SearchScope {
  school: PartnerFacts;
  /** The pool's columns, and the school's place in them. */
  columns: FactColumns;
  place: number;
  urn: number;
  /** The query's establishment type, lower-cased once. */
  type: string | undefined;
  /** Where distances are measured from, how far, and the indexes walked. */
  point: LatLon;
  radiusKm: number;
  partitions: readonly SpatialIndex<PartnerFacts>[];
  /** How fast the distance part falls with distance: it halves every `halfScoreKm`. */
  decay: number;
  /** The searching school's own room for more partnerships (0 when it has none). */
  ownSpare: number;
  /** How many of the best candidates are kept; the rest are dropped unwritten. */
  keep: number;
  /** How many suitable candidates were scored, kept or not. */
  seen: number;
}

/**
 * The candidates a search keeps, as columns of numbers: scoring the schools in a radius makes no
 * object for any of them, and only those ranked are read out, once the search is over. One set
 * of columns serves every search in turn (a search runs to its end before another starts), so
 * the national allocation's thousands of searches leave next to nothing for the garbage collector.
 */
class Kept {
  /** Each candidate's place in the pool's columns. */
  place = new Int32Array(64);
  urn = new Float64Array(64);
  km = new Float64Array(64);
  score = new Float64Array(64);
  spare = new Float64Array(64);
  distance = new Float64Array(64);
  /** NaN where the two schools share no published characteristic (a context part of null). */
  context = new Float64Array(64);
  fit = new Float64Array(64);
  capacity = new Float64Array(64);
  /**
   * The slots in rank order once the search is over; while it keeps only its best few, a binary
   * heap with the one ranked last on top.
   */
  order = new Int32Array(64);
  length = 0;

  /**
   * The slot after the last, the columns doubled when it is past their end: where a candidate's
   * ranking figures go before it is known to make the list, so that it is compared by slot (a
   * figure passed to a function V8 does not inline is boxed, for every candidate of every search).
   */
  next(): number {
    if (this.length === this.order.length) {
      this.place = grown(this.place);
      this.urn = grown(this.urn);
      this.km = grown(this.km);
      this.score = grown(this.score);
      this.spare = grown(this.spare);
      this.distance = grown(this.distance);
      this.context = grown(this.context);
      this.fit = grown(this.fit);
      this.capacity = grown(this.capacity);
      this.order = grown(this.order);
    }
    return this.length;
  }
}

const kept = new Kept();

/**
 * Whether the candidate in slot `a` ranks before the one in `b`: the higher score, then the
 * nearer, then the lower URN. A total order (no school is found twice), so the best few are the
 * same whichever order the schools are met in.
 */
function ranksBefore(a: number, b: number): boolean {
  const score = kept.score[a]!;
  const other = kept.score[b]!;
  if (score !== other) return score > other;
  const km = kept.km[a]!;
  const otherKm = kept.km[b]!;
  return km !== otherKm ? km < otherKm : kept.urn[a]! < kept.urn[b]!;
}

// Module-level rather than closures in rankCandidates: the national allocation runs a search for
// every school in need, and these run for every school inside each radius.

/**
 * The candidate's spare capacity when it can be the searching school's partner at all (its own
 * school, other types and trusts, and full or already partnered schools cannot), else null.
 */
function spareOf(search: Search, k: number, urn: number): number | null {
  const { query, capacity, type } = search;
  if (urn === search.urn) return null;
  if (type || query.trust || query.languageMedium) {
    const s = search.columns.factsAt(k)!.school;
    if (type && s.typeName?.toLowerCase() !== type && s.typeGroup?.toLowerCase() !== type) return null;
    if (query.trust && s.trust !== query.trust) return null;
    if (query.languageMedium && s.languageMedium !== query.languageMedium) return null;
  }
  const partners = capacity.partnersOf(urn);
  if (query.excludePartnered && partners > 0) return null;
  // A school looking for schools to support gives its own room, whatever theirs.
  if (query.strategy === 'offer-support') return search.ownSpare;
  const spare = capacity.capacityOf(urn) - partners;
  return spare > 0 ? spare : null;
}

/**
 * Whether the candidate at place `k` of the pool's columns has room and fits the strategy. The
 * nearest beyond a radius are found by testing every school in a widening ring, and working out
 * each one's whole fit took two fifths of that search's time.
 */
function qualifies(search: Search, k: number): boolean {
  return (
    spareOf(search, k, search.columns.urn[k]!) !== null &&
    fitsStrategy(search.query.strategy, search.columns, search.place, k)
  );
}

/**
 * Scores the candidate at place `k` of the pool's columns at the distance `km[at]`: from the
 * columns, numbers, without reading its objects. The distance is read from a column, as a figure
 * passed to a function V8 does not inline is boxed: millions of objects an analysis.
 */
function consider(search: Search, k: number, km: Float64Array, at: number): void {
  const distanceKm = km[at]!;
  const { columns } = search;
  const urn = columns.urn[k]!;
  const spare = spareOf(search, k, urn);
  if (spare === null) return;
  const { strategy } = search.query;
  if (!groupFits(strategy, columns, search.place, k)) return;
  const distance = Math.exp(-search.decay * distanceKm);
  const context = contextSimilarityAt(columns.z, columns.urban, search.place, k);
  const capacity =
    strategy === 'offer-support'
      ? Math.min(1, spare)
      : Math.min(1, spare / Math.max(1, spare + search.capacity.partnersOf(urn)));
  const { weights } = search.settings;
  const full = kept.length >= search.keep;
  // A candidate that could not make the list even with the best fit there is (1) is counted
  // without working its fit out: the fit reads both schools' levels in every area they differ in,
  // and at national scale a fifth of the candidates are dropped here. Only where the fit cannot be
  // null once its group fits (groupAloneDecidesFit), so that the count stays exact.
  if (
    full &&
    groupAloneDecidesFit(strategy) &&
    weights.fit >= 0 &&
    100 * scoreOf(distance, context, 1, capacity, weights) < kept.score[kept.order[0]!]!
  ) {
    search.seen++;
    return;
  }
  const fit = strategyFit(strategy, columns, search.place, k);
  if (fit === null) return;
  const score = 100 * scoreOf(distance, context, fit, capacity, weights);
  search.seen++;
  let slot = kept.next();
  kept.urn[slot] = urn;
  kept.km[slot] = distanceKm;
  kept.score[slot] = score;
  // A candidate that would not make the list is dropped before the rest is written for it; one
  // that would takes the slot of the one ranked last.
  if (full) {
    const last = kept.order[0]!;
    if (!ranksBefore(slot, last)) return;
    slot = last;
    kept.urn[slot] = urn;
    kept.km[slot] = distanceKm;
    kept.score[slot] = score;
  } else kept.length++;
  kept.place[slot] = k;
  kept.spare[slot] = spare;
  kept.distance[slot] = distance;
  kept.context[slot] = context ?? Number.NaN;
  kept.fit[slot] = fit;
  kept.capacity[slot] = capacity;
  if (search.keep === Infinity) kept.order[slot] = slot;
  else if (full) siftDown(slot);
  else siftUp(slot);
}

// The kept candidates' slots as a binary heap, the one ranked last at the top: a search shows the
// best ten of the hundreds in its radius, and the heap finds them without sorting them all.
function siftUp(added: number): void {
  const heap = kept.order;
  let i = added;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!ranksBefore(heap[parent]!, added)) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = added;
}

/**
 * Puts `added` in place of the top (the candidate ranked last), keeping the heap; or, with `at`
 * and `n`, in place of the entry at `at` of the heap's first `n`.
 */
function siftDown(added: number, at = 0, n = kept.length): void {
  const heap = kept.order;
  let i = at;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && ranksBefore(heap[child]!, heap[child + 1]!)) child++;
    if (!ranksBefore(added, heap[child]!)) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = added;
}

/**
 * Puts the kept candidates' slots in rank order, best first, in place (a heap sort: nothing is
 * allocated), and returns how many there are.
 */
function rankKept(): number {
  const heap = kept.order;
  const n = kept.length;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(heap[i]!, i, n);
  // The one ranked last goes to the end, then the one before it, and so on.
  for (let end = n - 1; end > 0; end--) {
    const last = heap[end]!;
    heap[end] = heap[0]!;
    siftDown(last, 0, end);
  }
  return n;
}

/**
 * Receives a ranking's candidates one at a time, best first, with no object made for each: by URN,
 * read from the search's columns rather than through each candidate's facts.
 */
export type TakeCandidate = (urn: number, distanceKm: number, score: number) => void;

/** Hands the kept candidates to `take`, best first (the next search reuses the columns). */
function readOut(take: (slot: number) => void): number {
  const n = rankKept();
  for (let i = 0; i < n; i++) take(kept.order[i]!);
  return n;
}

function candidateAt(columns: FactColumns, slot: number): RankedCandidate {
  const context = kept.context[slot]!;
  return {
    facts: columns.factsAt(kept.place[slot]!)!,
    distanceKm: kept.km[slot]!,
    parts: {
      distance: kept.distance[slot]!,
      context: Number.isNaN(context) ? null : context,
      fit: kept.fit[slot]!,
      capacity: kept.capacity[slot]!,
    },
    score: kept.score[slot]!,
    spare: kept.spare[slot]!,
  };
}

const handTo = (take: TakeCandidate) => (slot: number) =>
  take(kept.urn[slot]!, kept.km[slot]!, kept.score[slot]!);

// What a search's radius, or a ring beyond it, holds: reused by every search in turn, as each reads
// its hits before it measures again, and runs to its end before another starts.
const hits = new Hits();
// A candidate beyond the radius has its distance already measured: handed to `consider` in a column too.
const nearestKm = new Float64Array(1);

/** A school found by distance, by its place in the pool's columns. */
interface Nearest {
  place: number;
  distanceKm: number;
}

/**
 * How much wider the next ring is than the last: where the rings so far found some, wide enough to
 * hold all that are wanted at the density they found, and a tenth more (a quarter wider at least,
 * twice at most); twice as wide where they found none. Doubled each time, the last ring held three
 * times the schools wanted (at 21,708 schools, 28 for the 9 a remote school is offered), and each
 * was measured and tested.
 */
function widening(found: number, limit: number): number {
  if (found === 0) return 2;
  return Math.min(2, Math.max(1.25, 1.1 * Math.sqrt(limit / found)));
}

// Half the Earth's circumference: a search this wide takes in every school.
const WHOLE_EARTH_KM = 20_050;

/**
 * The `limit` nearest qualifying schools beyond `radiusKm` (the nearer, then the lower URN, where
 * more are as near), in no particular order: found by widening a ring search until enough turn
 * up, cheaper than a nearest-neighbour walk, and exact, because every school outside the last
 * ring is further than every school inside it.
 */
function nearestBeyond(search: Search, limit: number): Nearest[] {
  const { partitions, point, radiusKm, columns } = search;
  const found: Nearest[] = [];
  // Each widening keeps what the rings before it found and tests only the schools it adds: where
  // the nearest supporters are all full, a search widens several times, and testing a school is
  // what costs.
  let inner = -Infinity;
  for (let reach = Math.max(2 * radiusKm, 10); ; inner = reach, reach *= widening(found.length, limit)) {
    for (const partition of partitions) {
      const n = partition.collectWithin(point, reach, hits);
      for (let i = 0; i < n; i++) {
        const place = partition.keyAt(hits.place[i]!);
        const distanceKm = hits.km[i]!;
        if (distanceKm > inner && distanceKm >= radiusKm && qualifies(search, place))
          found.push({ place, distanceKm });
      }
    }
    if (found.length >= limit || reach >= WHOLE_EARTH_KM) break;
  }
  // Sorted only to choose among them: they are scored and ranked by score afterwards. A school
  // left without a supporter is offered every one with room, at any distance: thousands, sorted
  // for nothing.
  if (found.length <= limit) return found;
  // The comparison answers in whole numbers: a difference of distances, a fraction, is a new
  // object on the heap for each comparison the sort makes.
  return found
    .sort((a, b) =>
      a.distanceKm < b.distanceKm
        ? -1
        : a.distanceKm > b.distanceKm
          ? 1
          : columns.urn[a.place]! - columns.urn[b.place]!,
    )
    .slice(0, limit);
}

/**
 * The indexes a search walks, by the school's phase and group: the partitions of a compatible
 * phase and of a group the strategy can use, so that schools that could never qualify are not
 * even measured. Listed once per pool, settings and strategy, as every partner search asks with a
 * scope of its own (listing them was a fifth of partner search's instructions,
 * bench/instructions.ts); once per scope for a run of searches that walks its own high-performing
 * indexes (the national allocation's).
 */
type PartitionsByPhase = Map<Phase, Partial<Record<SchoolGroup, readonly SpatialIndex<PartnerFacts>[]>>>;
const partitionsByOwner = new WeakMap<
  object,
  WeakMap<MatchingSettings, Map<SupportStrategy, PartitionsByPhase>>
>();

const NONE = buildSpatialIndex<PartnerFacts>([]);

function partitionsByPhaseOf(scope: SearchScope): PartitionsByPhase {
  const owner: object = scope.highPerforming ? scope : scope.pool;
  const { settings } = scope;
  const { strategy } = scope.query;
  let bySettings = partitionsByOwner.get(owner);
  if (!bySettings) partitionsByOwner.set(owner, (bySettings = new WeakMap()));
  let byStrategy = bySettings.get(settings);
  if (!byStrategy) bySettings.set(settings, (byStrategy = new Map<SupportStrategy, PartitionsByPhase>()));
  let byPhase = byStrategy.get(strategy);
  if (!byPhase) byStrategy.set(strategy, (byPhase = new Map() as PartitionsByPhase));
  return byPhase;
}

function partitionsFor(scope: SearchScope, school: PartnerFacts) {
  const { pool, query, settings } = scope;
  const byPhase = partitionsByPhaseOf(scope);
  const { phase } = school.school;
  let byGroup = byPhase.get(phase);
  if (!byGroup) byPhase.set(phase, (byGroup = {}));
  return (byGroup[school.group] ??= settings.compatiblePhases[phase].flatMap((p) =>
    candidateGroups(query.strategy, school.group).map((group) =>
      scope.highPerforming && group === 'high-performing'
        ? (scope.highPerforming.get(p) ?? NONE)
        : pool.partition(p, group),
    ),
  ));
}

/** A search's school, radius and the indexes it walks; or why there can be none. */
function startSearch(scope: SearchScope, urn: number, keep: number): Search | PartnerSearchRefusal {
  const { pool, query, settings, capacity } = scope;
  const school = pool.facts.get(urn);
  if (!school) return refusal('unknown-school', 'No open school with {{urn, schoolIdInSentence}}', { urn });
  const point = query.near?.location ?? school.location;
  if (!point) {
    return refusal(
      'no-location',
      '{{name}} ({{urn, schoolId}}) has no location on record, so partners cannot be found by distance',
      {
        name: school.school.name,
        urn,
      },
    );
  }
  kept.length = 0;
  return {
    pool,
    query,
    settings,
    capacity,
    school,
    columns: pool.columns,
    place: pool.columns.placeOf(school),
    urn,
    type: query.type?.toLowerCase(),
    point,
    radiusKm: query.radiusKm ?? settings.radiusKm[school.school.phase],
    partitions: partitionsFor(scope, school),
    // The phase's usual radius, never the one asked for: a wider search adds candidates but
    // leaves every candidate's score as it was.
    decay: Math.LN2 / settings.radiusKm[school.school.phase],
    ownSpare: Math.max(0, capacity.capacityOf(urn) - capacity.partnersOf(urn)),
    keep,
    seen: 0,
  };
}

/**
 * The nearest suitable schools beyond a school's radius, by capacities, pool and search: the
 * outward search for a school with none within its radius, made once whether the national
 * allocation or the school's own partner search asks first. Only for searches that differ by
 * nothing but the school (no filter, no other place to look from, the phase's own radius), so
 * that what is kept is bounded by the schools, whatever radii people ask for.
 */
const outwardSearches = new WeakMap<PartnerCapacity, WeakMap<MatchingPool, Map<string, Nearest[]>>>();

function outwardKey(search: Search, ring: number): string | undefined {
  const { query } = search;
  const asked = query.type ?? query.trust ?? query.languageMedium ?? query.near ?? query.radiusKm;
  if (asked !== undefined || query.excludePartnered) return undefined;
  return `${search.school.school.urn} ${query.strategy} ${ring}`;
}

/** The outward searches made with a search's capacities and pool. */
function outwardSearchesOf({ capacity, pool }: Search): Map<string, Nearest[]> {
  let byPool = outwardSearches.get(capacity);
  if (!byPool) outwardSearches.set(capacity, (byPool = new WeakMap<MatchingPool, Map<string, Nearest[]>>()));
  let searched = byPool.get(pool);
  if (!searched) byPool.set(pool, (searched = new Map<string, Nearest[]>()));
  return searched;
}

/** Scores the `ring` nearest suitable candidates beyond the radius. */
function scoreBeyond(search: Search, ring: number): void {
  const key = outwardKey(search, ring);
  const searched = key === undefined ? undefined : outwardSearchesOf(search);
  let nearest = key === undefined ? undefined : searched!.get(key);
  if (!nearest) {
    nearest = nearestBeyond(search, ring);
    if (key !== undefined) searched!.set(key, nearest);
  }
  for (const n of nearest) {
    nearestKm[0] = n.distanceKm;
    consider(search, n.place, nearestKm, 0);
  }
}

/** A search's figures; its candidates are left in `kept`, to be read out before the next search. */
type Searched =
  | { ok: true; school: PartnerFacts; radiusKm: number; remote: boolean; within: number }
  | PartnerSearchRefusal;

/**
 * Scores every suitable candidate for a school: candidates of a compatible phase within the
 * radius or, when there are none, the nearest beyond it (remote), keeping the best `keep`.
 */
function runSearch(scope: SearchScope, urn: number, keep: number): Searched {
  const search = startSearch(scope, urn, keep);
  if (!('school' in search)) return search;
  const { point, radiusKm, partitions } = search;
  for (const partition of partitions) {
    const n = partition.collectWithin(point, radiusKm, hits);
    for (let i = 0; i < n; i++) consider(search, partition.keyAt(hits.place[i]!), hits.km, i);
  }
  const within = search.seen;
  const remote = within === 0;
  // A wider ring than will be shown, so the score, not just the distance, picks among them; all
  // of it ranked (a few schools), for the national allocation to offer when those shown are taken.
  if (remote) {
    search.keep = Infinity;
    scoreBeyond(search, scope.settings.remoteCandidates * 3);
  }
  return { ok: true, school: search.school, radiusKm, remote, within };
}

/**
 * Every suitable candidate for a school, best first, without the words: candidates of a
 * compatible phase within the radius or, when there are none, the nearest beyond it (remote).
 * Deterministic: ties go to the nearer school, then the lower URN. With `keep`, only that many
 * of the best are ranked (the same as the first `keep` of the full ranking).
 */
export function rankCandidates(
  pool: MatchingPool,
  urn: number,
  query: PartnerQuery,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
  keep = Infinity,
): Ranking {
  const found = runSearch({ pool, query, settings, capacity }, urn, keep);
  if (!found.ok) return found;
  const ranked: RankedCandidate[] = [];
  readOut((slot) => ranked.push(candidateAt(pool.columns, slot)));
  const { school, radiusKm, remote, within } = found;
  return {
    ok: true,
    school,
    radiusKm,
    remote,
    ranked: remote ? ranked.slice(0, Math.min(keep, settings.remoteCandidates)) : ranked,
    within,
    ...(remote ? { beyond: ranked } : {}),
  };
}

/**
 * `rankCandidates` for the national allocation, which keeps the candidates of thousands of
 * schools: each handed to `take`, best first, rather than made into an object. For a remote
 * school, every candidate of the wider ring (its `beyond`), of which the first `shown` are its
 * ranking; otherwise `shown` is every candidate handed over.
 */
export function rankCandidatesInto(
  scope: SearchScope,
  urn: number,
  keep: number,
  take: TakeCandidate,
): { ok: true; radiusKm: number; remote: boolean; within: number; shown: number } | PartnerSearchRefusal {
  const found = runSearch(scope, urn, keep);
  if (!found.ok) return found;
  const { radiusKm, remote, within } = found;
  const count = readOut(handTo(take));
  return {
    ok: true,
    radiusKm,
    remote,
    within,
    shown: remote ? Math.min(count, keep, scope.settings.remoteCandidates) : count,
  };
}

/**
 * The `count` nearest suitable candidates beyond the radius, best first, whether or not there are
 * any within it, handed to `take`: for the national allocation, when those within are all taken.
 * Returns how many there are.
 */
export function rankCandidatesBeyond(
  scope: SearchScope,
  urn: number,
  count: number,
  take: TakeCandidate,
): number {
  const search = startSearch(scope, urn, Infinity);
  if (!('school' in search)) return 0;
  scoreBeyond(search, count);
  return readOut(handTo(take));
}

function tagsOf(
  capacity: PartnerCapacity,
  strategy: SupportStrategy,
  school: PartnerFacts,
  candidate: PartnerFacts,
): CandidateTag[] {
  const tags: CandidateTag[] = [];
  const [urn, theirs] = [school.school.urn, candidate.school.urn];
  const together = capacity.partneredWith(urn, theirs);
  if (together) tags.push('already-partners');
  if (capacity.partnersOf(theirs) > (together ? 1 : 0)) tags.push('in-partnership');
  if (declaredFor(strategy, school, candidate).length > 0) tags.push('declared-need-met');
  return tags;
}

/**
 * Who a school could work with: the best candidates for a strategy, each with its score and
 * its reasons in plain English.
 */
export function findPartners(
  pool: MatchingPool,
  urn: number,
  query: PartnerQuery,
  settings: MatchingSettings,
  capacity: PartnerCapacity,
): PartnerSearch {
  const limit = query.limit ?? DEFAULT_CANDIDATE_LIMIT;
  // Only the candidates shown are ranked (a limit of none or below one leaves the list to slice).
  const ranking = rankCandidates(pool, urn, query, settings, capacity, limit >= 1 ? limit : Infinity);
  if (!ranking.ok) return ranking;
  const { school, radiusKm, remote } = ranking;
  return {
    ok: true,
    school,
    radiusKm,
    candidates: ranking.ranked.slice(0, limit).map((c) => {
      const reasonWords =
        query.explain === false
          ? []
          : explainCandidateInWords(query.strategy, school, c.facts, {
              distanceKm: c.distanceKm,
              remote,
              radiusKm,
              spare: c.spare,
              from: query.near?.name,
            });
      return {
        urn: c.facts.school.urn,
        name: c.facts.school.name,
        phase: c.facts.school.phase,
        group: c.facts.group,
        distanceKm: round(c.distanceKm, 1),
        score: Math.round(c.score),
        remote,
        tags: tagsOf(capacity, query.strategy, school, c.facts),
        reasons: reasonWords.map((p) => writePhrase(p)),
        reasonWords,
        parts: c.parts,
        location: c.facts.school.location!,
      };
    }),
  };
}
