import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import {
  notificationsAnswerSchema,
  notificationsFor,
  notificationsQuery,
} from '../../app/notifications/notifications.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';

const notificationsApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/notifications',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, with how many are unread',
        querystring: notificationsQuery,
        response: { 200: notificationsAnswerSchema },
      },
    },
    async (request) => notificationsFor(ctx, requireUser(request), request.query),
  );
};

export default notificationsApi;
