import {
  areaOf,
  type CapacityArea,
  type CapacityGeography,
  type ReachBucket,
} from '../../domain/capacity/aggregate.ts';
import type { Translate } from '../../i18n/index.ts';
import { directory, type DirectoryLeader } from '../leaders/directory.ts';
import { isDatabaseUnavailable } from '../availability.ts';
import type { Area, Phase } from '../../domain/school.ts';
import type { AppContext } from '../context.ts';
import { profileView } from '../profiles.ts';
import { ok, type Result } from '../result.ts';
import type { CapacityQueryInput } from './query.ts';
import { classifiedRegistry, type ProfileSummary } from './registry-source.ts';

export interface CapacityResult {
  by: CapacityGeography;
  phase: Phase | null;
  /** The radius the user set, or null when each phase used its default. */
  radiusKm: number | null;
  /** Each phase's default radius, used where the user set none. */
  defaultRadiusKm: Readonly<Record<Phase, number>>;
  profile: ProfileSummary;
  areas: CapacityArea[];
  total: CapacityArea;
}

/** The radius the figures used, in the reader's words: the one set, the phase's default, or each phase's. */
export function radiusInWords(
  t: Translate,
  { radiusKm, phase, defaultRadiusKm }: Pick<CapacityResult, 'radiusKm' | 'phase' | 'defaultRadiusKm'>,
): string {
  if (radiusKm !== null) return `${radiusKm} km`;
  if (phase) return `${defaultRadiusKm[phase]} km`;
  return t('capacity.radiusEachDefault', defaultRadiusKm);
}

/** A band of the reach table in the reader's words: "0", "1 to 2", "11 or more". */
export function reachInWords(t: Translate, { min, max }: Pick<ReachBucket, 'min' | 'max'>): string {
  if (max === null) return t('capacity.bucketOrMore', { min });
  return min === max ? String(min) : t('capacity.bucketRange', { min, max });
}

/**
 * High-performing and in-need schools by area under a profile, as every face shows them. The
 * count within reach of each school in need is worked out in a worker thread (a radius is free
 * input, and the whole country takes long enough to hold up every other request); answers are
 * kept for the snapshot.
 */
export async function capacityFor(
  ctx: Pick<AppContext, 'snapshots' | 'compute'>,
  query: CapacityQueryInput,
): Promise<Result<CapacityResult>> {
  const found = await profileView(ctx, query.profile);
  if (!found.ok) return found;
  const { snapshot, view } = found.value;
  const registry = classifiedRegistry(snapshot, view);
  const phase = query.phase ?? null;
  const report = await ctx.compute.run(snapshot, {
    kind: 'capacity',
    profile: view.profile.name,
    by: query.by,
    phase,
    radiusKm: query.radiusKm,
  });
  return ok({
    by: query.by,
    phase,
    radiusKm: query.radiusKm ?? null,
    defaultRadiusKm: registry.radiusKm,
    profile: registry.profile,
    ...report,
  });
}

/** The JSON answer of `GET /api/capacity` and `s2s capacity --json`. */
export function capacityAnswer<R extends CapacityResult>({ by, phase, radiusKm, profile, total, areas }: R) {
  return { by, phase, radiusKm, profile, total, items: areas };
}
export type CapacityAnswer = ReturnType<typeof capacityAnswer>;

/**
 * Published system leaders in an area (where the school they work from is) and their days free;
 * null while the database is unreachable.
 */
export interface LeaderFigures {
  systemLeaders: number | null;
  systemLeaderDaysAvailable: number | null;
}

/** One published leader of the phase, where they work: the capacity table lists them as the map draws them. */
export interface ListedLeader {
  id: number;
  name: string;
  school: { urn: number; name: string };
  /** The area the leader's school is in, at the level asked for. */
  area: Area;
  daysAvailable: number;
  example: boolean;
}

/** A capacity result with the system leaders beside each area's schools, and in all. */
export type CapacityWithLeaders = Omit<CapacityResult, 'areas' | 'total'> & {
  areas: (CapacityArea & LeaderFigures)[];
  total: CapacityArea & LeaderFigures;
  /** The published leaders of the phase, by name, examples included; null while the database is unreachable. */
  leaders: ListedLeader[] | null;
  /** The demo's made-up leaders who would have been counted and are not; null as the figures. */
  exampleLeadersLeftOut: number | null;
};

const hundredths = (days: number) => Math.round(days * 100) / 100;

/**
 * Beside each area's schools, the published system leaders there (working with the phase asked
 * for, if any) and the days they have left: NFER's "system leaders near schools in need".
 * Leaders are counted where their own school is. The demo's example leaders are made up: they are
 * left out (and how many said), so real figures are never mixed with them. The schools' figures
 * come from memory and survive the database going away; the leaders' are then null. Every face
 * (the page, its CSV, the API and the CLI) counts them here.
 */
export async function capacityWithLeaders(
  ctx: Pick<AppContext, 'db' | 'snapshots' | 'now'>,
  result: CapacityResult,
): Promise<CapacityWithLeaders> {
  const snapshot = await ctx.snapshots.get();
  let leaders: DirectoryLeader[];
  try {
    leaders = await directory(ctx, snapshot);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    const unknown = { systemLeaders: null, systemLeaderDaysAvailable: null };
    return {
      ...result,
      total: { ...result.total, ...unknown },
      areas: result.areas.map((area) => ({ ...area, ...unknown })),
      leaders: null,
      exampleLeadersLeftOut: null,
    };
  }
  const byArea = new Map<string, { systemLeaders: number; systemLeaderDaysAvailable: number }>();
  const total = { systemLeaders: 0, systemLeaderDaysAvailable: 0 };
  const counted: ListedLeader[] = [];
  let exampleLeadersLeftOut = 0;
  for (const leader of leaders) {
    if (result.phase && !leader.phases.includes(result.phase)) continue;
    const school = snapshot.byUrn.get(leader.profile.urn);
    if (!school) continue;
    const area = areaOf(school, result.by);
    // The list is the map's layer as a table, examples labelled; only the figures leave them out.
    counted.push({
      id: leader.id,
      name: leader.name,
      school: { urn: school.urn, name: school.name },
      area,
      daysAvailable: leader.daysLeft,
      example: leader.profile.example,
    });
    if (leader.profile.example) {
      exampleLeadersLeftOut += 1;
      continue;
    }
    const code = area.code;
    const figures = byArea.get(code) ?? { systemLeaders: 0, systemLeaderDaysAvailable: 0 };
    figures.systemLeaders += 1;
    figures.systemLeaderDaysAvailable = hundredths(figures.systemLeaderDaysAvailable + leader.daysLeft);
    byArea.set(code, figures);
    total.systemLeaders += 1;
    total.systemLeaderDaysAvailable = hundredths(total.systemLeaderDaysAvailable + leader.daysLeft);
  }
  const none = { systemLeaders: 0, systemLeaderDaysAvailable: 0 };
  return {
    ...result,
    total: { ...result.total, ...total },
    areas: result.areas.map((area) => ({ ...area, ...(byArea.get(area.code) ?? none) })),
    leaders: counted.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    exampleLeadersLeftOut,
  };
}

/** `GET /api/capacity`'s answer, with the system leaders of each area. */
export async function capacityAnswerWithLeaders(
  ctx: Pick<AppContext, 'db' | 'snapshots' | 'now'>,
  result: CapacityResult,
) {
  return capacityAnswer(await capacityWithLeaders(ctx, result));
}
