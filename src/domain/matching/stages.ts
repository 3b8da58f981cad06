import type { SchoolGroup } from '../classification/types.ts';

/** Each group's stage, from in need to high-performing: a search compares the stages of two schools. */
export const STAGE: Record<SchoolGroup, number> = { 'in-need': 0, other: 1, 'high-performing': 2 };

/** Each group at its stage: a school's group read back from its pool's stage column. */
export const GROUP_AT_STAGE = (Object.keys(STAGE) as SchoolGroup[]).sort((a, b) => STAGE[a] - STAGE[b]);

/**
 * What a search reads of every school of a pool, by the school's place in it: one typed column
 * each, so that scoring a candidate reads numbers rather than the school's objects.
 */
export interface ScoreColumns {
  /** The group's stage: 0 in need, 1 other, 2 high-performing. */
  stage: Uint8Array;
  /** Bit sets over SCHOOL_AREAS, as PartnerFacts' strengths and weaknesses. */
  strengths: Int32Array;
  weaknesses: Int32Array;
  /** Bit sets over FOCUS_AREAS, as PartnerFacts' needs and offers. */
  needs: Int32Array;
  offers: Int32Array;
  /** Each school's area levels, SCHOOL_AREAS.length a school (see AreaStandings.levels). */
  levels: Float64Array;
}
