import type { FastifyPluginAsync } from 'fastify';
import { CAPACITY_GEOGRAPHIES, CAPACITY_GEOGRAPHY_LABELS } from '../../domain/capacity/aggregate.ts';
import { PHASES, PHASE_LABELS } from '../../domain/school.ts';
import type { AppContext } from '../../app/context.ts';
import { capacityCsv } from '../../app/capacity/csv.ts';
import { capacityQuery } from '../../app/capacity/query.ts';
import { capacityFor, capacityWithLeaders, describeDefaults } from '../../app/capacity/capacity.ts';
import { profileChoices } from '../../app/capacity/registry-source.ts';
import { formErrors } from '../http/forms.ts';
import { capacityPageQuery, sortAreas, type CapacitySort } from './table.ts';

const COLUMNS: { sort: CapacitySort; text: string; numeric: boolean }[] = [
  { sort: 'name', text: 'Area', numeric: false },
  { sort: 'highPerforming', text: 'High-performing schools', numeric: true },
  { sort: 'inNeed', text: 'Schools in need of support', numeric: true },
  { sort: 'ratio', text: 'High-performing per school in need', numeric: true },
  { sort: 'median', text: 'Median high-performing within reach', numeric: true },
  { sort: 'systemLeaders', text: 'System leaders', numeric: true },
  { sort: 'systemLeaderDays', text: 'System leaders’ days free', numeric: true },
];

/** The filter form's choices, shared with the map page. */
export async function capacityFormItems(ctx: Pick<AppContext, 'snapshots'>, chosen: Record<string, unknown>) {
  const snapshot = await ctx.snapshots.get();
  const profiles = profileChoices(snapshot);
  return {
    byItems: CAPACITY_GEOGRAPHIES.map((g) => ({
      value: g,
      text: CAPACITY_GEOGRAPHY_LABELS[g],
      selected: g === chosen.by,
    })),
    phaseItems: [
      { value: '', text: 'All phases' },
      ...PHASES.map((p) => ({ value: p, text: PHASE_LABELS[p], selected: p === chosen.phase })),
    ],
    profileItems: profiles.map((p) => ({
      value: p.name,
      text: p.title,
      selected: p.name === chosen.profile,
    })),
    radiusHint: `Leave blank for each phase's default: ${describeDefaults(snapshot.settings.radiusKm)}.`,
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
    const form = await capacityFormItems(ctx, { by: 'la', ...raw });
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
    const result = await capacityWithLeaders(ctx, outcome.value);
    return render({
      result,
      areas: sortAreas(result.areas, sort, order).map((area) => ({
        ...area,
        allocationHref: allocationHref(result.by, area.code, parsed.data),
      })),
      outOfReach: result.areas.filter((a) => a.inNeedOutOfReach.length > 0),
      columns: COLUMNS.map((c) => ({
        ...c,
        ariaSort: c.sort === sort ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
        nextOrder:
          c.sort === sort && order === 'asc' ? 'desc' : c.numeric && c.sort !== sort ? 'desc' : 'asc',
      })),
      byLabel: CAPACITY_GEOGRAPHY_LABELS[result.by],
      phaseLabel: result.phase ? PHASE_LABELS[result.phase] : null,
    });
  });

  app.get('/capacity.csv', { config: { heavy: true } }, async (request, reply) => {
    const parsed = capacityQuery.safeParse(request.query);
    if (!parsed.success) {
      return reply
        .code(400)
        .type('text/plain; charset=utf-8')
        .send(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('\n'));
    }
    const outcome = await capacityFor(ctx, parsed.data);
    if (!outcome.ok) return reply.code(400).type('text/plain; charset=utf-8').send(outcome.error.message);
    const { by, phase } = outcome.value;
    const result = await capacityWithLeaders(ctx, outcome.value);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="s2s-capacity-${by}-${phase ?? 'all-phases'}.csv"`)
      .send(capacityCsv(result, (await app.datasetInfo()).provenance));
  });
};

export default capacityPages;
