import { allocateNationally, type Allocation } from './allocation/allocate.ts';
import { ClassificationsOnDemand, profileForSchool } from './classification/classify.ts';
import type { Classification, PerformanceProfile, ProfileRef, SchoolGroup } from './classification/types.ts';
import { ByUrn, UrnPlaces } from './by-urn.ts';
import { findPartners, type PartnerQuery, type PartnerSearch } from './matching/find-partners.ts';
import {
  finish,
  matchingPoolSteps,
  partnerCapacity,
  inSteps,
  type MatchingPool,
  type PartnerCapacity,
} from './matching/pool.ts';
import type { MatchingSettings } from './matching/settings.ts';
import type { DeclaredFocus } from './declarations.ts';
import type { Country, SchoolRecord } from './school.ts';
import { sponsorshipsBySchool, type Sponsorship, type SponsorshipsBySchool } from './sponsorship.ts';
import { buildSpatialIndex, type SpatialIndex } from './spatial-index.ts';
import { wordsOf } from './words.ts';

/** One profile's view of the registry: every school's classification and the matching pool. */
export interface ProfileView {
  profile: PerformanceProfile;
  classifications: ReadonlyMap<number, Classification>;
  groups: ReadonlyMap<number, SchoolGroup>;
  pool: MatchingPool;
  /** The profile that places a country's schools under this one (see profileForSchool). */
  placedBy(country: Country): PerformanceProfile;
  /** The national allocation under this profile, worked out once per snapshot. */
  allocation(): Allocation;
}

/**
 * Every open school with its evidence, held in memory so that classification, matching,
 * allocation and capacity answer in microseconds, the same for the web and the CLI.
 */
export interface Snapshot {
  /** The date the classifications are as at (yyyy-mm-dd). */
  asOf: string;
  schools: readonly SchoolRecord[];
  byUrn: ReadonlyMap<number, SchoolRecord>;
  /** Every located school, for a search near a place: built when first read. */
  readonly index: SpatialIndex<SchoolRecord>;
  settings: MatchingSettings;
  capacity: PartnerCapacity;
  profiles: readonly PerformanceProfile[];
  defaultProfile: string;
  /** The sponsorships recorded in S2S, by the schools they concern: built when first read. */
  readonly sponsorshipsBySchool: SponsorshipsBySchool;
  /** What it was built from: plain data, so that another thread can build the same snapshot. */
  input: SnapshotInput;
  /**
   * The named profile's view (the default when no name), or undefined for an unknown name. A
   * profile other than the default is classified the first time its view is asked for, all at once
   * (see `viewSteps`).
   */
  view(profileName?: string): ProfileView | undefined;
  /**
   * `view` a step at a time: each school classified under the profile, then its matching pool,
   * a few hundred schools a step, the first time; at once when the view is already built.
   */
  viewSteps(profileName?: string): Generator<void, ProfileView | undefined>;
}

export interface SnapshotInput {
  schools: readonly SchoolRecord[];
  profiles: readonly PerformanceProfile[];
  defaultProfile: string;
  asOf: string;
  settings: MatchingSettings;
  /** Declared capacity and current partnerships by URN; the settings' default otherwise. */
  declaredCapacity?: ReadonlyMap<number, number>;
  partnerships?: ReadonlyMap<number, number>;
  /** What each school declares it needs and offers, by URN. */
  declaredFocus?: ReadonlyMap<number, DeclaredFocus>;
  /** Each school's partners in current partnerships, by URN. */
  partners?: ReadonlyMap<number, readonly number[]>;
  /** Trusts and sponsor schools taking schools on, as recorded in S2S. */
  sponsorships?: readonly Sponsorship[];
}

export function buildSnapshot(input: SnapshotInput): Snapshot {
  return finish(snapshotSteps(input));
}

/**
 * `buildSnapshot` in steps of a few hundred schools: a service rebuilding its snapshot after a
 * change runs a step between requests, rather than holding every request for the second a
 * national rebuild takes.
 */
export function* snapshotSteps(input: SnapshotInput): Generator<void, Snapshot> {
  // Each URN's place in the schools: every map by URN of the snapshot is held by it.
  const places = new UrnPlaces(input.schools);
  const views = new Map<string, ProfileView>();
  const capacity = partnerCapacity(
    input.settings,
    input.declaredCapacity,
    input.partnerships,
    input.partners,
  );
  function* viewSteps(profile: PerformanceProfile): Generator<void, ProfileView> {
    // Each country's schools are placed by a profile written for that country's evidence; one
    // reference to each profile for all its classifications: they are many and it is the same.
    const ref: ProfileRef = { name: profile.name, version: profile.version };
    const others = [...input.profiles.filter((p) => p.name === input.defaultProfile), ...input.profiles];
    const byCountry = new Map(
      (['England', 'Wales'] as const).map((country) => {
        const p = profileForSchool(country, profile, others);
        return [country, { profile: p, ref: p === profile ? ref : { name: p.name, version: p.version } }];
      }),
    );
    // Every school's group now; the reasons in words when a school is shown.
    const classifications = new ClassificationsOnDemand(
      input.schools,
      places,
      profile,
      input.asOf,
      ref,
      byCountry,
    );
    yield* inSteps(input.schools, (_school, i) => classifications.add(i));
    const { groups } = classifications;
    const pool = yield* matchingPoolSteps(input.schools, classifications, input.declaredFocus);
    let allocation: Allocation | undefined;
    const built: ProfileView = {
      profile,
      classifications,
      groups,
      pool,
      placedBy: (country) => byCountry.get(country)!.profile,
      allocation: () => (allocation ??= allocateNationally(pool, input.settings, capacity)),
    };
    // Built meanwhile by another caller (asked for at once while this one went step by step):
    // the first stays, so everything kept for a view is kept once.
    const first = views.get(profile.name);
    if (first) return first;
    views.set(profile.name, built);
    return built;
  }
  function* namedViewSteps(name = input.defaultProfile): Generator<void, ProfileView | undefined> {
    const cached = views.get(name);
    if (cached) return cached;
    const profile = input.profiles.find((p) => p.name === name);
    return profile && (yield* viewSteps(profile));
  }
  const defaultProfile = input.profiles.find((p) => p.name === input.defaultProfile);
  if (!defaultProfile) {
    throw new Error(
      `The default performance profile "${input.defaultProfile}" is not among the profiles loaded`,
    );
  }
  yield* viewSteps(defaultProfile);
  let index: SpatialIndex<SchoolRecord> | undefined;
  let bySchool: SponsorshipsBySchool | undefined;
  return {
    asOf: input.asOf,
    schools: input.schools,
    byUrn: new ByUrn(places, (i) => input.schools[i]),
    // Only a search for schools near a place reads it: built then, not in every worker's snapshot.
    get index() {
      return (index ??= buildSpatialIndex(input.schools));
    },
    settings: input.settings,
    capacity,
    profiles: input.profiles,
    defaultProfile: input.defaultProfile,
    get sponsorshipsBySchool() {
      return (bySchool ??= sponsorshipsBySchool(input.sponsorships ?? []));
    },
    input,
    view: (name) => finish(namedViewSteps(name)),
    viewSteps: namedViewSteps,
  };
}

export type SnapshotPartnerSearch =
  | (PartnerSearch & { ok: true; profile: PerformanceProfile; placedBy: PerformanceProfile })
  | (PartnerSearch & { ok: false })
  | {
      ok: false;
      error: 'unknown-profile';
      message: string;
      template: string;
      values: Record<string, string>;
    };

/** One school's partners under a named profile: what the page, the API and the CLI all call. */
export function searchPartners(
  snapshot: Snapshot,
  urn: number,
  query: PartnerQuery,
  profileName?: string,
): SnapshotPartnerSearch {
  const view = snapshot.view(profileName);
  if (!view) return unknownProfile(snapshot, profileName);
  const result = findPartners(view.pool, urn, query, snapshot.settings, snapshot.capacity);
  return result.ok
    ? { ...result, profile: view.profile, placedBy: view.placedBy(result.school.school.country) }
    : result;
}

export function unknownProfile(snapshot: Snapshot, name: string | undefined) {
  const values = { name: String(name), known: snapshot.profiles.map((p) => p.name).join(', ') };
  return {
    ok: false as const,
    error: 'unknown-profile' as const,
    ...wordsOf('There is no performance profile called "{{name}}": choose one of {{known}}', values),
    values,
  };
}
