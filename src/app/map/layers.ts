import type { Config } from '../../config.ts';
import type { AppContext } from '../context.ts';
import { BUNDLED_BOUNDARIES_DIR, createMapAreas, type MapGeography, type ServedAreas } from './boundaries.ts';

/**
 * The map's boundary layers from the configured folder (the bundled one by default): where each
 * comes from and how old it is, and each layer drawn for the open schools in memory.
 */
export function mapLayers(config: Pick<Config, 'boundariesDir'>) {
  const areas = createMapAreas(config.boundariesDir ?? BUNDLED_BOUNDARIES_DIR);
  return {
    vintage: (geography: MapGeography) => areas.vintage(geography),
    async layer(ctx: Pick<AppContext, 'snapshots'>, geography: MapGeography): Promise<ServedAreas> {
      return areas.areas(geography, (await ctx.snapshots.get()).schools);
    },
  };
}
