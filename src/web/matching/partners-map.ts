import type { LatLon } from '../../domain/school.ts';

export interface PartnersMap {
  size: number;
  centre: number;
  radius: number | null;
  points: { n: number; x: number; y: number }[];
}

const KM_PER_DEGREE = 111.195;

/**
 * A small static map drawn as SVG: the school at the centre, its radius and its numbered
 * candidates, to scale. Needs no tiles and no JavaScript; the numbered list is its text version.
 */
export function partnersMap(school: LatLon, radiusKm: number, candidates: LatLon[], size = 280): PartnersMap {
  const offsets = candidates.map((c) => ({
    x: (c.lon - school.lon) * Math.cos((school.lat * Math.PI) / 180) * KM_PER_DEGREE,
    y: (school.lat - c.lat) * KM_PER_DEGREE,
  }));
  const reach = Math.max(radiusKm, ...offsets.map((o) => Math.hypot(o.x, o.y)), 0.1);
  const centre = size / 2;
  const scale = (centre - 14) / reach;
  const fit = (v: number) => Math.round((centre + v * scale) * 10) / 10;
  return {
    size,
    centre,
    radius: Math.round(radiusKm * scale * 10) / 10,
    points: offsets.map((o, i) => ({ n: i + 1, x: fit(o.x), y: fit(o.y) })),
  };
}
