import type { AccountsTables } from './tables/accounts.ts';
import type { LeaderTables } from './tables/leaders.ts';
import type { MatchingTables } from './tables/matching.ts';
import type { NotificationTables } from './tables/notifications.ts';
import type { PartnershipTables } from './tables/partnerships.ts';
import type { PeerReviewTables } from './tables/peer-review.ts';
import type { PracticeTables } from './tables/practice.ts';
import type { ReadinessTables } from './tables/readiness.ts';
import type { RegistryTables } from './tables/registry.ts';
import type { SponsorshipTables } from './tables/sponsorships.ts';

/**
 * Every table: one interface per capability, kept beside that capability's migrations, and
 * joined here (add yours to the intersection).
 */
export type Database = RegistryTables &
  ReadinessTables &
  AccountsTables &
  PartnershipTables &
  NotificationTables &
  MatchingTables &
  LeaderTables &
  PeerReviewTables &
  PracticeTables &
  SponsorshipTables;
