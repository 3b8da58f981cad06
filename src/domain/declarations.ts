import type { FocusArea } from './focus-areas.ts';

/**
 * What a school says about itself: how many schools it has capacity to support, the areas where
 * it wants support and the areas in which it can offer support. Matching weighs these beside the
 * evidence: an offer that meets a need raises a candidate's score and is named in its reasons.
 */

/** The most partner schools one school can sensibly say it supports at once. */
export const MAX_CAPACITY_TO_SUPPORT = 20;

export interface SchoolDeclaration {
  urn: number;
  /** How many schools it can support at once (0: none at present). */
  capacityToSupport: number;
  needs: FocusArea[];
  offers: FocusArea[];
  /** A short note on what it offers, shown to schools whose needs it meets. */
  offerNote: string | null;
  updatedAt: Date | null;
}

/** The longest note a school may write about its offer. */
export const MAX_OFFER_NOTE = 300;

/** What each school declares it needs and offers, for matching. */
export interface DeclaredFocus {
  needs: readonly FocusArea[];
  offers: readonly FocusArea[];
  offerNote?: string | null;
}
