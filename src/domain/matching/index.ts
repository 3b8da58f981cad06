export * from './settings.ts';
export { AREA_MARGINS, areaStandings, type AreaStanding, type AreaStandings } from './areas.ts';
export { reciprocalCoverage, type ReciprocalCoverage } from './coverage.ts';
export { contextSimilarity, describeContext, type SchoolContext } from './context.ts';
export {
  areaMask,
  areasOf,
  buildMatchingPool,
  partnerCapacity,
  type MatchingPool,
  type PartnerCapacity,
  type PartnerFacts,
} from './pool.ts';
export { coverage, strategyFit, type ScoreParts } from './score.ts';
export {
  DEFAULT_CANDIDATE_LIMIT,
  findPartners,
  rankCandidates,
  type Candidate,
  type PartnerQuery,
  type PartnerSearch,
  type RankedCandidate,
  type Ranking,
} from './find-partners.ts';
