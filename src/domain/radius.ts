import type { Phase } from './school.ts';

/**
 * How far a school of each phase might reasonably travel for support, in km, when the user
 * sets no radius: the one default for the partner search, the national allocation and the
 * capacity analysis (each phase can be changed with S2S_RADIUS_KM_<PHASE>). NFER's radii are
 * not public, so these are settings, not findings; at 10 km the 2018/19 demo data gives the
 * median NFER found, two high-performing secondary schools near each secondary school in need.
 * Primary schools are denser and their staff travel less than secondary schools'; special and
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
export function radiusFor(
  radiusKm: number | undefined,
  defaults: Readonly<Record<Phase, number>> = DEFAULT_RADIUS_KM,
): (phase: Phase) => number {
  return (phase) => radiusKm ?? defaults[phase];
}
