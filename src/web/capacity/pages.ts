import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { CAPACITY_GEOGRAPHIES, CAPACITY_GEOGRAPHY_LABELS } from '../../domain/capacity/aggregate.ts';
import { PHASES, PHASE_LABELS } from '../../domain/school.ts';
import type { AppContext } from '../../app/context.ts';
import { capacityCsv } from '../../app/capacity/csv.ts';
import { capacityQuery } from '../../app/capacity/query.ts';
import {
  capacityFor,
  capacityWithLeaders,
  radiusInWords,
  reachInWords,
  type CapacityWithLeaders,
} from '../../app/capacity/capacity.ts';
import type { Language } from '../../domain/language.ts';
import type { Area } from '../../domain/school.ts';
import { placeNameIn } from '../../i18n/places.ts';
import { translateMessage, translatePhrase } from '../../i18n/index.ts';
import { profileChoices } from '../../app/capacity/registry-source.ts';
import { formErrors } from '../http/forms.ts';
import { sendPlainTextProblem } from '../http/plain-text-problem.ts';
import { capacityPageQuery, sortAreas, type CapacitySort } from './table.ts';

/** The table's columns; each heading's text is `capacity.column.<sort>` in the catalogues. */
const COLUMNS: { sort: CapacitySort; numeric: boolean }[] = [
  { sort: 'name', numeric: false },
  { sort: 'highPerforming', numeric: true },
  { sort: 'inNeed', numeric: true },
  { sort: 'ratio', numeric: true },
  { sort: 'median', numeric: true },
  { sort: 'systemLeaders', numeric: true },
  { sort: 'systemLeaderDays', numeric: true },
];

/** The filter form's choices in the reader's language, shared with the map page. */
export async function capacityFormItems(
  ctx: Pick<AppContext, 'snapshots'>,
  request: FastifyRequest,
  chosen: Record<string, unknown>,
) {
  const snapshot = await ctx.snapshots.get();
  const profiles = profileChoices(snapshot);
  const tm = (message: string) => translateMessage(request.language, { message });
  return {
    byItems: CAPACITY_GEOGRAPHIES.map((g) => ({
      value: g,
      text: tm(CAPACITY_GEOGRAPHY_LABELS[g]),
      selected: g === chosen.by,
    })),
    phaseItems: [
      { value: '', text: tm('All phases') },
      ...PHASES.map((p) => ({ value: p, text: tm(PHASE_LABELS[p]), selected: p === chosen.phase })),
    ],
    profileItems: profiles.map((p) => ({
      value: p.name,
      text: tm(p.title),
      selected: p.name === chosen.profile,
    })),
    radiusHint: request.t('capacity.radiusHint', snapshot.settings.radiusKm),
  };
}

/** The figures with each area named as the reader's pages name it ("Caerdydd"), for the table and its CSV. */
function namedIn(language: Language, result: CapacityWithLeaders): CapacityWithLeaders {
  const named = <A extends Area>(area: A): A => ({
    ...area,
    name: placeNameIn(language, area),
  });
  return {
    ...result,
    areas: result.areas.map(named),
    leaders: result.leaders && result.leaders.map((leader) => ({ ...leader, area: named(leader.area) })),
  };
}

/** Each area's schools in need (of the phase counted) with the supporters the national allocation gives them. */
function allocationHref(
  by: string,
  code: string,
  { profile, phase }: { profile?: string; phase?: string },
): string | undefined {
  const filter = { la: 'la', region: 'region', constituency: 'constituency' }[by];
  if (!filter || code === 'not-recorded') return undefined;
  const params = new URLSearchParams({ [filter]: code });
  if (phase) params.set('phase', phase);
  if (profile) params.set('profile', profile);
  return `/allocations?${params.toString()}`;
}

/** Public pages: the figures are drawn from public data and name only schools. */
const capacityPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.get('/capacity', { config: { heavy: true } }, async (request, reply) => {
    const raw = request.query as Record<string, string>;
    const parsed = capacityPageQuery.safeParse(raw);
    const form = await capacityFormItems(ctx, request, { by: 'la', ...raw });
    const render = (context: object) => reply.page('capacity/table.njk', { raw, ...form, ...context });
    if (!parsed.success) {
      reply.code(400);
      return render(formErrors(parsed.error));
    }
    const outcome = await capacityFor(ctx, parsed.data);
    if (!outcome.ok) {
      reply.code(400);
      return render(formErrors(outcome.error));
    }
    const { sort, order } = parsed.data;
    const result = namedIn(request.language, await capacityWithLeaders(ctx, outcome.value));
    return render({
      result,
      radiusText: radiusInWords(request.t, result),
      buckets: result.total.distribution.map((b) => ({ ...b, label: reachInWords(request.t, b) })),
      areas: sortAreas(result.areas, sort, order).map((area) => ({
        ...area,
        allocationHref: allocationHref(result.by, area.code, parsed.data),
      })),
      outOfReach: result.areas.filter((a) => a.inNeedOutOfReach.length > 0),
      columns: COLUMNS.map((c) => ({
        ...c,
        text: request.t(`capacity.column.${c.sort}`),
        ariaSort: c.sort === sort ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
        nextOrder:
          c.sort === sort && order === 'asc' ? 'desc' : c.numeric && c.sort !== sort ? 'desc' : 'asc',
      })),
      byLabel: translateMessage(request.language, { message: CAPACITY_GEOGRAPHY_LABELS[result.by] }),
      phaseLabel: translateMessage(request.language, {
        message: result.phase ? PHASE_LABELS[result.phase] : 'All phases',
      }),
    });
  });

  app.get('/capacity.csv', { config: { heavy: true } }, async (request, reply) => {
    const parsed = capacityQuery.safeParse(request.query);
    if (!parsed.success) return sendPlainTextProblem(reply, parsed.error);
    const outcome = await capacityFor(ctx, parsed.data);
    if (!outcome.ok) return sendPlainTextProblem(reply, outcome.error);
    const { by, phase } = outcome.value;
    const result = namedIn(request.language, await capacityWithLeaders(ctx, outcome.value));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="s2s-capacity-${by}-${phase ?? 'all-phases'}.csv"`)
      .send(
        capacityCsv(result, (await app.datasetInfo()).provenance, {
          t: request.t,
          write: (p) => translatePhrase(request.language, p),
        }),
      );
  });
};

export default capacityPages;
