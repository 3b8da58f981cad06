import type { FastifyPluginAsync } from 'fastify';
import { ORGANISATION_KIND_LABELS } from '../../domain/access.ts';
import { translateMessage } from '../../i18n/index.ts';
import type { AppContext } from '../../app/context.ts';
import { saveSharing, sharingChoices } from '../../app/accounts/sharing.ts';
import { requireOwnSchoolAdmin, requireUser, urnParam } from '../http/guards.ts';
import { asList } from '../http/forms.ts';

/** A school's administrators choose which of its organisations may read its records. */
const schoolSharing: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const guard = { preHandler: requireOwnSchoolAdmin() };

  app.get('/schools/:urn/sharing', guard, async (request, reply) => {
    const choices = await sharingChoices(ctx, urnParam(request)!);
    if (!choices.ok) return reply.callNotFound();
    const { school, organisations } = choices.value;
    return reply.page('accounts/school-sharing.njk', {
      title: `Sharing for ${school.name}`,
      school,
      items: organisations.map((o) => ({
        value: String(o.id),
        text: `${o.name} (${translateMessage(request.language, { message: ORGANISATION_KIND_LABELS[o.kind] }).toLowerCase()})`,
        checked: o.sharesRecords,
      })),
      saved: (request.query as Record<string, unknown>).saved === '1',
    });
  });

  app.post('/schools/:urn/sharing', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const chosen = asList((request.body as Record<string, unknown> | undefined)?.share).map(Number);
    await saveSharing(ctx, urn, chosen, requireUser(request));
    return reply.redirect(`/schools/${urn}/sharing?saved=1`, 303);
  });
};

export default schoolSharing;
