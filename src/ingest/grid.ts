import proj4 from 'proj4';
import type { LatLon } from '../domain/school.ts';

/**
 * British National Grid (OSGB36 Transverse Mercator). The seven-parameter Helmert shift to WGS84
 * is Ordnance Survey's published national average, good to about 5 m: ample for finding
 * schools within kilometres. (OSTN15's grid file would give centimetres but is not bundled.)
 */
const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const converter = proj4(BNG, 'EPSG:4326');

/** The grid's extent over Great Britain (metres), to reject a swapped or mistyped coordinate. */
export const GRID_BOUNDS = { easting: [0, 700_000], northing: [0, 1_300_000] } as const;

export function gridToLatLon(easting: number, northing: number): LatLon {
  const [lon, lat] = converter.forward<[number, number]>([easting, northing]);
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}

export function latLonToGrid({ lat, lon }: LatLon): { easting: number; northing: number } {
  const [easting, northing] = converter.inverse<[number, number]>([lon, lat]);
  return { easting: Math.round(easting), northing: Math.round(northing) };
}
