import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { readableSchoolAssessments } from '../../app/readiness/access.ts';
import { schoolName } from '../../app/schools/names.ts';
import { canAnswer } from '../../domain/readiness/access.ts';
import { PARTNERSHIP_TYPE_LABELS } from '../../domain/partnerships/model.ts';
import { translateMessage } from '../../i18n/index.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { frameworkTitleIn, type ReadinessDeps } from './load.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One school's readiness assessments, reached from its profile: those this user may read. Its
 * members see them all; a partner school or an organisation sees what the school shared.
 */
const school: FastifyPluginAsync<ReadinessDeps> = async (app, { ctx, catalogue }) => {
  app.get('/schools/:urn/readiness', { preHandler: requireSignedIn }, async (request, reply) => {
    const params = z.object({ urn: z.coerce.number().int().positive() }).safeParse(request.params);
    const urn = params.success ? params.data.urn : undefined;
    const name = urn === undefined ? undefined : await schoolName(ctx, urn);
    if (urn === undefined || name === undefined) return reply.callNotFound();
    const user = requireUser(request);
    const assessments = (await readableSchoolAssessments(ctx, urn, user)).map((a) => ({
      ...a,
      ...frameworkTitleIn(catalogue, request.language, a.frameworkId, a.frameworkVersion),
      considering: translateMessage(request.language, {
        message: PARTNERSHIP_TYPE_LABELS[a.partnershipType],
      }),
      when: isoDay(a.completedAt ?? a.startedAt),
      // A draft opens on its task list for those who answer it; everything else on its report.
      href: `/readiness/assessments/${a.id}${a.status === 'draft' && canAnswer(a.access) ? '' : '/report'}`,
    }));
    return reply.page('readiness/school.njk', {
      school: { urn, name },
      assessments,
      member: user.schools.some((s) => s.urn === urn),
    });
  });
};

export default school;
