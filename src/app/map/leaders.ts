import type { Phase } from '../../domain/school.ts';
import type { AppContext } from '../context.ts';
import { directory, leaderSummary } from '../leaders/directory.ts';

/** A GeoJSON point feature, narrowed to what this layer holds (a numbered id, one position). */
export interface LeaderPoint {
  type: 'Feature';
  id: number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: ReturnType<typeof leaderSummary>;
}

/**
 * Published system leaders (working with the phase, if one is given) at the school each works
 * from, as the map's layer: what the directory already shows of them and nothing more.
 */
export async function leaderPoints(
  ctx: Pick<AppContext, 'db' | 'snapshots' | 'now'>,
  phase: Phase | null,
): Promise<{ type: 'FeatureCollection'; features: LeaderPoint[] }> {
  const snapshot = await ctx.snapshots.get();
  const features: LeaderPoint[] = [];
  for (const leader of await directory(ctx, snapshot)) {
    if (!leader.location || (phase && !leader.phases.includes(phase))) continue;
    features.push({
      type: 'Feature',
      id: leader.id,
      geometry: { type: 'Point', coordinates: [leader.location.lon, leader.location.lat] },
      properties: leaderSummary(leader.profile, leader.capacity),
    });
  }
  return { type: 'FeatureCollection', features };
}
