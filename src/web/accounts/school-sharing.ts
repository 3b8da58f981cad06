import type { FastifyPluginAsync } from 'fastify';
import { saveSchoolSharingChoices } from '../../data/organisation-admin.ts';
import { listSchoolOrganisations } from '../../data/organisations.ts';
import { getSchoolNames } from '../../data/school-names.ts';
import { ORGANISATION_KIND_LABELS } from '../../domain/access.ts';
import type { AppContext } from '../../app/context.ts';
import { requireOwnSchoolAdmin, urnParam } from '../http/guards.ts';
import { asList } from '../http/forms.ts';

/** A school's administrators choose which of its organisations may read its records. */
const schoolSharing: FastifyPluginAsync<AppContext> = async (app, { db }) => {
  const guard = { preHandler: requireOwnSchoolAdmin() };

  app.get('/schools/:urn/sharing', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const name = (await getSchoolNames(db, [urn])).get(urn);
    if (!name) return reply.callNotFound();
    const organisations = await listSchoolOrganisations(db, urn);
    return reply.page('accounts/school-sharing.njk', {
      title: `Sharing for ${name}`,
      school: { urn, name },
      items: organisations.map((o) => ({
        value: String(o.id),
        text: `${o.name} (${ORGANISATION_KIND_LABELS[o.kind].toLowerCase()})`,
        checked: o.sharesRecords,
      })),
      saved: (request.query as Record<string, unknown>).saved === '1',
    });
  });

  app.post('/schools/:urn/sharing', guard, async (request, reply) => {
    const urn = urnParam(request)!;
    const chosen = asList((request.body as Record<string, unknown> | undefined)?.share).map(Number);
    await saveSchoolSharingChoices(db, urn, new Set(chosen), request.user!);
    return reply.redirect(`/schools/${urn}/sharing?saved=1`, 303);
  });
};

export default schoolSharing;
