import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CAPACITY_GEOGRAPHY_LABELS } from '../../domain/capacity/aggregate.ts';
import { SCHOOL_GROUP_LABELS, SCHOOL_GROUPS } from '../../domain/classification/types.ts';
import type { AppContext } from '../../app/context.ts';
import { capacityQuery } from '../../app/capacity/query.ts';
import { MAP_GEOGRAPHIES } from '../../app/map/boundaries.ts';
import { mapLayers } from '../../app/map/layers.ts';
import { capacityFormItems } from '../capacity/pages.ts';
import { formErrors } from '../http/forms.ts';
import { inSentence, labelsIn } from '../http/labels.ts';
import { wordsUnder } from '../../i18n/index.ts';
import { FOCUS_AREA_LABELS } from '../../domain/focus-areas.ts';
import { PHASE_LABELS, type Area, type School } from '../../domain/school.ts';
import { placeNamesIn } from '../http/places.ts';
import type { MapWords } from '../../domain/map-words.ts';
import { consortiumAreaOf } from '../../domain/consortium-areas.ts';
import { sendCompressible } from './compressed.ts';

/** The legend is HTML (public/map.css has its colours, which client/map/style.ts draws with). */
const RATIO_BANDS = ['under', 'halfToOne', 'oneToTwo', 'twoToFour', 'fourOrMore', 'none'] as const;

/** The words the map's script writes (client/map/words.ts), in the reader's language. */
function mapWords(request: FastifyRequest, areas: readonly Area[]): string {
  const words: MapWords = {
    ...(wordsUnder(request.language, 'map.client') as unknown as MapWords),
    groups: labelsIn(request.language, SCHOOL_GROUP_LABELS),
    phases: labelsIn(request.language, PHASE_LABELS),
    focusAreas: labelsIn(request.language, FOCUS_AREA_LABELS),
    placeNames: placeNamesIn(request.language, areas),
  };
  return JSON.stringify(words);
}

/** The areas of the schools in memory at every level the map draws (the map serves without the database). */
function areasOf(schools: readonly Pick<School, 'localAuthority' | 'region' | 'constituency'>[]): Area[] {
  const areas = new Map<string, Area>();
  for (const school of schools)
    for (const area of [
      school.localAuthority,
      school.region,
      school.constituency,
      consortiumAreaOf(school.localAuthority?.code),
    ])
      if (area) areas.set(area.code, area);
  return [...areas.values()];
}

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
    const groupLabels = labelsIn(request.language, SCHOOL_GROUP_LABELS);
    return reply.page('map/map.njk', {
      raw,
      errors,
      fieldErrors,
      ...form,
      byItems: form.byItems.filter((i) => i.value !== 'country'),
      byInSentence: inSentence(request.language, CAPACITY_GEOGRAPHY_LABELS[query.by]),
      groups: SCHOOL_GROUPS.map((g) => ({ group: g, text: groupLabels[g] })),
      ratioLegend: RATIO_BANDS.map((band) => request.t(`map.band.${band}`)),
      vintage,
      vintageText: request.t(`map.vintage.${query.by}`, { vintage: vintage.vintage }),
      mapWords: mapWords(request, areasOf((await ctx.snapshots.get()).schools)),
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
