import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { SCHOOL_GROUP_LABELS } from '../../domain/classification/types.ts';
import { STRATEGIES, STRATEGY_LABELS } from '../../domain/matching/settings.ts';
import { PHASE_LABELS } from '../../domain/school.ts';
import { searchPartners } from '../../domain/snapshot.ts';
import type { AppDeps } from '../app.ts';
import { partnersQuery } from '../../app/matching/query.ts';
import { partnersMap } from './partners-map.ts';

const FIELD_IDS: Record<string, string> = { strategy: 'strategy', radiusKm: 'radiusKm', profile: 'profile' };

/** "Find partners": public, like the school profile it hangs from (published data only). */
const partners: FastifyPluginAsync<AppDeps> = async (app) => {
  app.get('/schools/:urn/partners', async (request, reply) => {
    const params = z.object({ urn: z.coerce.number().int().positive() }).safeParse(request.params);
    const snapshot = await app.snapshots.get();
    const school = params.success ? snapshot.byUrn.get(params.data.urn) : undefined;
    if (!school) {
      reply.code(404);
      return reply.page('layout/errors/404.njk');
    }
    const raw = request.query as Record<string, string | undefined>;
    const parsed = partnersQuery.safeParse(raw);
    const errors = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({
          text: i.message,
          href: `#${FIELD_IDS[String(i.path[0])] ?? 'strategy'}`,
        }));
    const fieldError = (field: string) => {
      const e = errors.find((x) => x.href === `#${field}`);
      return e ? { text: e.text } : undefined;
    };
    const query = parsed.success ? parsed.data : partnersQuery.parse({});
    const { profile, ...search } = query;
    const result = parsed.success ? searchPartners(snapshot, school.urn, search, profile) : undefined;
    if (result && !result.ok && result.error === 'unknown-profile') {
      errors.push({ text: result.message, href: '#profile' });
    }
    const view = snapshot.view(result?.ok ? result.profile.name : undefined)!;
    const classification = view.classifications.get(school.urn)!;
    if (errors.length > 0) reply.code(400);
    return reply.page('matching/partners.njk', {
      title: `Find partners for ${school.name}`,
      school,
      phaseLabel: PHASE_LABELS[school.phase],
      groupLabel: SCHOOL_GROUP_LABELS[classification.group],
      classification,
      errors,
      strategyError: fieldError('strategy'),
      radiusError: fieldError('radiusKm'),
      profileError: fieldError('profile'),
      raw,
      strategy: query.strategy,
      strategyItems: STRATEGIES.map((s) => ({
        value: s,
        text: STRATEGY_LABELS[s],
        checked: s === query.strategy,
      })),
      profileItems: snapshot.profiles.map((p) => ({
        value: p.name,
        text: p.title,
        selected: p.name === view.profile.name,
      })),
      defaultRadiusKm: snapshot.settings.radiusKm[school.phase],
      result: result?.ok ? result : undefined,
      problem: result && !result.ok && result.error !== 'unknown-profile' ? result.message : undefined,
      map:
        result?.ok && school.location && result.candidates.length > 0
          ? partnersMap(
              school.location,
              result.radiusKm,
              result.candidates.map((c) => c.location),
            )
          : undefined,
      groupLabels: SCHOOL_GROUP_LABELS,
    });
  });
};

export default partners;
