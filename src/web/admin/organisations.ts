import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { schoolIdField } from '../../app/input.ts';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '../../domain/access.ts';
import type { AppContext } from '../../app/context.ts';
import type { Language } from '../../domain/language.ts';
import { labelsIn } from '../http/labels.ts';
import { requirePlatformAdmin, requireUser } from '../http/guards.ts';
import { formError, formErrors, type FormErrors } from '../http/forms.ts';
import { inviteEmail } from '../../app/accounts/invitations.ts';
import {
  addSchoolsInBulk,
  addSchoolToOrganisation,
  createOrganisation,
  inviteOfficer,
  organisationDetail,
  organisationsList,
  previewBulkSchools,
} from '../../app/admin/organisations.ts';
import { schoolName } from '../../app/schools/names.ts';
import { localAuthorityItems, renderBulkPreview } from './bulk-schools.ts';

const organisationForm = z.object({
  kind: z.enum(ORGANISATION_KINDS, { error: 'Choose the kind of organisation' }),
  name: z
    .string()
    .trim()
    .min(1, 'Enter the organisation’s name')
    .max(200, 'Name must be 200 characters or fewer'),
});
const urnField = z.object({
  urn: schoolIdField(
    'Enter the school’s URN (6 digits) or Welsh school number (7 digits)',
    'Enter the school’s URN (6 digits) or Welsh school number (7 digits)',
  ),
});
type Extra = Partial<FormErrors> & { values?: Record<string, unknown> };

/** Platform administration: organisations, their schools and officers, and a way into any school's members. */
const admin: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const guard = { preHandler: requirePlatformAdmin };
  const kindItems = (language: Language, selected?: unknown) => {
    const labels = labelsIn(language, ORGANISATION_KIND_LABELS);
    return ORGANISATION_KINDS.map((k) => ({ value: k, text: labels[k], checked: k === selected }));
  };
  const orgId = (request: FastifyRequest) => Number((request.params as { id: string }).id);

  const renderIndex = async (request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) =>
    reply.page('admin/index.njk', {
      organisations: await organisationsList(ctx),
      kindItems: kindItems(request.language, extra.values?.kind),
      ...extra,
    });

  const renderOrganisation = async (request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) => {
    const detail = await organisationDetail(ctx, orgId(request));
    if (!detail.ok) return reply.callNotFound();
    const query = request.query as Record<string, unknown>;
    const bulk = extra.values ?? {};
    return reply.page('admin/organisation.njk', {
      title: detail.value.organisation.name,
      ...detail.value,
      invited: typeof query.invited === 'string' ? query.invited : undefined,
      added: typeof query.added === 'string' && /^\d+$/.test(query.added) ? Number(query.added) : undefined,
      laItems: await localAuthorityItems(ctx, bulk.la, request.language),
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
    const created = await createOrganisation(ctx, parsed.data, requireUser(request));
    if (created.ok) return reply.redirect(`/admin/organisations/${created.value.id}`, 303);
    reply.code(400);
    return renderIndex(request, reply, { values: body, ...formErrors(created.error) });
  });

  app.get('/admin/school', guard, async (request, reply) => {
    const parsed = urnField.safeParse(request.query);
    if (!parsed.success || !(await schoolName(ctx, parsed.data.urn))) {
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
    const id = orgId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = urnField.safeParse(body);
    const added = parsed.success
      ? await addSchoolToOrganisation(ctx, id, parsed.data.urn, requireUser(request))
      : undefined;
    if (added?.ok) return reply.redirect(`/admin/organisations/${id}`, 303);
    if (added?.error.code === 'not-found') return reply.callNotFound();
    reply.code(400);
    return renderOrganisation(request, reply, {
      values: body,
      ...formErrors(added ? added.error : parsed.error!),
    });
  });

  // Many schools at once: a preview first, then a confirmation that repeats the same choice.
  app.post('/admin/organisations/:id/schools/preview', guard, async (request, reply) => {
    const id = orgId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const preview = await previewBulkSchools(ctx, id, body, requireUser(request));
    if (!preview.ok && preview.error.code === 'not-found') return reply.callNotFound();
    if (!preview.ok) {
      reply.code(400);
      return renderOrganisation(request, reply, { values: body, ...formErrors(preview.error) });
    }
    const detail = await organisationDetail(ctx, id);
    if (!detail.ok) return reply.callNotFound();
    const { organisation } = detail.value;
    return renderBulkPreview(reply, preview.value, body, {
      organisation,
      breadcrumbs: [
        { text: request.t('admin.index.title'), href: '/admin' },
        { text: organisation.name, href: `/admin/organisations/${id}` },
      ],
      bulkAction: `/admin/organisations/${id}/schools/bulk`,
      changeHref: `/admin/organisations/${id}#bulk`,
    });
  });

  app.post('/admin/organisations/:id/schools/bulk', guard, async (request, reply) => {
    const id = orgId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const added = await addSchoolsInBulk(ctx, id, body, requireUser(request));
    if (!added.ok && added.error.code === 'not-found') return reply.callNotFound();
    if (!added.ok) {
      reply.code(400);
      return renderOrganisation(request, reply, { values: body, ...formErrors(added.error) });
    }
    return reply.redirect(`/admin/organisations/${id}?added=${added.value.added}`, 303);
  });

  app.post('/admin/organisations/:id/invitations', guard, async (request, reply) => {
    const id = orgId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = z.object({ email: inviteEmail }).safeParse(body);
    if (!parsed.success) {
      reply.code(400);
      return renderOrganisation(request, reply, { values: body, ...formErrors(parsed.error) });
    }
    const invited = await inviteOfficer(ctx, id, parsed.data.email, requireUser(request));
    if (!invited.ok) return reply.callNotFound();
    return reply.redirect(`/admin/organisations/${id}?invited=${encodeURIComponent(parsed.data.email)}`, 303);
  });
};

export default admin;
