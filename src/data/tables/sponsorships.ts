import type { Generated } from 'kysely';

export interface SponsorshipsTable {
  id: Generated<number>;
  urn: number;
  sponsor_organisation_id: number | null;
  sponsor_urn: number | null;
  starts_on: string;
  ends_on: string | null;
  recorded_by: number | null;
  created_at: Generated<Date>;
  /** The last change (recorded, or ended). */
  updated_at: Generated<Date>;
}

export interface SponsorshipTables {
  sponsorships: SponsorshipsTable;
}
