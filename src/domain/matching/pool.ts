import {
  SCHOOL_AREAS,
  SCHOOL_GROUPS,
  type Classification,
  type SchoolArea,
  type SchoolGroup,
} from '../classification/types.ts';
import type { LatLon, Phase, SchoolRecord } from '../school.ts';
import { buildSpatialIndex, type Coordinates, type SpatialIndex } from '../spatial-index.ts';
import { ByUrn, UrnPlaces } from '../by-urn.ts';
import { ClassificationsOnDemand, type ClassificationBrief } from '../classification/classify.ts';
import type { DeclaredFocus } from '../declarations.ts';
import { FOCUS_AREAS, type FocusArea } from '../focus-areas.ts';
import {
  areaStandings,
  levelColumns,
  measureStandingsInto,
  plainStandings,
  type AreaStandings,
} from './areas.ts';
import { contextAt, contextOf, type SchoolContext } from './context.ts';
import { GROUP_AT_STAGE, STAGE, type ScoreColumns } from './stages.ts';
import type { MatchingSettings } from './settings.ts';
import { WrittenOnDemand } from '../written-on-demand.ts';

/** What matching knows about one open school under one performance profile. */
export interface PartnerFacts {
  school: SchoolRecord;
  /** The school's location, here so that partitions index the facts themselves. */
  location: LatLon | null;
  /** The classification's group, read by every search. */
  group: SchoolGroup;
  /** The classification in full, with its reasons: written when first read. */
  readonly classification: Classification;
  /** The classification's `sufficientEvidence`, where it is known without writing the reasons. */
  readonly sufficientEvidence?: boolean;
  context: SchoolContext;
  /** Where the school is clearly strong or weak, area by area, with the evidence in words. */
  areas: AreaStandings;
  /** The areas of strength and weakness as bit sets over SCHOOL_AREAS, for quick comparison. */
  strengths: number;
  weaknesses: number;
  /** What the school declares it needs and offers, as bit sets over FOCUS_AREAS. */
  needs: number;
  offers: number;
  /** What the school says about its offer, in its own words; absent when it wrote none. */
  offerNote?: string;
}

/**
 * Whether the school was placed on enough evidence, its reasons written only where that is not
 * known without them: a school in need or high-performing was placed by a rule that held on its
 * evidence.
 */
export const sufficientEvidenceOf = (facts: PartnerFacts): boolean =>
  facts.group !== 'other' || (facts.sufficientEvidence ?? facts.classification.sufficientEvidence);

/**
 * What a search reads of every school in the pool, by its place: the columns it scores from, each
 * school's URN and coordinates (NaN without a location), and its context as contextOf's columns.
 */
export interface FactColumns extends ScoreColumns, Coordinates {
  urn: Int32Array;
  z: Float64Array;
  urban: Int8Array;
  /** The place of one of the pool's schools in the columns. */
  placeOf(facts: PartnerFacts): number;
  /**
   * The facts of the school at a place; none at a place the pool leaves out (a URN listed again
   * later, or a school without a classification), whose figures in the columns mean nothing.
   */
  factsAt(place: number): PartnerFacts | undefined;
}

export interface MatchingPool {
  facts: ReadonlyMap<number, PartnerFacts>;
  columns: FactColumns;
  /**
   * An index of the schools of one phase and group, built when first asked for: a search then
   * never walks schools that could not qualify.
   */
  partition(phase: Phase, group: SchoolGroup): SpatialIndex<PartnerFacts>;
}

/**
 * An index of some of the pool's schools for searches to walk, each school's place in the columns
 * beside it: a search scores its candidates from the columns.
 */
export const searchableIndex = (
  members: readonly PartnerFacts[],
  columns: Pick<FactColumns, 'placeOf' | 'lon' | 'lat'>,
): SpatialIndex<PartnerFacts> => buildSpatialIndex(members, columns.placeOf, columns);

const AREA_BIT = new Map<SchoolArea, number>(SCHOOL_AREAS.map((area, i) => [area, 1 << i]));

export function areaMask(areas: readonly { area: SchoolArea }[]): number {
  let mask = 0;
  for (const { area } of areas) mask |= AREA_BIT.get(area)!;
  return mask;
}

export function areasOf(mask: number): SchoolArea[] {
  return SCHOOL_AREAS.filter((area) => (mask & AREA_BIT.get(area)!) !== 0);
}

const focusMask = (areas: readonly FocusArea[] = []) =>
  areas.reduce((mask, area) => mask | (1 << FOCUS_AREAS.indexOf(area)), 0);

export function focusAreasOf(mask: number): FocusArea[] {
  return FOCUS_AREAS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** The schools that can be matched, with their classifications under one profile; schools without a classification are left out. */
export function buildMatchingPool(
  schools: readonly SchoolRecord[],
  classifications: readonly Classification[] | ReadonlyMap<number, Classification>,
  declared: ReadonlyMap<number, DeclaredFocus> = new Map(),
): MatchingPool {
  return finish(matchingPoolSteps(schools, classifications, declared));
}

/** Runs steps to their end at once. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Schools worked on between two steps of a gradual build: a few milliseconds of work. */
const SCHOOLS_A_STEP = 500;

/** Does `work` for each index below `count`, pausing after every `SCHOOLS_A_STEP` of them. */
export function* countedSteps(count: number, work: (index: number) => void): Generator<void, void> {
  for (let from = 0; from < count; from += SCHOOLS_A_STEP) {
    const to = Math.min(count, from + SCHOOLS_A_STEP);
    for (let i = from; i < to; i++) work(i);
    yield;
  }
}

/** Does `work` for each item, pausing after every `SCHOOLS_A_STEP` of them. */
export const inSteps = <T>(items: readonly T[], work: (item: T, index: number) => void) =>
  countedSteps(items.length, (i) => work(items[i]!, i));

/**
 * `buildMatchingPool` in steps of `SCHOOLS_A_STEP` schools, so that a service rebuilding its
 * snapshot can answer requests between them.
 */
export function* matchingPoolSteps(
  schools: readonly SchoolRecord[],
  classifications: readonly Classification[] | ReadonlyMap<number, Classification>,
  declared: ReadonlyMap<number, DeclaredFocus> = new Map(),
): Generator<void, MatchingPool> {
  // The snapshot passes the classifications by URN that it keeps anyway; a list is indexed here.
  const byUrn: ReadonlyMap<number, Classification> =
    classifications instanceof Map || classifications instanceof ClassificationsOnDemand
      ? classifications
      : new Map((classifications as readonly Classification[]).map((c) => [c.urn, c]));
  // Classifications written on demand give their group and evidence without the words.
  const briefOf: (urn: number) => ClassificationBrief | undefined =
    byUrn instanceof ClassificationsOnDemand ? (urn) => byUrn.brief(urn) : (urn) => byUrn.get(urn);
  const { z, urban } = contextOf(schools);
  const levels = levelColumns(schools.length);
  const n = schools.length;
  const columns: FactColumns = {
    stage: new Uint8Array(n),
    strengths: new Int32Array(n),
    weaknesses: new Int32Array(n),
    needs: new Int32Array(n),
    offers: new Int32Array(n),
    levels: levels.column,
    urn: new Int32Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    z,
    urban,
    placeOf: (facts) => (facts as Facts).place,
    factsAt: (place) => held[place],
  };
  // Each school's facts at its place, by URN through the classifications' own index when they have one.
  const places = byUrn instanceof ClassificationsOnDemand ? byUrn.places : new UrnPlaces(schools);
  const held = new Array<PartnerFacts | undefined>(schools.length);
  const areas = new WrittenOnDemand<AreaStandings>(n, (k) => {
    const school = held[k]!.school;
    return areaStandings(school, briefOf(school.urn)!, levels.of(k));
  });
  const sufficientEvidence: (urn: number) => boolean =
    byUrn instanceof ClassificationsOnDemand
      ? (urn) => byUrn.sufficientEvidence(urn)!
      : (urn) => byUrn.get(urn)!.sufficientEvidence;
  const poolHeld: PoolHeld = { classifications: byUrn, sufficientEvidence, areas, columns };
  let gaps = false;
  // The work of each step is a plain function: a generator's own body is compiled less well.
  const add = (school: SchoolRecord, k: number) => {
    // A URN listed twice is held once, as the later.
    if (places.get(school.urn) !== k) return;
    const brief = briefOf(school.urn);
    if (!brief) {
      gaps = true;
      return;
    }
    // Only the levels and bit sets are written here: a school's standings are made when read.
    measureStandingsInto(columns, k, school, brief);
    const focus = declared.get(school.urn);
    columns.stage[k] = STAGE[brief.group];
    columns.needs[k] = focusMask(focus?.needs);
    columns.offers[k] = focusMask(focus?.offers);
    columns.urn[k] = school.urn;
    columns.lon[k] = school.location?.lon ?? Number.NaN;
    columns.lat[k] = school.location?.lat ?? Number.NaN;
    held[k] = new Facts(k, school, poolHeld, focus?.offerNote);
  };
  yield* inSteps(schools, add);
  const facts = new ByUrn(places, (i) => held[i], gaps);
  // Every partition's members sorted out and its index built between turns too, in the order of
  // the URNs' places: built by the first search for it instead, they held that request up (about
  // 0.1 s at 150,000 schools, after every rebuild).
  const members = new Map<Phase, Record<SchoolGroup, PartnerFacts[]>>();
  yield* countedSteps(places.size, (k) => {
    const f = held[places.placeAt(k)];
    if (!f) return;
    let lists = members.get(f.school.phase);
    if (!lists) members.set(f.school.phase, (lists = { 'in-need': [], 'high-performing': [], other: [] }));
    lists[f.group].push(f);
  });
  const partitions = new Map<Phase, Record<SchoolGroup, SpatialIndex<PartnerFacts>>>();
  for (const [phase, lists] of members) {
    const built = {} as Record<SchoolGroup, SpatialIndex<PartnerFacts>>;
    for (const group of SCHOOL_GROUPS) {
      built[group] = searchableIndex(lists[group], columns);
      yield;
    }
    partitions.set(phase, built);
  }
  const nothing = buildSpatialIndex<PartnerFacts>([]);
  const partition = (phase: Phase, group: SchoolGroup) => partitions.get(phase)?.[group] ?? nothing;
  return { facts, columns, partition };
}

/** What the facts of a pool share: where each school's classification, levels and context are held. */
interface PoolHeld {
  classifications: ReadonlyMap<number, Classification>;
  /** Whether a school was placed on enough evidence, known without writing its reasons. */
  sufficientEvidence: (urn: number) => boolean;
  /** Each school's standings by area, by place. */
  areas: WrittenOnDemand<AreaStandings>;
  columns: FactColumns;
}

/**
 * One school's facts, read from the pool's columns at its place: its group, bit sets and location
 * are not held again for each school, and its classification, standings and context are made
 * when first asked for (a search reads the columns, so most schools' never are).
 */
class Facts implements PartnerFacts {
  /** The school's place in the pool's columns. */
  readonly place: number;
  readonly school: SchoolRecord;
  // Left out when there is none, so a pool's facts are as they were before notes existed.
  declare readonly offerNote?: string;
  readonly #held: PoolHeld;
  #context: SchoolContext | undefined;

  constructor(place: number, school: SchoolRecord, held: PoolHeld, offerNote: string | null | undefined) {
    this.place = place;
    this.school = school;
    this.#held = held;
    if (offerNote) (this as { offerNote?: string }).offerNote = offerNote;
  }

  get location(): LatLon | null {
    return this.school.location;
  }

  get group(): SchoolGroup {
    return GROUP_AT_STAGE[this.#held.columns.stage[this.place]!]!;
  }

  get strengths(): number {
    return this.#held.columns.strengths[this.place]!;
  }

  get weaknesses(): number {
    return this.#held.columns.weaknesses[this.place]!;
  }

  get needs(): number {
    return this.#held.columns.needs[this.place]!;
  }

  get offers(): number {
    return this.#held.columns.offers[this.place]!;
  }

  get classification(): Classification {
    return this.#held.classifications.get(this.school.urn)!;
  }

  get sufficientEvidence(): boolean {
    return this.#held.sufficientEvidence(this.school.urn);
  }

  get areas(): AreaStandings {
    return this.#held.areas.get(this.place);
  }

  get context(): SchoolContext {
    const { z, urban } = this.#held.columns;
    return (this.#context ??= contextAt(z, urban, this.place));
  }

  /** Written as the facts always were: the classification in full, the group within it. */
  toJSON() {
    const { group: _group, ...facts } = plainFacts(this);
    return facts;
  }
}

/**
 * The facts as a plain object, with the classification written in: what crosses to another
 * thread (a structured clone copies own fields, not a class's getters).
 */
export function plainFacts(facts: PartnerFacts): PartnerFacts {
  const { school, location, group, context, areas, strengths, weaknesses, needs, offers, offerNote } = facts;
  return {
    school,
    location,
    classification: facts.classification,
    // A copy of the school's own figures: a clone of a view would copy the whole pool's column.
    context: { z: context.z.slice(), urban: context.urban },
    areas: plainStandings(areas),
    strengths,
    weaknesses,
    needs,
    offers,
    ...(offerNote ? { offerNote } : {}),
    group,
  };
}

/** How many partnerships each school can take on, and how many it has. */
export interface PartnerCapacity {
  capacityOf(urn: number): number;
  partnersOf(urn: number): number;
  /** Whether two schools are in a current partnership together. */
  partneredWith(a: number, b: number): boolean;
}

export function partnerCapacity(
  settings: Pick<MatchingSettings, 'defaultCapacity'>,
  declared: ReadonlyMap<number, number> = new Map(),
  partnered: ReadonlyMap<number, number> = new Map(),
  partners: ReadonlyMap<number, readonly number[]> = new Map(),
): PartnerCapacity {
  return {
    capacityOf: (urn) => declared.get(urn) ?? settings.defaultCapacity,
    partnersOf: (urn) => partnered.get(urn) ?? 0,
    partneredWith: (a, b) => partners.get(a)?.includes(b) ?? false,
  };
}
