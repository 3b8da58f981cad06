import { translateMessage } from '../../i18n/index.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { findSystemLeaders, systemLeaderProfile } from '../../app/leaders/directory.ts';
import { leaderQuery, type LeaderQuery } from '../../app/leaders/query.ts';
import { DESIGNATION_LABELS, DESIGNATIONS } from '../../domain/access.ts';
import { PHASE_LABELS } from '../../domain/school.ts';
import { LEADER_PHASES } from '../../app/leaders/profile-input.ts';
import { asList, formErrors } from '../http/forms.ts';
import { idParams } from '../http/params.ts';
import { sendProblem } from '../http/problem.ts';
import {
  chargingText,
  clientSchoolText,
  daysText,
  expertiseItems,
  expertiseText,
  leaderRow,
  phasesText,
  travelText,
} from './presenters.ts';

/** The search's own address with a different page, keeping every filter (lists included). */
function pageHref(raw: Record<string, unknown>, offset: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'offset') continue;
    for (const v of asList(value)) if (v !== '') search.append(key, String(v));
  }
  if (offset > 0) search.set('offset', String(offset));
  return `/system-leaders?${search}`;
}

function pagination(raw: Record<string, unknown>, total: number, { limit, offset }: LeaderQuery) {
  if (total <= limit) return null;
  return {
    previous: offset > 0 ? { href: pageHref(raw, Math.max(0, offset - limit)) } : undefined,
    next: offset + limit < total ? { href: pageHref(raw, offset + limit) } : undefined,
  };
}

/** Public: the directory of published profiles, and each profile. */
const directoryPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.get('/system-leaders', async (request, reply) => {
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof raw[key] === 'string' ? raw[key] : '');
    const chosenExpertise = asList(raw.expertise).map(String);
    const form = {
      raw,
      values: { near: text('near'), available: text('available') },
      expertiseItems: expertiseItems(chosenExpertise, request.language),
      phaseItems: [
        { value: '', text: request.t('leaders.directory.anyPhase') },
        ...LEADER_PHASES.map((p) => ({
          value: p,
          text: translateMessage(request.language, { message: PHASE_LABELS[p] }),
          selected: p === raw.phase,
        })),
      ],
      designationItems: [
        { value: '', text: request.t('leaders.directory.anyDesignation') },
        ...DESIGNATIONS.map((d) => ({
          value: d,
          text: `${translateMessage(request.language, { message: DESIGNATION_LABELS[d] })} (${d})`,
          selected: d === raw.designation,
        })),
      ],
    };
    const render = (context: object) =>
      reply.page('leaders/directory.njk', {
        title: request.t('leaders.directory.title'),
        ...form,
        ...context,
      });
    const parsed = leaderQuery.safeParse(raw);
    if (!parsed.success) {
      reply.code(400);
      return render(formErrors(parsed.error));
    }
    const found = await findSystemLeaders(ctx, parsed.data);
    if (!found.ok) {
      reply.code(400);
      return render(formErrors(found.error));
    }
    const result = found.value;
    return render({
      result,
      leaders: result.items.map(leaderRow(request.language)),
      pagination: pagination(raw, result.total, parsed.data),
    });
  });

  app.get('/system-leaders/:id', async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return reply.callNotFound();
    const found = await systemLeaderProfile(ctx, request.user, params.data.id);
    if (!found.ok) return sendProblem(request, reply, found.error);
    const { profile, capacity, own, deployments } = found.value;
    return reply.page('leaders/profile.njk', {
      title: profile.name,
      profile,
      own,
      expertise: expertiseText(profile.expertise, request.language),
      phases: phasesText(profile.phases, request.language),
      charging: chargingText(profile, request.language),
      travel: travelText(profile, request.language),
      daysLeft: daysText(capacity.daysLeft, request.language),
      terms: capacity.terms,
      deployments: deployments.map((d) => ({
        ...d,
        daysText: daysText(d.days, request.language),
        school: clientSchoolText(d.school, request.language),
      })),
    });
  });
};

export default directoryPages;
