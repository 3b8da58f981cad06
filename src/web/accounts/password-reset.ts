import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { newPasswordFields } from '../../app/accounts/passwords.ts';
import { passwordResetUsable, resetPassword, sendPasswordReset } from '../../app/accounts/password-reset.ts';
import { attemptLimits, NEW_PASSWORD_LIMITS, PASSWORD_RESET_LIMITS } from './rate-limits.ts';
import { formErrors } from '../http/forms.ts';

const requestForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Enter an email address in the correct format, like name@example.com')
    .email('Enter an email address in the correct format, like name@example.com'),
});

/**
 * Password reset by an emailed, single-use link. Asking gives the same answer, at the same
 * speed, whether or not the address has an account: the work happens after the reply.
 */
const passwordReset: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  app.get('/password-reset', async (_request, reply) =>
    reply.page('accounts/reset-request.njk', { title: 'Reset your password' }),
  );

  app.post(
    '/password-reset',
    { preHandler: attemptLimits(app, PASSWORD_RESET_LIMITS) },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const parsed = requestForm.safeParse(body);
      if (!parsed.success) {
        reply.code(400);
        return reply.page('accounts/reset-request.njk', {
          title: 'Reset your password',
          values: { email: body.email },
          ...formErrors(parsed.error),
        });
      }
      const { email } = parsed.data;
      void sendPasswordReset(ctx, email).catch((error: unknown) =>
        request.log.error({ err: error }, 'password reset email failed'),
      );
      return reply.page('accounts/reset-sent.njk', { title: 'Check your email', email });
    },
  );

  const token = (request: { params: unknown }) => String((request.params as { token: string }).token);

  app.get('/password-reset/:token', async (request, reply) => {
    if (!(await passwordResetUsable(ctx, token(request)))) {
      reply.code(404);
      return reply.page('accounts/reset-expired.njk', { title: 'This link has expired' });
    }
    return reply.page('accounts/reset-choose.njk', { title: 'Choose a new password', token: token(request) });
  });

  app.post(
    '/password-reset/:token',
    { preHandler: attemptLimits(app, NEW_PASSWORD_LIMITS) },
    async (request, reply) => {
      const parsed = newPasswordFields.safeParse(request.body ?? {});
      if (!parsed.success) {
        reply.code(400);
        return reply.page('accounts/reset-choose.njk', {
          title: 'Choose a new password',
          token: token(request),
          ...formErrors(parsed.error),
        });
      }
      const changed = await resetPassword(ctx, token(request), parsed.data.password);
      if (!changed) {
        reply.code(404);
        return reply.page('accounts/reset-expired.njk', { title: 'This link has expired' });
      }
      await reply.endSession();
      return reply.redirect('/sign-in?reset=1', 303);
    },
  );
};

export default passwordReset;
