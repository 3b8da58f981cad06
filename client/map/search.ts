import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';

export interface Place {
  label: string;
  /** A school's position, or an area's bounds. */
  target: { center: [number, number] } | { bounds: LngLatBoundsLike };
  urn?: number;
}

function boundsOf(area: Feature<Polygon | MultiPolygon>): LngLatBoundsLike {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
  for (const ring of polygons.flat())
    for (const [lon, lat] of ring) {
      west = Math.min(west, lon!);
      east = Math.max(east, lon!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    }
  return [west, south, east, north];
}

/** Areas on the map whose names match, then schools the registry's search finds. */
export async function findPlaces(
  query: string,
  areas: Feature<Polygon | MultiPolygon>[],
  schoolSearchUrl: string,
): Promise<Place[]> {
  const wanted = query.trim().toLowerCase();
  if (!wanted) return [];
  const places: Place[] = areas
    .filter((a) =>
      String(a.properties?.name ?? '')
        .toLowerCase()
        .includes(wanted),
    )
    .slice(0, 5)
    .map((a) => ({ label: String(a.properties?.name), target: { bounds: boundsOf(a) } }));
  const url = new URL(schoolSearchUrl, window.location.href);
  url.searchParams.set('q', query.trim());
  url.searchParams.set('limit', '8');
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (response.ok) {
    const page = (await response.json()) as {
      items: {
        urn: number;
        name: string;
        town: string | null;
        location: { lat: number; lon: number } | null;
      }[];
    };
    for (const school of page.items) {
      if (!school.location) continue;
      places.push({
        label: school.town ? `${school.name}, ${school.town}` : school.name,
        target: { center: [school.location.lon, school.location.lat] },
        urn: school.urn,
      });
    }
  }
  return places;
}
