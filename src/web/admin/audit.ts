import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { auditLog } from '../../app/admin/audit.ts';
import { schoolName } from '../../app/schools/names.ts';
import { requirePlatformAdmin, requireSchoolAdmin, urnParam } from '../http/guards.ts';
import { describeAction, describeDetails } from './audit-presenter.ts';
import { dayIn } from '../sponsorships/presenters.ts';

const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

/** The audit log: a school's entries for its administrators, everything for platform administrators. */
const audit: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    urn: number | undefined,
    heading: string,
  ) => {
    const { page } = pageQuery.parse(request.query);
    const log = await auditLog(ctx, { urn, page });
    const base = request.url.split('?')[0];
    return reply.page('admin/audit-log.njk', {
      title: heading,
      heading,
      urn,
      entries: log.items.map((e) => {
        const at = e.at.toISOString();
        return {
          ...e,
          at: `${dayIn(request.language, at)}, ${at.slice(11, 16)} UTC`,
          what: describeAction(e.action, request.language),
          details: describeDetails(e.details, request.language),
        };
      }),
      total: log.total,
      previous: page > 1 ? `${base}?page=${page - 1}` : undefined,
      next: page < log.pages ? `${base}?page=${page + 1}` : undefined,
    });
  };

  app.get('/schools/:urn/audit', { preHandler: requireSchoolAdmin() }, async (request, reply) => {
    const urn = urnParam(request)!;
    const name = await schoolName(ctx, urn);
    if (!name) return reply.callNotFound();
    return render(request, reply, urn, request.t('adminAudit.forSchool', { school: name }));
  });

  app.get('/admin/audit', { preHandler: requirePlatformAdmin }, async (request, reply) =>
    render(request, reply, undefined, request.t('adminAudit.title')),
  );
};

export default audit;
