import { getSchoolDeclaration } from '../../data/declarations.ts';
import { listDeploymentsOf } from '../../data/deployments.ts';
import { getProfile, listPublishedProfiles } from '../../data/leaders.ts';
import { canEditSchool, type SessionUser } from '../../domain/access.ts';
import type { FocusArea } from '../../domain/focus-areas.ts';
import {
  matchLeaders,
  type LeaderCandidate,
  type LeaderMatch,
  type LeaderSearch,
} from '../../domain/leaders/matching.ts';
import type { SystemLeaderProfile } from '../../domain/leaders/profile.ts';
import type { Area, Phase } from '../../domain/school.ts';
import type { Snapshot } from '../../domain/snapshot.ts';
import { today, type AppContext } from '../context.ts';
import { fail, invalidField, ok, worded, type Result } from '../result.ts';
import { capacityOf, type LeaderCapacity } from './capacity.ts';
import type { LeaderQuery } from './query.ts';

/** A published profile as the directory lists it: the profile, its capacity and where it is. */
export type DirectoryLeader = LeaderCandidate & { profile: SystemLeaderProfile; capacity: LeaderCapacity };

type Ctx = Pick<AppContext, 'db' | 'snapshots' | 'now'>;

/** Every published profile, with days left and the location of the school each works from. */
export async function directory(ctx: Ctx, snapshot: Snapshot): Promise<DirectoryLeader[]> {
  const profiles = await listPublishedProfiles(ctx.db);
  const capacities = await capacityOf(ctx, profiles, today(ctx));
  return profiles.map((profile) => {
    const capacity = capacities.get(profile.id)!;
    return {
      id: profile.id,
      name: profile.name,
      designations: profile.designations,
      expertise: profile.expertise,
      phases: profile.phases,
      daysLeft: capacity.daysLeft,
      location: snapshot.byUrn.get(profile.urn)?.location ?? null,
      travelKm: profile.travelKm,
      worksRemotely: profile.worksRemotely,
      profile,
      capacity,
    };
  });
}

export interface LeaderSearchResult {
  near: { urn: number; name: string } | null;
  total: number;
  limit: number;
  offset: number;
  items: LeaderMatch<DirectoryLeader>[];
}

/** The directory searched: published profiles only, each with the reasons it matched. */
export async function findSystemLeaders(ctx: Ctx, query: LeaderQuery): Promise<Result<LeaderSearchResult>> {
  const snapshot = await ctx.snapshots.get();
  let near: LeaderSearch['near'];
  if (query.near !== undefined) {
    const school = snapshot.byUrn.get(query.near);
    if (!school)
      return invalidField(
        'near',
        worded('There is no open school with {{urn, schoolIdInSentence}}', { urn: query.near }),
      );
    near = { name: school.name, location: school.location };
  }
  const matches = matchLeaders(await directory(ctx, snapshot), {
    expertise: query.expertise,
    phase: query.phase,
    designation: query.designation,
    near,
    available: query.available,
  });
  return ok({
    near: query.near !== undefined ? { urn: query.near, name: near!.name } : null,
    total: matches.length,
    limit: query.limit,
    offset: query.offset,
    items: matches.slice(query.offset, query.offset + query.limit),
  });
}

/** The JSON answer of `GET /api/system-leaders` and `s2s system-leaders --json`. */
export function systemLeadersAnswer(result: LeaderSearchResult) {
  return {
    total: result.total,
    limit: result.limit,
    offset: result.offset,
    near: result.near,
    items: result.items.map(({ leader, distanceKm, reasons }) => ({
      ...leaderSummary(leader.profile, leader.capacity),
      ...(result.near ? { distanceKm } : {}),
      ...(reasons.length > 0 ? { reasons: reasons.map((r) => r.message) } : {}),
    })),
  };
}

/** What the directory says of one leader, in the API's words. */
export function leaderSummary(profile: SystemLeaderProfile, capacity: LeaderCapacity) {
  return {
    id: profile.id,
    name: profile.name,
    jobTitle: profile.jobTitle,
    school: { urn: profile.urn, name: profile.schoolName },
    designations: profile.designations,
    expertise: profile.expertise,
    phases: profile.phases,
    daysAvailable: capacity.daysLeft,
    travelKm: profile.travelKm,
    worksRemotely: profile.worksRemotely,
    example: profile.example,
  };
}

/**
 * A deployment the leader accepted through S2S (as its lead or a member of its team), as their public experience. The client school
 * did not publish anything, so it is described by its phase and area, not named; the scope and
 * costing stay between the parties.
 */
export interface DeploymentDone {
  days: number;
  start: string;
  end: string;
  /** The client school's phase and local authority, as much of them as is known. */
  school: { phase: Phase | null; localAuthority: Area | null };
}

async function deploymentsDone(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  profile: SystemLeaderProfile,
): Promise<DeploymentDone[]> {
  const snapshot = await ctx.snapshots.get();
  const mine = await listDeploymentsOf(ctx.db, { userId: profile.userId, urns: [], organisationIds: [] });
  // Their own place on each team, as its lead or a member, with their own days.
  return mine.flatMap((d) => {
    const place = d.team.find((m) => m.userId === profile.userId);
    if (place?.answer !== 'accepted') return [];
    const school = snapshot.byUrn.get(d.clientUrn);
    const phase = school && school.phase !== 'not-applicable' ? school.phase : null;
    const localAuthority = school?.localAuthority ?? null;
    return [{ days: place.days, start: d.start, end: d.end, school: { phase, localAuthority } }];
  });
}

/**
 * One profile: anyone may see a published one; a hidden one only its owner (to preview it).
 * Anyone else is told there is no such profile, so a hidden profile cannot be found by its number.
 */
export async function systemLeaderProfile(
  ctx: Pick<AppContext, 'db' | 'snapshots' | 'now'>,
  actor: SessionUser | null,
  id: number,
): Promise<
  Result<{
    profile: SystemLeaderProfile;
    capacity: LeaderCapacity;
    own: boolean;
    deployments: DeploymentDone[];
  }>
> {
  const profile = await getProfile(ctx.db, id);
  const own = !!actor && profile?.userId === actor.id;
  if (!profile || (!profile.publishedAt && !own))
    return fail('not-found', 'There is no published system leader with that number.');
  const capacity = (await capacityOf(ctx, [profile], today(ctx))).get(profile.id)!;
  return ok({ profile, capacity, own, deployments: await deploymentsDone(ctx, profile) });
}

/**
 * System leaders for what a school has said it needs, who work with its phase, reach it and
 * have days left. Its declared needs are its own: only its members see them used.
 */
export async function leadersForSchoolNeeds(
  ctx: Ctx,
  actor: SessionUser,
  urn: number,
): Promise<
  Result<{ school: { urn: number; name: string }; needs: FocusArea[]; result: LeaderSearchResult | null }>
> {
  const school = (await ctx.snapshots.get()).byUrn.get(urn);
  if (!school)
    return fail('not-found', worded('There is no open school with {{urn, schoolIdInSentence}}', { urn }));
  if (!canEditSchool(actor, urn))
    return fail('forbidden', 'Only the school’s own members see what it needs.');
  const needs = (await getSchoolDeclaration(ctx.db, urn))?.needs ?? [];
  const phase = school.phase === 'not-applicable' ? undefined : school.phase;
  const result =
    needs.length === 0
      ? null
      : await findSystemLeaders(ctx, {
          expertise: needs,
          phase,
          near: urn,
          available: true,
          limit: 100,
          offset: 0,
        });
  if (result && !result.ok) return result;
  return ok({ school: { urn, name: school.name }, needs, result: result?.value ?? null });
}
