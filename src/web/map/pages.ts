import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CAPACITY_GEOGRAPHY_LABELS } from '../../domain/capacity/aggregate.ts';
import { SCHOOL_GROUP_LABELS, SCHOOL_GROUPS } from '../../domain/classification/types.ts';
import type { AppContext } from '../../app/context.ts';
import { capacityQuery } from '../../app/capacity/query.ts';
import { MAP_GEOGRAPHIES, type MapGeography } from '../../app/map/boundaries.ts';
import { mapLayers } from '../../app/map/layers.ts';
import type { BoundaryFile } from '../../geo/boundary-manifest.ts';
import { capacityFormItems } from '../capacity/pages.ts';
import { formErrors } from '../http/forms.ts';
import { sendCompressible } from './compressed.ts';

/** The legend is HTML (public/map.css has its colours, which client/map/style.ts draws with). */
const RATIO_LEGEND = ['Under 0.5', '0.5 to 1', '1 to 2', '2 to 4', '4 or more', 'No school in need'];

const VINTAGE_TEXT: Record<MapGeography, (v: BoundaryFile) => string> = {
  region: (v) => `regions of ${v.vintage}`,
  la: (v) =>
    `local authorities made from the districts of ${v.vintage}, grouped by the local authority their schools record`,
  constituency: (v) => `parliamentary constituencies of ${v.vintage}`,
};

/** Public: the map shows public data (schools' places and groups, area figures). */
const mapPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const { config } = ctx;
  const layers = mapLayers(config);
  const mapQuery = capacityQuery.extend({ by: z.enum(MAP_GEOGRAPHIES).catch('la') });

  app.get('/map', async (request, reply) => {
    const raw = request.query as Record<string, string>;
    const parsed = mapQuery.safeParse(raw);
    const form = await capacityFormItems(ctx, request, { by: 'la', ...raw });
    const { errors, fieldErrors } = formErrors(parsed.success ? [] : parsed.error);
    const query = parsed.success ? parsed.data : mapQuery.parse({});
    const search = new URLSearchParams(
      Object.entries(query)
        .filter((e): e is [string, string] => e[1] !== undefined)
        .map(([k, v]) => [k, String(v)]),
    );
    const vintage = layers.vintage(query.by);
    if (errors.length) reply.code(400);
    return reply.page('map/map.njk', {
      raw,
      errors,
      fieldErrors,
      ...form,
      byItems: form.byItems.filter((i) => i.value !== 'country'),
      byLabel: CAPACITY_GEOGRAPHY_LABELS[query.by],
      groups: SCHOOL_GROUPS.map((g) => ({ group: g, text: SCHOOL_GROUP_LABELS[g] })),
      ratioLegend: RATIO_LEGEND,
      vintage,
      vintageText: VINTAGE_TEXT[query.by](vintage),
      basemapUrl: config.basemapUrl,
      urls: {
        points: `/api/map/schools?${new URLSearchParams(query.profile ? { profile: query.profile } : {})}`,
        areas: `/map/areas/${query.by}.json`,
        capacity: `/api/capacity?${search}`,
        leaders: `/api/map/system-leaders?${new URLSearchParams(query.phase ? { phase: query.phase } : {})}`,
        table: `/capacity?${search}`,
      },
      phase: query.phase ?? '',
    });
  });

  app.get('/map/areas/:geography.json', async (request, reply) => {
    const params = z.object({ geography: z.enum(MAP_GEOGRAPHIES) }).safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const areas = await layers.layer(ctx, params.data.geography);
    return sendCompressible(request, reply, 'application/json', { plain: areas.json, gzip: areas.gzip });
  });
};

export default mapPages;
