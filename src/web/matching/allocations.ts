import type { FastifyPluginAsync } from 'fastify';
import { allocationCsv } from '../../app/matching/allocation-csv.ts';
import {
  allocationAreaQuery,
  allocationInArea,
  allocationPageInWords,
  allocationQuery,
} from '../../app/matching/allocations.ts';
import { profileChoices } from '../../app/capacity/registry-source.ts';
import type { AppContext } from '../../app/context.ts';
import { searchFilters } from '../../app/schools/search.ts';
import { PHASE_LABELS } from '../../domain/school.ts';
import { formErrors } from '../http/forms.ts';
import { sendPlainTextProblem } from '../http/plain-text-problem.ts';
import { inSentence } from '../http/labels.ts';
import { areaItems } from '../http/places.ts';
import { translateMessage, translatePhrase } from '../../i18n/index.ts';
import { inPlacesIn } from '../../i18n/places.ts';

/** How many supported schools one page lists. */
const PAGE_SIZE = 50;
/** How many schools without a supporter the page lists; the CSV has them all. */
const UNSUPPORTED_SHOWN = 200;

/** The national allocation for people: public, like the capacity figures it explains. */
const allocations: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.get('/allocations', { config: { heavy: true } }, async (request, reply) => {
    const raw = request.query as Record<string, string | undefined>;
    const parsed = allocationQuery.safeParse({ limit: PAGE_SIZE, ...raw });
    const [filters, snapshot] = await Promise.all([searchFilters(ctx), ctx.snapshots.get()]);
    const chosen = parsed.success
      ? parsed.data
      : {
          region: undefined,
          la: undefined,
          phase: undefined,
          profile: undefined,
          offset: 0,
          limit: PAGE_SIZE,
        };
    const result = parsed.success
      ? await allocationPageInWords(ctx, parsed.data, UNSUPPORTED_SHOWN)
      : undefined;
    const { errors, fieldErrors } = formErrors(
      !parsed.success ? parsed.error : result && !result.ok ? result.error : [],
    );
    if (errors.length > 0) reply.code(400);
    const answer = result?.ok ? result.value : undefined;
    const region = filters.regions.find(
      (r) => r.code === chosen.region || r.name.toLowerCase() === chosen.region?.toLowerCase(),
    );
    const la = filters.localAuthorities.find(
      (a) => a.code === chosen.la || a.name.toLowerCase() === chosen.la?.toLowerCase(),
    );
    const constituency =
      chosen.constituency && answer
        ? (snapshot.schools.find((s) => s.constituency?.code === chosen.constituency)?.constituency ??
          chosen.constituency)
        : undefined;
    const { language, t } = request;
    const place = inPlacesIn(language, [la ?? chosen.la, constituency, region ?? chosen.region], (place) =>
      t('allocations.areaPlace', { place }),
    );
    const tm = (message: string) => translateMessage(language, { message });
    const phase = chosen.phase && inSentence(language, PHASE_LABELS[chosen.phase]);
    // The filters chosen, as the page's words go on: "schools in need in Kent, in the primary phase".
    const area = [place, phase && t('allocations.areaPhase', { phase })].filter(Boolean).join(', ');
    const pages = answer ? Math.ceil(answer.total / answer.limit) : 0;
    const current = answer ? Math.floor(answer.offset / answer.limit) + 1 : 1;
    const pageHref = (n: number) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(raw)) if (v && k !== 'offset' && k !== 'limit') params.set(k, v);
      if (n > 1) params.set('offset', String((n - 1) * PAGE_SIZE));
      const qs = params.toString();
      return `/allocations${qs ? `?${qs}` : ''}`;
    };
    const csvParams = new URLSearchParams();
    for (const k of ['profile', 'region', 'la', 'constituency', 'phase'] as const) {
      const v = raw[k];
      if (v) csvParams.set(k, v);
    }
    return reply.page('matching/allocations.njk', {
      title: area ? t('allocations.titleIn', { area }) : t('allocations.heading'),
      raw,
      errors,
      fieldErrors,
      answer,
      shownTo: answer ? Math.min(answer.offset + answer.limit, answer.total) : 0,
      area,
      csvHref: `/allocations.csv${csvParams.size ? `?${csvParams.toString()}` : ''}`,
      pagination:
        pages > 1
          ? {
              previous: current > 1 ? { href: pageHref(current - 1) } : undefined,
              next: current < pages ? { href: pageHref(current + 1) } : undefined,
              items: [...new Set([1, current - 1, current, current + 1, pages])]
                .filter((n) => n >= 1 && n <= pages)
                .sort((a, b) => a - b)
                .map((n) => ({ number: n, href: pageHref(n), current: n === current })),
            }
          : undefined,
      regionItems: areaItems(language, filters.regions, region?.code, tm('All regions')),
      phaseItems: [
        { value: '', text: tm('All phases') },
        ...filters.phases.map((p) => ({ value: p, text: tm(PHASE_LABELS[p]), selected: p === chosen.phase })),
      ],
      laItems: areaItems(language, filters.localAuthorities, la?.code, tm('All local authorities')),
      profileItems: profileChoices(snapshot).map((p) => ({
        value: p.name,
        text: tm(p.title),
        selected: answer ? p.name === answer.profile.name : p.name === chosen.profile,
      })),
    });
  });

  app.get('/allocations.csv', { config: { heavy: true } }, async (request, reply) => {
    const parsed = allocationAreaQuery.safeParse(request.query);
    if (!parsed.success) return sendPlainTextProblem(reply, parsed.error);
    const found = await allocationInArea(ctx, parsed.data);
    if (!found.ok) return sendPlainTextProblem(reply, found.error);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="s2s-allocation.csv"')
      .send(
        allocationCsv(found.value, (await app.datasetInfo()).provenance, {
          t: request.t,
          write: (p) => translatePhrase(request.language, p),
        }),
      );
  });
};

export default allocations;
