import type { PerformanceProfile } from '../types.ts';
import { INSPECTION_ONLY_PROFILE } from './inspection-only.ts';
import { NFER_2017_PROFILE } from './nfer-2017.ts';
import { WALES_PROFILE } from './wales.ts';

export { INSPECTION_ONLY_PROFILE, NFER_2017_PROFILE, WALES_PROFILE };

/**
 * The profiles S2S ships with; the first is the default. The Welsh profile places Welsh schools
 * whichever English profile is chosen (a profile places only its own country's schools).
 */
export const SHIPPED_PROFILES: PerformanceProfile[] = [
  NFER_2017_PROFILE,
  INSPECTION_ONLY_PROFILE,
  WALES_PROFILE,
];
export const DEFAULT_PROFILE_NAME = NFER_2017_PROFILE.name;
