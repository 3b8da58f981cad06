import type { FocusArea } from './focus-areas.ts';

/**
 * What a school says about itself: how many schools it has capacity to support, and the areas
 * where it wants support. Matching weighs these beside the evidence.
 */

/** The most partner schools one school can sensibly say it supports at once. */
export const MAX_CAPACITY_TO_SUPPORT = 20;

export interface SchoolDeclaration {
  urn: number;
  /** How many schools it can support at once (0: none at present). */
  capacityToSupport: number;
  needs: FocusArea[];
  updatedAt: Date | null;
}
