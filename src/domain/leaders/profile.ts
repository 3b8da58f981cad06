import { DESIGNATIONS, type Designation } from '../access.ts';
import type { FocusArea } from '../focus-areas.ts';
import type { Phase } from '../school.ts';
import type { Availability } from './availability.ts';

/**
 * A system leader's profile: what they offer, published by the person themselves (hidden until
 * they publish it, withdrawn whenever they choose). Seed 003: system leaders are not only the
 * designated NLEs, LLEs, SLEs and NLGs but executive heads, senior and middle leaders, teachers,
 * support staff and governors; so a designation is optional, and shown as verified only when a
 * platform administrator recorded it.
 */

/** Within which of the leader's own circles they support schools at no charge. */
export const FREE_WITHIN = ['trust', 'local-authority'] as const;
export type FreeWithin = (typeof FREE_WITHIN)[number];
export const FREE_WITHIN_LABELS: Record<FreeWithin, string> = {
  trust: 'No charge within our trust',
  'local-authority': 'No charge within our local authority',
};

export const MAX_DAYS_PER_TERM = 60;
export const MAX_TRAVEL_KM = 300;
export const MAX_DAY_RATE_POUNDS = 5000;

export interface DesignationHeld {
  code: Designation;
  /** Recorded by a platform administrator, rather than stated by the person. */
  verified: boolean;
}

export interface ProfileDetails {
  jobTitle: string;
  /** The school the leader works from: where they travel from, and their trust and area. */
  urn: number;
  /** Designations the person says they hold; the verified one comes from the administrators. */
  claimedDesignations: Designation[];
  expertise: FocusArea[];
  phases: Phase[];
  experience: string;
  availability: Availability;
  /** How far they will travel, or null for no set distance (remote only, or not said). */
  travelKm: number | null;
  worksRemotely: boolean;
  /** Null when the leader makes no charge. */
  dayRatePounds: number | null;
  freeWithin: FreeWithin | null;
}

export interface SystemLeaderProfile extends ProfileDetails {
  id: number;
  userId: number;
  name: string;
  schoolName: string;
  designations: DesignationHeld[];
  /** ISO timestamp; null while hidden. */
  publishedAt: string | null;
  /** Made up for the demo, and said to be wherever it shows. */
  example: boolean;
}

/** The verified designation first, then any the person states, each once, in the usual order. */
export function designationsHeld(
  verified: Designation | null,
  claimed: readonly Designation[],
): DesignationHeld[] {
  return DESIGNATIONS.filter((d) => d === verified || claimed.includes(d))
    .map((code) => ({ code, verified: code === verified }))
    .sort((a, b) => Number(b.verified) - Number(a.verified));
}
