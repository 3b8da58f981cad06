import { designationName, type Designation } from '../access.ts';
import { FOCUS_AREA_LABELS, type FocusArea } from '../focus-areas.ts';
import { PHASE_LABELS, type LatLon, type Phase } from '../school.ts';
import { distanceKm } from '../spatial-index.ts';
import type { DesignationHeld } from './profile.ts';

/**
 * Finding a system leader where one is needed: every filter a searcher sets must hold, and each
 * result says why it is there, as partner search does. Leaders who cover more of the areas
 * asked for come first, then verified designations, then the nearest.
 */
export interface LeaderCandidate {
  id: number;
  name: string;
  designations: DesignationHeld[];
  expertise: readonly FocusArea[];
  phases: readonly Phase[];
  daysLeft: number;
  /** Where the leader works from; null when their school has no known location. */
  location: LatLon | null;
  travelKm: number | null;
  worksRemotely: boolean;
}

export interface LeaderSearch {
  /** Any of these areas (a school's needs are usually several). */
  expertise?: readonly FocusArea[];
  phase?: Phase;
  designation?: Designation;
  /** The school that needs support: leaders must reach it, in person or remotely. */
  near?: { name: string; location: LatLon | null };
  /** Only leaders with days left. */
  available?: boolean;
}

export interface LeaderMatch<C extends LeaderCandidate = LeaderCandidate> {
  leader: C;
  matchedExpertise: FocusArea[];
  distanceKm: number | null;
  reasons: string[];
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** "Literacy (reading, writing, English)" inside a sentence: only the first letter changes. */
const lowerFirst = (text: string) => `${text[0]!.toLowerCase()}${text.slice(1)}`;

const oneDecimal = (km: number) => Math.round(km * 10) / 10;

/** How the leader reaches the school, or null when they do not. */
function reach(leader: LeaderCandidate, near: NonNullable<LeaderSearch['near']>) {
  const km = leader.location && near.location ? oneDecimal(distanceKm(leader.location, near.location)) : null;
  if (km !== null && leader.travelKm !== null && km <= leader.travelKm) {
    return { km, reason: `${km} km from ${near.name}, within the ${leader.travelKm} km they travel` };
  }
  if (leader.worksRemotely) {
    return { km, reason: km === null ? 'Works remotely' : `Works remotely (${km} km from ${near.name})` };
  }
  return null;
}

export function matchLeaders<C extends LeaderCandidate>(
  candidates: readonly C[],
  search: LeaderSearch,
): LeaderMatch<C>[] {
  const wanted = search.expertise ?? [];
  const matches: LeaderMatch<C>[] = [];
  for (const leader of candidates) {
    const reasons: string[] = [];
    const matchedExpertise = wanted.filter((a) => leader.expertise.includes(a));
    if (wanted.length > 0) {
      if (matchedExpertise.length === 0) continue;
      reasons.push(`Expertise in ${list(matchedExpertise.map((a) => lowerFirst(FOCUS_AREA_LABELS[a])))}`);
    }
    if (search.phase) {
      if (!leader.phases.includes(search.phase)) continue;
      reasons.push(`Works with ${PHASE_LABELS[search.phase].toLowerCase()} schools`);
    }
    if (search.designation) {
      const held = leader.designations.find((d) => d.code === search.designation);
      if (!held) continue;
      const name = designationName(held.code);
      reasons.push(
        held.verified ? `Verified ${name[0]!.toLowerCase()}${name.slice(1)}` : `${name}, not verified`,
      );
    }
    let km: number | null = null;
    if (search.near) {
      const reached = reach(leader, search.near);
      if (!reached) continue;
      km = reached.km;
      reasons.push(reached.reason);
    }
    if (search.available) {
      if (!(leader.daysLeft > 0)) continue;
      reasons.push(`${leader.daysLeft} ${leader.daysLeft === 1 ? 'day' : 'days'} free`);
    }
    matches.push({ leader, matchedExpertise, distanceKm: km, reasons });
  }
  const verified = (m: LeaderMatch) => Number(m.leader.designations.some((d) => d.verified));
  return matches.sort(
    (a, b) =>
      b.matchedExpertise.length - a.matchedExpertise.length ||
      verified(b) - verified(a) ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.leader.name.localeCompare(b.leader.name, 'en-GB'),
  );
}
