import type { ColumnType, JSONColumnType } from 'kysely';
import type { PerformanceProfile } from '../../domain/classification/types.ts';
import type { FocusArea } from '../../domain/focus-areas.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One version of a performance profile; a change is a new version, never an edit. */
export interface PerformanceProfilesTable {
  name: string;
  version: number;
  title: string;
  definition: JSONColumnType<PerformanceProfile>;
  created_at: Timestamp;
  /** The platform administrator who published it; null for the profiles S2S ships. */
  created_by: number | null;
}

/** The profile used when none is named; no row means the shipped default. */
export interface ActivePerformanceProfileTable {
  singleton: ColumnType<boolean, boolean | undefined, never>;
  name: string;
  chosen_at: Timestamp;
  chosen_by: number | null;
}

/** The areas in which a school says it can support others. */
export interface SchoolOffersTable {
  urn: number;
  offers: ColumnType<FocusArea[], FocusArea[] | undefined, FocusArea[]>;
  /** What the school says about its offer, shown with it in partner search (at most 300 characters). */
  note: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface MatchingTables {
  performance_profiles: PerformanceProfilesTable;
  active_performance_profile: ActivePerformanceProfileTable;
  school_offers: SchoolOffersTable;
}
