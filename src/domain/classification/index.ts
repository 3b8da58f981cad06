export * from './types.ts';
export { classifySchool, classifySchools, profileForSchool } from './classify.ts';
export { describeMeasure, measureSchool, type SchoolEvidence } from './measures.ts';
export {
  parsePerformanceProfile,
  performanceProfileSchema,
  type ProfileParseResult,
} from './profile-schema.ts';
export {
  DEFAULT_PROFILE_NAME,
  INSPECTION_ONLY_PROFILE,
  NFER_2017_PROFILE,
  SHIPPED_PROFILES,
  WALES_PROFILE,
} from './profiles/index.ts';
