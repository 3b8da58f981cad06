import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addOrganisationSchoolAudited,
  createOrganisationAudited,
  getOrganisationDetail,
} from '../../data/organisation-admin.ts';
import { getOrganisation, listOrganisations } from '../../data/organisations.ts';
import { getSchoolNames } from '../../data/school-names.ts';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '../../domain/access.ts';
import type { AppContext } from '../../app/context.ts';
import { requirePlatformAdmin } from '../http/guards.ts';
import { formError, formErrors, type FormErrors } from '../http/forms.ts';
import { inviteEmail, sendInvitation } from '../../app/accounts/invitations.ts';

const organisationForm = z.object({
  kind: z.enum(ORGANISATION_KINDS, { error: 'Choose the kind of organisation' }),
  name: z
    .string()
    .trim()
    .min(1, 'Enter the organisation’s name')
    .max(200, 'Name must be 200 characters or fewer'),
});
const urnField = z.object({
  urn: z
    .string()
    .trim()
    .regex(/^\d{5,7}$/, 'Enter a URN: the school’s 6-digit unique reference number')
    .transform(Number),
});
type Extra = Partial<FormErrors> & { values?: Record<string, unknown> };

/** Platform administration: organisations, their schools and officers, and a way into any school's members. */
const admin: FastifyPluginAsync<AppContext> = async (app, deps) => {
  const { db } = deps;
  const guard = { preHandler: requirePlatformAdmin };
  const kindItems = (selected?: unknown) =>
    ORGANISATION_KINDS.map((k) => ({ value: k, text: ORGANISATION_KIND_LABELS[k], checked: k === selected }));
  const orgId = (request: FastifyRequest) => Number((request.params as { id: string }).id);

  const renderIndex = async (request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) =>
    reply.page('admin/index.njk', {
      title: 'Platform administration',
      organisations: (await listOrganisations(db)).map((o) => ({
        ...o,
        kindLabel: ORGANISATION_KIND_LABELS[o.kind],
      })),
      kindItems: kindItems(extra.values?.kind),
      ...extra,
    });

  const renderOrganisation = async (request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) => {
    const organisation = await getOrganisation(db, orgId(request));
    if (!organisation) return reply.callNotFound();
    const query = request.query as Record<string, unknown>;
    return reply.page('admin/organisation.njk', {
      title: organisation.name,
      organisation: { ...organisation, kindLabel: ORGANISATION_KIND_LABELS[organisation.kind] },
      ...(await getOrganisationDetail(db, organisation.id)),
      invited: typeof query.invited === 'string' ? query.invited : undefined,
      ...extra,
    });
  };

  app.get('/admin', guard, (request, reply) => renderIndex(request, reply));

  app.post('/admin/organisations', guard, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = organisationForm.safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return renderIndex(request, reply, { values: body, ...formErrors(parsed.error) });
    }
    try {
      const id = await createOrganisationAudited(db, parsed.data, request.user!);
      return reply.redirect(`/admin/organisations/${id}`, 303);
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      reply.code(400);
      return renderIndex(request, reply, {
        values: body,
        ...formError(
          'name',
          `There is already a ${ORGANISATION_KIND_LABELS[parsed.data.kind].toLowerCase()} called ${parsed.data.name}`,
        ),
      });
    }
  });

  app.get('/admin/school', guard, async (request, reply) => {
    const parsed = urnField.safeParse(request.query);
    if (!parsed.success || !(await getSchoolNames(db, [parsed.data.urn])).has(parsed.data.urn)) {
      reply.code(400);
      return renderIndex(request, reply, {
        values: { urn: (request.query as Record<string, unknown>).urn },
        ...(parsed.success ? formError('urn', 'No school has that URN') : formErrors(parsed.error)),
      });
    }
    return reply.redirect(`/schools/${parsed.data.urn}/members`, 303);
  });

  app.get('/admin/organisations/:id', guard, (request, reply) => renderOrganisation(request, reply));

  app.post('/admin/organisations/:id/schools', guard, async (request, reply) => {
    const organisation = await getOrganisation(db, orgId(request));
    if (!organisation) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = urnField.safeParse(body);
    const known = parsed.success && (await getSchoolNames(db, [parsed.data.urn])).has(parsed.data.urn);
    if (!parsed.success || !known) {
      reply.code(400);
      return renderOrganisation(request, reply, {
        values: body,
        ...(parsed.success ? formError('urn', 'No school has that URN') : formErrors(parsed.error)),
      });
    }
    await addOrganisationSchoolAudited(db, organisation.id, parsed.data.urn, request.user!);
    return reply.redirect(`/admin/organisations/${organisation.id}`, 303);
  });

  app.post('/admin/organisations/:id/invitations', guard, async (request, reply) => {
    const organisation = await getOrganisation(db, orgId(request));
    if (!organisation) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = z.object({ email: inviteEmail }).safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return renderOrganisation(request, reply, { values: body, ...formErrors(parsed.error) });
    }
    await sendInvitation(app, deps, {
      email: parsed.data.email,
      target: { organisationId: organisation.id },
      invitedBy: request.user!,
      joining: organisation.name,
    });
    return reply.redirect(
      `/admin/organisations/${organisation.id}?invited=${encodeURIComponent(parsed.data.email)}`,
      303,
    );
  });
};

export default admin;
