import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DESIGNATION_LABELS, DESIGNATIONS, type Designation, type SessionUser } from '../../domain/access.ts';
import type { Language } from '../../domain/language.ts';
import { translateMessage } from '../../i18n/index.ts';
import type { AppContext } from '../../app/context.ts';
import {
  designatedLeaders,
  personById,
  personIdByEmail,
  schoolsOf,
  setDesignation,
} from '../../app/admin/people.ts';
import { requirePlatformAdmin, requireUser } from '../http/guards.ts';
import { formError, formErrors, type FormErrors } from '../http/forms.ts';

const NO_DESIGNATION = 'none';
/** "Arweinydd addysg cenedlaethol (NLE)": the designation in the reader's language, with its letters. */
const designationIn = (language: Language, designation: Designation) =>
  `${translateMessage(language, { message: DESIGNATION_LABELS[designation] })} (${designation})`;
const designationForm = z.object({
  designation: z.enum([...DESIGNATIONS, NO_DESIGNATION], {
    error: 'Choose the person’s designation, or no designation',
  }),
});
const findForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter the email address of the person’s account')
    .max(320, 'Enter an email address in the correct format, like name@example.com'),
});

/**
 * Platform administrators record who holds a system-leader designation (NLE, LLE, SLE, NLG):
 * designations are awarded outside S2S, so an administrator sets or removes them here, audited.
 */
const adminPeople: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const guard = { preHandler: requirePlatformAdmin };

  const renderPeople = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<FormErrors> & { values?: unknown } = {},
  ) =>
    reply.page('admin/people.njk', {
      leaders: (await designatedLeaders(ctx)).map((l) => ({
        ...l,
        designationText: designationIn(request.language, l.designation),
      })),
      ...extra,
    });

  /** The person the `:userId` parameter names, or undefined (the caller answers 404). */
  const person = (request: FastifyRequest) =>
    personById(ctx, Number((request.params as { userId: string }).userId));

  const renderPerson = async (
    request: FastifyRequest,
    reply: FastifyReply,
    someone: SessionUser,
    extra: Partial<FormErrors> & { saved?: boolean; chosen?: unknown } = {},
  ) => {
    const { language, t } = request;
    const chosen = 'chosen' in extra ? extra.chosen : (someone.systemLeader?.designation ?? NO_DESIGNATION);
    return reply.page('admin/person.njk', {
      title: someone.name,
      person: someone,
      schools: await schoolsOf(ctx, someone),
      designation: someone.systemLeader ? designationIn(language, someone.systemLeader.designation) : null,
      designationItems: [
        ...DESIGNATIONS.map((d) => ({ value: d, text: designationIn(language, d), checked: chosen === d })),
        { divider: t('adminPeople.or') },
        { value: NO_DESIGNATION, text: t('adminPeople.noDesignation'), checked: chosen === NO_DESIGNATION },
      ],
      ...extra,
    });
  };

  app.get('/admin/people', guard, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (query.email === undefined) return renderPeople(request, reply);
    const parsed = findForm.safeParse(query);
    const found = parsed.success ? await personIdByEmail(ctx, parsed.data.email) : undefined;
    if (found) return reply.redirect(`/admin/people/${found}`, 303);
    reply.code(400);
    return renderPeople(request, reply, {
      values: { email: query.email },
      ...(parsed.success
        ? formError('email', 'No one has an account with that email address')
        : formErrors(parsed.error)),
    });
  });

  app.get('/admin/people/:userId', guard, async (request, reply) => {
    const someone = await person(request);
    if (!someone) return reply.callNotFound();
    return renderPerson(request, reply, someone, {
      saved: (request.query as Record<string, unknown>).saved === '1',
    });
  });

  app.post('/admin/people/:userId/designation', guard, async (request, reply) => {
    const someone = await person(request);
    if (!someone) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = designationForm.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return renderPerson(request, reply, someone, { chosen: body.designation, ...formErrors(parsed.error) });
    }
    const { designation } = parsed.data;
    await setDesignation(
      ctx,
      someone,
      designation === NO_DESIGNATION ? null : designation,
      requireUser(request),
    );
    return reply.redirect(`/admin/people/${someone.id}?saved=1`, 303);
  });
};

export default adminPeople;
