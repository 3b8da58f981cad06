import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { accountSummary } from '../../app/accounts/account.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';

/** "Your account": who you are and every role you hold, with links to what each lets you do. */
const account: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.get('/account', { preHandler: requireSignedIn }, async (request, reply) =>
    reply.page('accounts/account.njk', {
      title: 'Your account',
      ...(await accountSummary(ctx, requireUser(request))),
    }),
  );
};

export default account;
