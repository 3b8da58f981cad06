import type { Insertable } from 'kysely';
import type { Db } from '../../src/data/db.ts';
import type { SchoolsTable } from '../../src/data/tables/registry.ts';
import type { Phase } from '../../src/domain/school.ts';

export interface SchoolFixture {
  urn: number;
  name?: string;
  phase?: Phase;
  open?: boolean;
  statusName?: string;
  town?: string;
  postcode?: string;
  laCode?: string;
  laName?: string;
  lat?: number;
  lon?: number;
  trust?: string;
}

/** A school row with sensible defaults; tests say only what matters to them. */
export function schoolRow(f: SchoolFixture): Insertable<SchoolsTable> {
  return {
    urn: f.urn,
    name: f.name ?? `School ${f.urn}`,
    type_name: 'Community school',
    type_group: 'Local authority maintained schools',
    open: f.open ?? true,
    status_name: f.statusName ?? 'Open',
    phase: f.phase ?? 'primary',
    statutory_low_age: 4,
    statutory_high_age: 11,
    country: 'England',
    la_code: f.laCode ?? '383',
    la_name: f.laName ?? 'Leeds',
    region_code: 'D',
    region_name: 'Yorkshire and the Humber',
    constituency_code: null,
    constituency_name: null,
    town: f.town ?? null,
    postcode: f.postcode ?? null,
    lat: f.lat ?? null,
    lon: f.lon ?? null,
    pupils: 210,
    fsm_percent: 20,
    eal_percent: 10,
    sen_percent: 12,
    urban_rural: 'Urban city and town',
    trust: f.trust ?? null,
  };
}

/** A school in Wales, in the pseudo-region GIAS files Welsh schools under. */
export function welshSchoolRow(f: SchoolFixture): Insertable<SchoolsTable> {
  return { ...schoolRow(f), country: 'Wales', region_code: 'W', region_name: 'Wales' };
}

export async function insertSchool(db: Db, f: SchoolFixture): Promise<void> {
  await db.insertInto('schools').values(schoolRow(f)).execute();
}
