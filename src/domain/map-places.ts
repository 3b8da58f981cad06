import type { School } from './school.ts';

export interface PlaceLabel {
  name: string;
  lon: number;
  lat: number;
  /** How many schools give the town as theirs: bigger towns are labelled from further out. */
  schools: number;
}

/**
 * Towns to label the map with, from the registry itself: each town named by its schools, placed
 * at their mean position, biggest first. A name is kept apart per local authority, so that two
 * towns called Newport are not averaged into the sea between them.
 */
export function townLabels(
  schools: readonly Pick<School, 'town' | 'location' | 'localAuthority'>[],
  limit: number,
): PlaceLabel[] {
  const towns = new Map<string, { name: string; lon: number; lat: number; schools: number }>();
  for (const school of schools) {
    const name = school.town?.trim();
    if (!name || !school.location) continue;
    const key = `${name.toLowerCase()}|${school.localAuthority?.code ?? ''}`;
    const town = towns.get(key) ?? { name, lon: 0, lat: 0, schools: 0 };
    town.lon += school.location.lon;
    town.lat += school.location.lat;
    town.schools += 1;
    towns.set(key, town);
  }
  return [...towns.values()]
    .map((t) => ({ name: t.name, lon: t.lon / t.schools, lat: t.lat / t.schools, schools: t.schools }))
    .sort((a, b) => b.schools - a.schools || a.name.localeCompare(b.name))
    .slice(0, limit);
}
