/** A supporter a seeker could be paired with, with a match quality 0–1. */
export interface Option {
  supporter: number;
  quality: number;
  /** Beyond the seeker's radius: taken only when no pairing within it will do. */
  remote?: boolean;
}

/**
 * Options read one at a time: what the national allocation passes for its hundreds of thousands
 * of options, rather than an object each.
 */
export interface OptionList {
  readonly length: number;
  supporter(k: number): number;
  quality(k: number): number;
  remote(k: number): boolean;
}

/** One school in need and the supporters it could be paired with. */
export interface SeekerOptions {
  seeker: number;
  options: Option[];
  /**
   * Groups of supporters (see `AllocationProblem.groups`) the seeker could be paired with at any
   * distance, when none of its options can be had: the guarantee that no seeker is left out while
   * a supporter it could work with has room.
   */
  anyOf?: readonly string[];
}

/** An assignment problem: each seeker takes at most one supporter; a supporter at most its capacity. */
export interface AllocationProblem {
  seekers: SeekerOptions[];
  /** Remaining capacity of each supporter; a supporter not listed has none. */
  capacity: ReadonlyMap<number, number>;
  /** The supporters in each group a seeker's `anyOf` names. */
  groups?: ReadonlyMap<string, readonly number[]>;
}

export interface Pairing {
  seeker: number;
  supporter: number;
  /** The option's quality; 0 for a pairing through a group. */
  quality: number;
  remote: boolean;
  /** Paired through one of its `anyOf` groups rather than one of its options. */
  throughGroup: boolean;
}

export interface AllocationSolution {
  pairs: Pairing[];
  unassigned: number[];
}

export function totalQuality(solution: AllocationSolution): number {
  return solution.pairs.reduce((sum, p) => sum + p.quality, 0);
}
