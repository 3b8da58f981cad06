import type { Db } from '../../src/data/db.ts';
import { schoolRow } from './schools.ts';

const YORKSHIRE = { region_code: 'E15000003', region_name: 'Yorkshire and The Humber' };
const SOUTH_EAST = { region_code: 'E15000008', region_name: 'South East' };
const LEEDS = { la_code: '383', la_name: 'Leeds', ...YORKSHIRE };
const YORK = { la_code: '816', la_name: 'York', ...YORKSHIRE };
const KENT = { la_code: '886', la_name: 'Kent', ...SOUTH_EAST };
const LEEDS_CENTRAL = { constituency_code: 'E14001330', constituency_name: 'Leeds Central and Headingley' };
const YORK_CENTRAL = { constituency_code: 'E14001604', constituency_name: 'York Central' };
const MAIDSTONE = { constituency_code: 'E14001353', constituency_name: 'Maidstone and Malling' };
const CANTERBURY = { constituency_code: 'E14001150', constituency_name: 'Canterbury' };

/** Ofsted overall effectiveness under which the shipped profiles place each school. */
const OUTSTANDING = 1; // high-performing
const GOOD = 2; // neither, without results
const REQUIRES_IMPROVEMENT = 3; // in need

/**
 * Schools at real places, so that the bundled boundaries find them. Secondary: Leeds has two
 * high-performing schools and one in need (reaching both within 10 km); York one in need (the
 * nearest high-performing school, in Leeds, is 35 km away) and one neither; Kent one
 * high-performing in Maidstone, one in need beside it and one in need in Canterbury (37 km
 * away). Primary: one in need in Leeds, with no high-performing primary anywhere.
 */
export const CAPACITY_SCHOOLS = [
  {
    urn: 200001,
    name: 'Leeds High Outstanding',
    phase: 'secondary',
    lat: 53.8,
    lon: -1.55,
    grade: OUTSTANDING,
    area: { ...LEEDS, ...LEEDS_CENTRAL },
  },
  {
    urn: 200002,
    name: 'Leeds Grammar Outstanding',
    phase: 'secondary',
    lat: 53.81,
    lon: -1.54,
    grade: OUTSTANDING,
    area: { ...LEEDS, ...LEEDS_CENTRAL },
  },
  {
    urn: 200003,
    name: 'Leeds Academy In Need',
    phase: 'secondary',
    lat: 53.79,
    lon: -1.56,
    grade: REQUIRES_IMPROVEMENT,
    area: { ...LEEDS, ...LEEDS_CENTRAL },
  },
  {
    urn: 200004,
    name: 'York College In Need',
    phase: 'secondary',
    lat: 53.96,
    lon: -1.08,
    grade: REQUIRES_IMPROVEMENT,
    area: { ...YORK, ...YORK_CENTRAL },
  },
  {
    urn: 200005,
    name: 'York School Good',
    phase: 'secondary',
    lat: 53.95,
    lon: -1.09,
    grade: GOOD,
    area: { ...YORK, ...YORK_CENTRAL },
  },
  {
    urn: 200006,
    name: 'Maidstone Outstanding',
    phase: 'secondary',
    lat: 51.27,
    lon: 0.52,
    grade: OUTSTANDING,
    area: { ...KENT, ...MAIDSTONE },
  },
  {
    urn: 200007,
    name: 'Maidstone In Need',
    phase: 'secondary',
    lat: 51.28,
    lon: 0.53,
    grade: REQUIRES_IMPROVEMENT,
    area: { ...KENT, ...MAIDSTONE },
  },
  {
    urn: 200008,
    name: 'Canterbury In Need',
    phase: 'secondary',
    lat: 51.28,
    lon: 1.08,
    grade: REQUIRES_IMPROVEMENT,
    area: { ...KENT, ...CANTERBURY },
  },
  {
    urn: 200009,
    name: 'Leeds Primary In Need',
    phase: 'primary',
    lat: 53.8,
    lon: -1.55,
    grade: REQUIRES_IMPROVEMENT,
    area: { ...LEEDS, ...LEEDS_CENTRAL },
  },
] as const;

export async function insertCapacitySchools(db: Db): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const s of CAPACITY_SCHOOLS) {
      await tx
        .insertInto('schools')
        .values({
          ...schoolRow({
            urn: s.urn,
            name: s.name,
            phase: s.phase,
            lat: s.lat,
            lon: s.lon,
            // The town a school records, for the map's place labels.
            town: s.area.la_name === 'Kent' ? s.area.constituency_name.split(' ')[0] : s.area.la_name,
          }),
          ...s.area,
        })
        .execute();
      await tx
        .insertInto('inspections')
        .values({
          urn: s.urn,
          start_date: '2019-03-01',
          era: 'legacy',
          overall_effectiveness: s.grade,
          key_judgements: JSON.stringify({}),
          report_card: JSON.stringify({}),
          raw: JSON.stringify({}),
        })
        .execute();
    }
  });
}
