import { SCHOOL_GROUPS, type SchoolGroup } from '../domain/classification/types.ts';
import { PHASES, type Phase } from '../domain/school.ts';

/** What the map draws for one school; everything else is fetched when it is clicked. */
export interface SchoolPoint {
  urn: number;
  lon: number;
  lat: number;
  phase: Phase;
  group: SchoolGroup;
}

/**
 * Every school in England in about 300 KB: a count, then columns of URNs (int32), longitudes
 * and latitudes (float32, well under a metre at these latitudes), phases and groups (uint8
 * indexes into PHASES and SCHOOL_GROUPS), little-endian. JSON of the same is about four times
 * the size and slower to parse.
 */
export function encodePoints(points: readonly SchoolPoint[]): Uint8Array {
  const n = points.length;
  const bytes = new Uint8Array(4 + 14 * n);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, n, true);
  points.forEach((p, i) => {
    view.setInt32(4 + 4 * i, p.urn, true);
    view.setFloat32(4 + 4 * n + 4 * i, p.lon, true);
    view.setFloat32(4 + 8 * n + 4 * i, p.lat, true);
    view.setUint8(4 + 12 * n + i, PHASES.indexOf(p.phase));
    view.setUint8(4 + 13 * n + i, SCHOOL_GROUPS.indexOf(p.group));
  });
  return bytes;
}

export function decodePoints(buffer: ArrayBuffer): SchoolPoint[] {
  const view = new DataView(buffer);
  const n = view.getUint32(0, true);
  if (buffer.byteLength !== 4 + 14 * n)
    throw new Error(`school points: expected ${4 + 14 * n} bytes, got ${buffer.byteLength}`);
  return Array.from({ length: n }, (_, i) => ({
    urn: view.getInt32(4 + 4 * i, true),
    lon: view.getFloat32(4 + 4 * n + 4 * i, true),
    lat: view.getFloat32(4 + 8 * n + 4 * i, true),
    phase: PHASES[view.getUint8(4 + 12 * n + i)]!,
    group: SCHOOL_GROUPS[view.getUint8(4 + 13 * n + i)]!,
  }));
}
