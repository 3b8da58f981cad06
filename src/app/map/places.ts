import { townLabels, type PlaceLabel } from '../../domain/map-places.ts';
import type { AppContext } from '../context.ts';

/** Enough towns to find one's way at county zoom without crowding the map. */
const TOWN_LABELS = 400;

const labelled = new WeakMap<object, PlaceLabel[]>();

/** The towns the map labels, worked out once per snapshot of the registry. */
export async function mapPlaces(ctx: Pick<AppContext, 'snapshots'>): Promise<PlaceLabel[]> {
  const snapshot = await ctx.snapshots.get();
  let places = labelled.get(snapshot);
  if (!places) {
    places = townLabels(snapshot.schools, TOWN_LABELS);
    labelled.set(snapshot, places);
  }
  return places;
}
