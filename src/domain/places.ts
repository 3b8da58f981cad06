import type { LatLon, School } from './school.ts';
import { phrase, writePhrase, type Phrase } from './words.ts';
import { SCHOOL_ID_PATTERN } from './wales.ts';

/** What a place typed into "near" turned out to be. */
export const PLACE_KINDS = ['school', 'postcode', 'postcode-sector', 'postcode-district', 'town'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
  kind: PlaceKind;
  /** The place as people write it: "M13 9PL", "M13 9", "M13", "Leeds (Leeds)", a school's name. */
  name: string;
  location: LatLon;
  /** How many of the registry's schools the location was worked out from. */
  schools: number;
  /** In words, where the location comes from: in English, and as the phrase a page writes in its reader's language. */
  basis: string;
  basisWords: Phrase;
}

export interface Gazetteer {
  /** The place a postcode, postcode sector or district, town or URN names; undefined if none. */
  find(text: string): Place | undefined;
}

type Located = Pick<School, 'urn' | 'name' | 'postcode' | 'town' | 'location' | 'localAuthority'>;

const FULL_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d)([A-Z]{2})$/;
const SECTOR = /^([A-Z]{1,2}\d[A-Z\d]?)\s+(\d)$/;
const DISTRICT = /^[A-Z]{1,2}\d[A-Z\d]?$/;

interface Centre {
  lat: number;
  lon: number;
  schools: number;
}

function add(map: Map<string, Centre>, key: string, at: LatLon): void {
  const centre = map.get(key) ?? { lat: 0, lon: 0, schools: 0 };
  centre.lat += at.lat;
  centre.lon += at.lon;
  centre.schools += 1;
  map.set(key, centre);
}

const mean = (c: Centre): LatLon => ({ lat: c.lat / c.schools, lon: c.lon / c.schools });

/**
 * A sentence ending "(1 school)" or "(1,234 schools)": each form is a whole template of the
 * catalogue, so that each language writes the sentence as its own.
 */
const withSchools = (template: string, n: number, values: Phrase['values']): Phrase =>
  phrase(`${template} (${n === 1 ? '{{n}} school' : '{{n}} schools'})`, {
    ...values,
    n: n.toLocaleString('en-GB'),
  });

const basisOf = (basisWords: Phrase) => ({ basis: writePhrase(basisWords), basisWords });

/**
 * Places from the registry's own schools: no postcode file is shipped or installable under an
 * open licence with the project, so a postcode, a postcode sector or district and a town are each
 * placed at the mean position of the open schools that give them; a full postcode no school has
 * falls back to its sector, then its district. Every place says which it is.
 */
export function buildGazetteer(schools: readonly Located[]): Gazetteer {
  const postcodes = new Map<string, Centre>();
  const sectors = new Map<string, Centre>();
  const districts = new Map<string, Centre>();
  const towns = new Map<string, Centre & { name: string; la: string | null }>();
  const byUrn = new Map<number, Located & { location: LatLon }>();

  for (const school of schools) {
    if (!school.location) continue;
    byUrn.set(school.urn, school as Located & { location: LatLon });
    const postcode = school.postcode?.toUpperCase().replace(/\s+/g, '') ?? '';
    const parts = FULL_POSTCODE.exec(postcode);
    if (parts) {
      const [, outward, sector] = parts;
      add(postcodes, postcode, school.location);
      add(sectors, `${outward} ${sector}`, school.location);
      add(districts, outward!, school.location);
    }
    const town = school.town?.trim();
    if (town) {
      const key = `${town.toLowerCase()}|${school.localAuthority?.code ?? ''}`;
      const centre = towns.get(key) ?? {
        lat: 0,
        lon: 0,
        schools: 0,
        name: town,
        la: school.localAuthority?.name ?? null,
      };
      centre.lat += school.location.lat;
      centre.lon += school.location.lon;
      centre.schools += 1;
      towns.set(key, centre);
    }
  }

  // A town's name may be shared by towns in several local authorities (Newport): the one with the
  // most schools is meant, unless the text names the authority too ("Newport, Isle of Wight").
  const townsByName = new Map<string, (Centre & { name: string; la: string | null })[]>();
  for (const town of towns.values()) {
    const key = town.name.toLowerCase();
    townsByName.set(key, [...(townsByName.get(key) ?? []), town]);
  }
  for (const list of townsByName.values()) list.sort((a, b) => b.schools - a.schools);

  const postcodePlace = (
    kind: 'postcode-sector' | 'postcode-district',
    area: string,
    instead?: string,
  ): Place | undefined => {
    const centre = (kind === 'postcode-sector' ? sectors : districts).get(area);
    if (!centre) return undefined;
    // Each sentence whole, so that each language writes it as its own.
    const template = {
      'postcode-sector':
        'The centre of postcode sector {{area}}, from the position of the registry’s schools there',
      'postcode-district':
        'The centre of postcode district {{area}}, from the position of the registry’s schools there',
    }[kind];
    const insteadTemplate = {
      'postcode-sector':
        '{{postcode}} is not the postcode of a school in the registry, so the centre of postcode sector {{area}}, from the position of the registry’s schools there',
      'postcode-district':
        '{{postcode}} is not the postcode of a school in the registry, so the centre of postcode district {{area}}, from the position of the registry’s schools there',
    }[kind];
    return {
      kind,
      name: area,
      location: mean(centre),
      schools: centre.schools,
      ...basisOf(
        instead
          ? withSchools(insteadTemplate, centre.schools, { postcode: instead, area })
          : withSchools(template, centre.schools, { area }),
      ),
    };
  };
  const sectorPlace = (sector: string, instead?: string) => postcodePlace('postcode-sector', sector, instead);
  const districtPlace = (district: string, instead?: string) =>
    postcodePlace('postcode-district', district, instead);

  return {
    find(text) {
      const typed = text.trim().replace(/\s+/g, ' ');
      if (!typed) return undefined;
      if (SCHOOL_ID_PATTERN.test(typed)) {
        const school = byUrn.get(Number(typed));
        return school
          ? {
              kind: 'school',
              name: school.name,
              location: school.location,
              schools: 1,
              ...basisOf(
                phrase('The position of {{name}} ({{urn, schoolId}})', {
                  name: school.name,
                  urn: school.urn,
                }),
              ),
            }
          : undefined;
      }
      const upper = typed.toUpperCase();
      const full = FULL_POSTCODE.exec(upper);
      if (full) {
        const [, outward, sector, unit] = full;
        const written = `${outward} ${sector}${unit}`;
        const centre = postcodes.get(`${outward}${sector}${unit}`);
        if (centre) {
          return {
            kind: 'postcode',
            name: written,
            location: mean(centre),
            schools: centre.schools,
            ...basisOf(
              centre.schools === 1
                ? phrase('The position of the school with postcode {{postcode}}', { postcode: written })
                : phrase('The position of the {{n}} schools with postcode {{postcode}}', {
                    n: centre.schools.toLocaleString('en-GB'),
                    postcode: written,
                  }),
            ),
          };
        }
        return sectorPlace(`${outward} ${sector}`, written) ?? districtPlace(outward!, written);
      }
      const sector = SECTOR.exec(upper);
      if (sector) return sectorPlace(`${sector[1]} ${sector[2]}`);
      if (DISTRICT.test(upper)) return districtPlace(upper);

      const [townText, laText] = typed.split(/\s*,\s*/, 2);
      const candidates = townsByName.get((townText ?? '').toLowerCase()) ?? [];
      const town = laText
        ? candidates.find((t) => t.la?.toLowerCase() === laText.toLowerCase())
        : candidates[0];
      if (!town) return undefined;
      const name =
        town.la && town.la.toLowerCase() !== town.name.toLowerCase() ? `${town.name}, ${town.la}` : town.name;
      return {
        kind: 'town',
        name,
        location: mean(town),
        schools: town.schools,
        ...basisOf(
          withSchools(
            'The centre of {{name}}, from the position of the registry’s schools that give it as their town',
            town.schools,
            { name },
          ),
        ),
      };
    },
  };
}
