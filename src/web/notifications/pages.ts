import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import {
  markAllNotificationsRead,
  notificationPreferences,
  notificationsFor,
  openNotification,
  setNotificationPreferences,
  unreadNotifications,
} from '../../app/notifications/notifications.ts';
import { translateMessage } from '../../i18n/index.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { formErrors } from '../http/forms.ts';
import { sendProblem } from '../http/problem.ts';

/** The in-service list of notifications, the unread count in the header, and each person's choices. */
const notifications: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const signedIn = { preHandler: requireSignedIn };

  // Every page shows a signed-in person how many notifications they have not read.
  app.pageContext(async (request) =>
    request.user
      ? { unreadNotifications: await unreadNotifications(ctx, request.user).catch(() => undefined) }
      : {},
  );

  app.get('/notifications', signedIn, async (request, reply) => {
    const answer = await notificationsFor(ctx, requireUser(request), { limit: 100, offset: 0 });
    return reply.page('notifications/list.njk', {
      ...answer,
      // Each in the reader's language; one stored before templates were kept stays as written.
      items: answer.items.map((n) => ({ ...n, subject: translateMessage(request.language, n.words) })),
    });
  });

  app.get('/notifications/:id', signedIn, async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) return reply.callNotFound();
    const opened = await openNotification(ctx, requireUser(request), id);
    if (!opened.ok) return sendProblem(request, reply, opened.error);
    return reply.redirect(opened.value, 303);
  });

  app.post('/notifications/read', signedIn, async (request, reply) => {
    await markAllNotificationsRead(ctx, requireUser(request));
    return reply.redirect('/notifications', 303);
  });

  const preferencesPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const tm = (message: string) => translateMessage(request.language, { message });
    return {
      preferences: (await notificationPreferences(ctx, requireUser(request))).map((p) => ({
        ...p,
        label: tm(p.label),
        choices: p.choices.map((c) => ({ ...c, text: tm(c.text) })),
      })),
      ...extra,
    };
  };

  app.get('/notifications/preferences', signedIn, async (request, reply) =>
    reply.page('notifications/preferences.njk', await preferencesPage(request)),
  );

  app.post('/notifications/preferences', signedIn, async (request, reply) => {
    const user = requireUser(request);
    const saved = await setNotificationPreferences(ctx, user, request.body ?? {});
    if (!saved.ok) {
      reply.code(400);
      return reply.page(
        'notifications/preferences.njk',
        await preferencesPage(request, { values: request.body, ...formErrors(saved.error) }),
      );
    }
    return reply.redirect('/notifications', 303);
  });
};

export default notifications;
