import type { PerformanceProfile } from '../types.ts';
import { INSPECTION_ONLY_PROFILE } from './inspection-only.ts';
import { NFER_2017_PROFILE } from './nfer-2017.ts';

export { INSPECTION_ONLY_PROFILE, NFER_2017_PROFILE };

/** The profiles S2S ships with; the first is the default. */
export const SHIPPED_PROFILES: PerformanceProfile[] = [NFER_2017_PROFILE, INSPECTION_ONLY_PROFILE];
export const DEFAULT_PROFILE_NAME = NFER_2017_PROFILE.name;
