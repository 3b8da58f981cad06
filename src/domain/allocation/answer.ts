import type { Phrase } from '../words.ts';

// What the national allocation answers: its pairings, the schools left without one and why.

export interface Assignment {
  urn: number;
  name: string;
  supporterUrn: number;
  supporterName: string;
  distanceKm: number;
  score: number;
  remote: boolean;
  /** Supported beyond the radius although suitable supporters within it exist (all taken). */
  nearerTaken: boolean;
  reasons: string[];
}

/** Why a school in need is left without a supporter: always one of these. */
export const UNSUPPORTED_REASONS = {
  'no-location': 'no location on record, so no supporter can be found by distance',
  'no-candidate':
    'no high-performing school of a compatible phase has room to support another school, at any distance',
  'capacity-taken':
    'no supporter with room at any distance: every high-performing school of a compatible phase that could support it is already supporting as many schools in need as it has room for',
} as const;
export type UnsupportedReason = keyof typeof UNSUPPORTED_REASONS;

export interface Unsupported {
  urn: number;
  name: string;
  reason: UnsupportedReason;
  /** Why, in plain English, for this school. */
  text: string;
  /** The same, as a phrase for a page to write in its reader's language. */
  words: Phrase;
}

export interface Allocation {
  assignments: Assignment[];
  unsupported: Unsupported[];
  summary: {
    inNeed: number;
    supported: number;
    unsupported: number;
    /** Supported beyond the radius, whether none was nearer or those nearer were all taken. */
    remote: number;
    /** Of those, the schools whose suitable partners within the radius were all taken. */
    remoteNearerTaken: number;
    supporters: number;
  };
}
