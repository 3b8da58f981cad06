import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { getSchoolDeclaration, saveSchoolDeclaration } from '../../data/declarations.ts';
import { getSchoolNames } from '../../data/school-names.ts';
import { MAX_CAPACITY_TO_SUPPORT, NEED_AREAS, NEED_AREA_LABELS } from '../../domain/declarations.ts';
import type { AppDeps } from '../app.ts';
import { requireSchoolMember, urnParam } from '../http/guards.ts';
import { asList, formErrors } from '../http/forms.ts';

const declarationForm = z.object({
  capacityToSupport: z
    .string()
    .trim()
    .min(1, 'Enter how many schools you can support at once, or 0')
    .regex(/^\d+$/, 'Capacity to support must be a whole number, like 2')
    .transform(Number)
    .pipe(
      z
        .number()
        .max(
          MAX_CAPACITY_TO_SUPPORT,
          `Capacity to support must be ${MAX_CAPACITY_TO_SUPPORT} schools or fewer`,
        ),
    ),
  needs: z.array(z.enum(NEED_AREAS, { error: 'Choose areas from the list' })),
});

/** A school's own declaration: its capacity to support others and the areas where it wants support. */
const schoolSettings: FastifyPluginAsync<AppDeps> = async (app, { db }) => {
  const guard = { preHandler: requireSchoolMember() };
  const needItems = (selected: readonly string[]) =>
    NEED_AREAS.map((value) => ({ value, text: NEED_AREA_LABELS[value], checked: selected.includes(value) }));
  const schoolName = async (urn: number) => (await getSchoolNames(db, [urn])).get(urn);

  app.get('/schools/:urn/settings', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const name = await schoolName(urn);
    if (!name) return reply.callNotFound();
    const declaration = await getSchoolDeclaration(db, urn);
    return reply.page('schools/settings.njk', {
      title: `Settings for ${name}`,
      school: { urn, name },
      values: { capacityToSupport: String(declaration?.capacityToSupport ?? '') },
      needItems: needItems(declaration?.needs ?? []),
      saved: (request.query as Record<string, unknown>).saved === '1',
      updatedAt: declaration?.updatedAt,
    });
  });

  app.post('/schools/:urn/settings', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const name = await schoolName(urn);
    if (!name) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = declarationForm.safeParse({
      capacityToSupport: typeof body.capacityToSupport === 'string' ? body.capacityToSupport : '',
      needs: asList(body.needs),
    });
    if (!parsed.success) {
      const { errors, fieldErrors } = formErrors(parsed.error);
      reply.code(400);
      return reply.page('schools/settings.njk', {
        title: `Settings for ${name}`,
        school: { urn, name },
        values: { capacityToSupport: body.capacityToSupport },
        needItems: needItems(asList(body.needs).map(String)),
        errors,
        fieldErrors,
      });
    }
    await saveSchoolDeclaration(db, { urn, ...parsed.data }, request.user!);
    app.snapshots.refreshSoon();
    return reply.redirect(`/schools/${urn}/settings?saved=1`, 303);
  });
};

export default schoolSettings;
