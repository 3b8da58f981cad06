/** The boundary levels the build step writes; local authorities are dissolved from districts at start. */
export const BOUNDARY_LEVELS = ['region', 'district', 'constituency'] as const;
export type BoundaryLevel = (typeof BOUNDARY_LEVELS)[number];

export interface BoundaryFile {
  file: string;
  /** The published file it was built from. */
  source: string;
  /** Shown on the map: old boundaries can disagree with the schools' current areas. */
  vintage: string;
  credit: string;
}

export interface BoundaryManifest {
  levels: Record<BoundaryLevel, BoundaryFile>;
}
