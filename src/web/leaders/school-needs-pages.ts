import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { leadersForSchoolNeeds } from '../../app/leaders/directory.ts';
import { FOCUS_AREA_IN_SENTENCE } from '../../domain/focus-areas.ts';
import { translateMessage } from '../../i18n/index.ts';
import { requireSchoolMember, requireUser, urnParam } from '../http/guards.ts';
import { sendProblem } from '../http/problem.ts';
import { leaderRow } from './presenters.ts';

/** A school's members see the system leaders who match what the school said it needs. */
const schoolNeedsPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.get('/schools/:urn/system-leaders', { preHandler: requireSchoolMember() }, async (request, reply) => {
    const found = await leadersForSchoolNeeds(ctx, requireUser(request), urnParam(request)!);
    if (!found.ok) return sendProblem(request, reply, found.error);
    const { school, needs, result } = found.value;
    return reply.page('leaders/school-needs.njk', {
      school,
      needs: needs.map((n) => translateMessage(request.language, { message: FOCUS_AREA_IN_SENTENCE[n] })),
      searchHref: `/system-leaders?${new URLSearchParams([...needs.map((n) => ['expertise', n]), ['near', String(school.urn)]])}`,
      leaders: (result?.items ?? []).map(leaderRow(request.language)),
    });
  });
};

export default schoolNeedsPages;
