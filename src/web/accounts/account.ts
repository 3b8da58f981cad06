import type { FastifyPluginAsync } from 'fastify';
import { getSchoolNames } from '../../data/school-names.ts';
import { designationName, ORGANISATION_KIND_LABELS } from '../../domain/access.ts';
import type { AppContext } from '../../app/context.ts';
import { requireSignedIn } from '../http/guards.ts';

/** "Your account": who you are and every role you hold, with links to what each lets you do. */
const account: FastifyPluginAsync<AppContext> = async (app, { db }) => {
  app.get('/account', { preHandler: requireSignedIn }, async (request, reply) => {
    const user = request.user!;
    const names = await getSchoolNames(
      db,
      user.schools.map((s) => s.urn),
    );
    return reply.page('accounts/account.njk', {
      title: 'Your account',
      schools: user.schools.map((s) => ({ ...s, name: names.get(s.urn) ?? `School ${s.urn}` })),
      organisations: user.organisations.map((o) => ({ ...o, kindLabel: ORGANISATION_KIND_LABELS[o.kind] })),
      designation: user.systemLeader ? designationName(user.systemLeader.designation) : null,
    });
  });
};

export default account;
