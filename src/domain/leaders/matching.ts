import { DESIGNATION_LABELS, type Designation } from '../access.ts';
import { FOCUS_AREA_IN_SENTENCE, type FocusArea } from '../focus-areas.ts';
import { PHASE_LABELS, type LatLon, type Phase } from '../school.ts';
import { distanceKm } from '../spatial-index.ts';
import type { DesignationHeld } from './profile.ts';
import { lowerFirst, wordsOf, type Words } from '../words.ts';

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
  /**
   * Why the leader is there, worded as template and values so a page can say it in Welsh; the
   * values `areas`, `phase` and `designation` are catalogue labels, first letter lowered.
   */
  reasons: Words[];
}

const oneDecimal = (km: number) => Math.round(km * 10) / 10;

/** How the leader reaches the school, or null when they do not. */
function reach(leader: LeaderCandidate, near: NonNullable<LeaderSearch['near']>) {
  const km = leader.location && near.location ? oneDecimal(distanceKm(leader.location, near.location)) : null;
  if (km !== null && leader.travelKm !== null && km <= leader.travelKm) {
    return {
      km,
      reason: wordsOf('{{km}} km from {{school}}, within the {{travelKm}} km they travel', {
        km,
        school: near.name,
        travelKm: leader.travelKm,
      }),
    };
  }
  if (leader.worksRemotely) {
    return {
      km,
      reason:
        km === null
          ? wordsOf('Works remotely')
          : wordsOf('Works remotely ({{km}} km from {{school}})', { km, school: near.name }),
    };
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
    const reasons: Words[] = [];
    const matchedExpertise = wanted.filter((a) => leader.expertise.includes(a));
    if (wanted.length > 0) {
      if (matchedExpertise.length === 0) continue;
      reasons.push(
        wordsOf('Expertise in {{areas}}', {
          areas: matchedExpertise.map((a) => FOCUS_AREA_IN_SENTENCE[a]),
        }),
      );
    }
    if (search.phase) {
      if (!leader.phases.includes(search.phase)) continue;
      reasons.push(
        wordsOf('Works with {{phase}} schools', { phase: lowerFirst(PHASE_LABELS[search.phase]) }),
      );
    }
    if (search.designation) {
      const held = leader.designations.find((d) => d.code === search.designation);
      if (!held) continue;
      const designation = DESIGNATION_LABELS[held.code];
      reasons.push(
        held.verified
          ? wordsOf('Verified {{designation}} ({{code}})', {
              designation: lowerFirst(designation),
              code: held.code,
            })
          : wordsOf('{{designation}} ({{code}}), not verified', { designation, code: held.code }),
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
      reasons.push(
        // `count` picks the Welsh plural form ("2 ddiwrnod").
        wordsOf(leader.daysLeft === 1 ? '{{days}} day free' : '{{days}} days free', {
          days: leader.daysLeft,
          count: leader.daysLeft,
        }),
      );
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
