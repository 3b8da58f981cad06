import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  Country,
  EstynFollowUp,
  Grade4,
  SupportCategory,
  Inspection,
  InspectionEra,
  Performance,
  Phase,
  ResultsStatus,
} from '../../domain/school.ts';
import type { LanguageMedium } from '../../domain/wales.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SchoolsTable {
  urn: number;
  name: string;
  type_name: string | null;
  type_group: string | null;
  open: boolean;
  status_name: string;
  phase: Phase;
  statutory_low_age: number | null;
  statutory_high_age: number | null;
  country: Country;
  la_code: string | null;
  la_name: string | null;
  region_code: string | null;
  region_name: string | null;
  constituency_code: string | null;
  constituency_name: string | null;
  town: string | null;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  pupils: number | null;
  fsm_percent: number | null;
  eal_percent: number | null;
  sen_percent: number | null;
  urban_rural: string | null;
  trust: string | null;
  language_medium: LanguageMedium | null;
  welsh_medium_type: string | null;
  /** A Welsh establishment from GIAS: its Welsh Government school number. */
  welsh_number: number | null;
  /**
   * A GIAS row of a Welsh school the registry also holds from the Welsh Government's list: that
   * record's number. Such a row is never open, so the school is counted once, as the Welsh record.
   */
  same_as: number | null;
  synthetic: Generated<boolean>;
  updated_at: Timestamp;
}

export interface InspectionsTable {
  id: Generated<number>;
  urn: number;
  inspection_number: string | null;
  start_date: string;
  publication_date: string | null;
  inspection_type: string | null;
  era: InspectionEra;
  overall_effectiveness: Grade4 | null;
  key_judgements: JSONColumnType<Record<string, number>>;
  report_card: JSONColumnType<Record<string, number>>;
  safeguarding_met: boolean | null;
  category: Inspection['category'];
  estyn_follow_up: EstynFollowUp | null;
  estyn_judgements: ColumnType<Record<string, number>, string | undefined, string>;
  raw: JSONColumnType<Record<string, string>>;
}

export interface PerformanceTable {
  urn: number;
  year: number;
  key_stage: Performance['keyStage'];
  cohort: number | null;
  rwm_expected_percent: number | null;
  reading_expected_percent: number | null;
  writing_expected_percent: number | null;
  maths_expected_percent: number | null;
  reading_progress: number | null;
  writing_progress: number | null;
  maths_progress: number | null;
  progress8: number | null;
  attainment8: number | null;
  english_maths5_percent: number | null;
  status: ColumnType<ResultsStatus, ResultsStatus | undefined, ResultsStatus>;
  raw: JSONColumnType<Record<string, string>>;
}

export interface OfstedRatingsTable {
  urn: number;
  as_of: string;
  overall_effectiveness: Grade4;
  raw: JSONColumnType<Record<string, string>>;
}

export interface WelshCategorisationsTable {
  urn: number;
  year: number;
  support_category: SupportCategory;
  raw: JSONColumnType<Record<string, string>>;
}

export interface SchoolLinksTable {
  urn: number;
  link_urn: number;
  link_name: string | null;
  link_type: string;
  link_date: string | null;
}

export interface ImportsTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  sha256: string;
  synthetic: boolean;
  rows_read: number;
  inserted: number;
  updated: number;
  skipped: number;
  as_of: string | null;
  results_status: string | null;
  imported_at: Timestamp;
}

export interface RegistryTables {
  schools: SchoolsTable;
  inspections: InspectionsTable;
  performance: PerformanceTable;
  ofsted_ratings: OfstedRatingsTable;
  welsh_categorisations: WelshCategorisationsTable;
  school_links: SchoolLinksTable;
  imports: ImportsTable;
}
