import { z } from 'zod';
import { buildGazetteer, PLACE_KINDS, type Gazetteer, type Place } from '../domain/places.ts';
import type { Snapshot } from '../domain/snapshot.ts';
import type { Phrase } from '../domain/words.ts';
import { invalidField, ok, type Result, worded } from './result.ts';

/** Where a search near a place looked from, as the API answers it. */
export const nearPlaceSchema = z.object({
  query: z.string(),
  kind: z.enum(PLACE_KINDS),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  radiusKm: z.number(),
  basis: z
    .string()
    .describe(
      'where the place’s position comes from, in words: places are located from the registry’s own schools, so a postcode no school has is placed at the centre of its sector or district',
    ),
});
export type NearPlace = z.infer<typeof nearPlaceSchema> & {
  /** `basis` as the phrase it is written from, for a page in its reader's language; the API answers the English. */
  basisWords: Phrase;
};

/**
 * What every answer near a place says about how it was located: S2S ships no postcode directory,
 * so a place is worked out from the registry's own schools.
 */
export const PLACES_BASIS =
  'Places are located from the registry’s own schools, not from a postcode directory: a postcode is found exactly only where a school has it; any other postcode is placed at the centre of the schools in its postcode sector (like M13 9) or, failing that, its district (like M13), and a town at the centre of the schools that give it as their town.';

const gazetteers = new WeakMap<Snapshot, Gazetteer>();

/** The places the registry's schools give, worked out once per snapshot. */
function gazetteerOf(snapshot: Snapshot): Gazetteer {
  let gazetteer = gazetteers.get(snapshot);
  if (!gazetteer) {
    gazetteer = buildGazetteer(snapshot.schools);
    gazetteers.set(snapshot, gazetteer);
  }
  return gazetteer;
}

/**
 * The place typed into a `near` field (a postcode, postcode sector or district, town or URN), or
 * a refusal naming the field.
 */
export function locatePlace(snapshot: Snapshot, near: string): Result<Place> {
  const place = gazetteerOf(snapshot).find(near);
  return place
    ? ok(place)
    : invalidField(
        'near',
        worded(
          '“{{near}}” was not found: enter a postcode (like M13 9PL), a postcode district (like M13), a town, or a school’s URN or Welsh school number',
          { near },
        ),
      );
}

/** A located place as answers carry it. */
export const nearPlace = (query: string, place: Place, radiusKm: number): NearPlace => ({
  query,
  kind: place.kind,
  name: place.name,
  lat: place.location.lat,
  lon: place.location.lon,
  radiusKm,
  basis: place.basis,
  basisWords: place.basisWords,
});
