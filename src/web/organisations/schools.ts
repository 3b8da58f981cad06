import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { addSchoolsInBulk, organisationSchools, previewBulkSchools } from '../../app/admin/organisations.ts';
import type { AppError } from '../../app/result.ts';
import { forbid, requireSignedIn, requireUser } from '../http/guards.ts';
import { formErrors, type FormErrors } from '../http/forms.ts';
import { localAuthorityItems, renderBulkPreview } from '../admin/bulk-schools.ts';

type Extra = Partial<FormErrors> & { values?: Record<string, unknown> };

/**
 * An organisation officer's own organisation: its schools (and whether each shares its records),
 * and adding many at once, previewed first, as platform administrators do at /admin.
 */
const organisationSchoolsPages: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };
  const orgId = (request: FastifyRequest) => {
    const raw = (request.params as { organisationId: string }).organisationId;
    return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  };
  const base = (id: number) => `/organisations/${id}/schools`;

  /** A refusal as the page answers it: 404 for no such organisation, 403 for someone else's. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, error: AppError) =>
    error.code === 'forbidden' ? forbid(request, reply) : reply.callNotFound();

  const render = async (request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) => {
    const id = orgId(request);
    if (id === undefined) return reply.callNotFound();
    const loaded = await organisationSchools(ctx, id, requireUser(request));
    if (!loaded.ok) return refuse(request, reply, loaded.error);
    const query = request.query as Record<string, unknown>;
    return reply.page('organisations/schools.njk', {
      ...loaded.value,
      added: typeof query.added === 'string' && /^\d+$/.test(query.added) ? Number(query.added) : undefined,
      laItems: await localAuthorityItems(ctx, extra.values?.la, request.language),
      bulkAction: `${base(id)}/preview`,
      ...extra,
    });
  };

  app.get('/organisations/:organisationId/schools', signedIn, (request, reply) => render(request, reply));

  app.post('/organisations/:organisationId/schools/preview', signedIn, async (request, reply) => {
    const id = orgId(request);
    if (id === undefined) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const preview = await previewBulkSchools(ctx, id, body, requireUser(request));
    if (!preview.ok && preview.error.code !== 'invalid-input') return refuse(request, reply, preview.error);
    if (!preview.ok) {
      reply.code(400);
      return render(request, reply, { values: body, ...formErrors(preview.error) });
    }
    const loaded = await organisationSchools(ctx, id, requireUser(request));
    if (!loaded.ok) return refuse(request, reply, loaded.error);
    const { organisation } = loaded.value;
    return renderBulkPreview(reply, preview.value, body, {
      organisation,
      breadcrumbs: [
        { text: request.t('nav.partnerships'), href: '/partnerships' },
        {
          text: request.t('organisationSchools.heading', { organisation: organisation.name }),
          href: base(id),
        },
      ],
      bulkAction: `${base(id)}/bulk`,
      changeHref: `${base(id)}#bulk`,
    });
  });

  app.post('/organisations/:organisationId/schools/bulk', signedIn, async (request, reply) => {
    const id = orgId(request);
    if (id === undefined) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const added = await addSchoolsInBulk(ctx, id, body, requireUser(request));
    if (!added.ok && added.error.code !== 'invalid-input') return refuse(request, reply, added.error);
    if (!added.ok) {
      reply.code(400);
      return render(request, reply, { values: body, ...formErrors(added.error) });
    }
    return reply.redirect(`${base(id)}?added=${added.value.added}`, 303);
  });
};

export default organisationSchoolsPages;
