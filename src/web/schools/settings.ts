import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { declareForSchool, schoolDeclaration } from '../../app/schools/declarations.ts';
import { FOCUS_AREA_LABELS, type FocusArea } from '../../domain/focus-areas.ts';
import type { Language } from '../../domain/language.ts';
import { asList, formErrors, type FormErrors } from '../http/forms.ts';
import { labelsIn } from '../http/labels.ts';
import { requireSchoolMember, requireUser, urnParam } from '../http/guards.ts';
import { sendProblem } from '../http/problem.ts';

const focusItems = (language: Language, offered: readonly FocusArea[], selected: readonly string[]) => {
  const labels = labelsIn(language, FOCUS_AREA_LABELS);
  return offered.map((value) => ({ value, text: labels[value], checked: selected.includes(value) }));
};

/** A school's own declaration: its capacity to support others, where it wants support and what it offers. */
const schoolSettings: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const guard = { preHandler: requireSchoolMember() };
  const render = (
    reply: FastifyReply,
    school: { urn: number; name: string; focusAreas: readonly FocusArea[] },
    context: {
      values: Record<string, unknown>;
      needs: readonly string[];
      offers: readonly string[];
    } & Partial<FormErrors> &
      Record<string, unknown>,
  ) =>
    reply.page('schools/settings.njk', {
      school,
      ...context,
      needItems: focusItems(reply.request.language, school.focusAreas, context.needs),
      offerItems: focusItems(reply.request.language, school.focusAreas, context.offers),
    });

  app.get('/schools/:urn/settings', guard, async (request, reply) => {
    const found = await schoolDeclaration(ctx, requireUser(request), urnParam(request)!);
    if (!found.ok) return sendProblem(request, reply, found.error);
    const { school, declaration } = found.value;
    return render(reply, school, {
      values: {
        capacityToSupport: String(declaration?.capacityToSupport ?? ''),
        offerNote: declaration?.offerNote ?? '',
      },
      needs: declaration?.needs ?? [],
      offers: declaration?.offers ?? [],
      saved: (request.query as Record<string, unknown>).saved === '1',
      updatedAt: declaration?.updatedAt,
    });
  });

  app.post('/schools/:urn/settings', guard, async (request, reply) => {
    const user = requireUser(request);
    const found = await schoolDeclaration(ctx, user, urnParam(request)!);
    if (!found.ok) return sendProblem(request, reply, found.error);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const saved = await declareForSchool(ctx, user, found.value.school.urn, {
      capacityToSupport: typeof body.capacityToSupport === 'string' ? body.capacityToSupport : '',
      needs: asList(body.needs),
      offers: asList(body.offers),
      offerNote: typeof body.offerNote === 'string' ? body.offerNote : '',
    });
    if (!saved.ok) {
      reply.code(400);
      return render(reply, found.value.school, {
        values: { capacityToSupport: body.capacityToSupport, offerNote: body.offerNote },
        needs: asList(body.needs).map(String),
        offers: asList(body.offers).map(String),
        ...formErrors(saved.error),
      });
    }
    return reply.redirect(`/schools/${saved.value.urn}/settings?saved=1`, 303);
  });
};

export default schoolSettings;
