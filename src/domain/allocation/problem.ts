/** One school in need and the supporters it could be paired with, each with a match quality 0–1. */
export interface SeekerOptions {
  seeker: number;
  options: { supporter: number; quality: number }[];
}

/** An assignment problem: each seeker takes at most one supporter; a supporter at most its capacity. */
export interface AllocationProblem {
  seekers: SeekerOptions[];
  /** Remaining capacity of each supporter; a supporter not listed has none. */
  capacity: ReadonlyMap<number, number>;
}

export interface Pairing {
  seeker: number;
  supporter: number;
  quality: number;
}

export interface AllocationSolution {
  pairs: Pairing[];
  unassigned: number[];
}

export function totalQuality(solution: AllocationSolution): number {
  return solution.pairs.reduce((sum, p) => sum + p.quality, 0);
}
