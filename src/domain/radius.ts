import type { Phase } from './school.ts';

/**
 * How far a school of each phase might reasonably travel for support, in km, when the user
 * sets no radius. NFER's radii are not public: these are settings, not findings. Primary
 * schools are denser and their staff travel less than secondary schools'; special and
 * alternative provision are sparse, so their partners are further away.
 */
export const DEFAULT_RADIUS_KM: Record<Phase, number> = {
  nursery: 5,
  primary: 5,
  middle: 8,
  secondary: 10,
  'all-through': 10,
  special: 20,
  'alternative-provision': 20,
  '16-plus': 15,
  'not-applicable': 10,
};

export const MAX_RADIUS_KM = 100;

/** One radius for every phase when the user sets one; each phase's default otherwise. */
export function radiusFor(radiusKm: number | undefined): (phase: Phase) => number {
  return (phase) => radiusKm ?? DEFAULT_RADIUS_KM[phase];
}
