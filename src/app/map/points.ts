import { gzipSync } from 'node:zlib';
import { encodePoints, type SchoolPoint } from '../../geo/point-codec.ts';
import type { AppContext } from '../context.ts';
import { profileView } from '../profiles.ts';
import { ok, type Result } from '../result.ts';
import { classifiedRegistry, type ClassifiedRegistry } from '../capacity/registry-source.ts';

export interface EncodedPoints {
  plain: Buffer;
  gzip: Buffer;
}

/** Encoded once per snapshot and profile: the map loads every school at once. */
const encoded = new WeakMap<ClassifiedRegistry, EncodedPoints>();

/** Every located open school with its phase and group under a profile, as the map's compact binary points. */
export async function mapPoints(
  ctx: Pick<AppContext, 'snapshots'>,
  profile: string | undefined,
): Promise<Result<EncodedPoints>> {
  const found = await profileView(ctx, profile);
  if (!found.ok) return found;
  const { snapshot, view } = found.value;
  const registry = classifiedRegistry(snapshot, view);
  let body = encoded.get(registry);
  if (!body) {
    const points: SchoolPoint[] = [];
    for (const s of registry.schools) {
      if (s.location)
        points.push({
          urn: s.urn,
          lon: s.location.lon,
          lat: s.location.lat,
          phase: s.phase,
          group: registry.groups.get(s.urn) ?? 'other',
        });
    }
    const bytes = Buffer.from(encodePoints(points));
    body = { plain: bytes, gzip: gzipSync(bytes) };
    encoded.set(registry, body);
  }
  return ok(body);
}
