import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { safeNext } from '../http/guards.ts';
import { rememberLanguage } from '../../app/accounts/language.ts';
import { checkCredentials } from '../../app/accounts/sign-in.ts';
import { isLanguage } from '../../domain/language.ts';
import { LANGUAGE_COOKIE } from '../plugins/language.ts';
import { attemptLimits, FAILED_SIGN_INS_PER_ADDRESS, failureLimit, SIGN_IN_LIMITS } from './rate-limits.ts';
import { formError, formErrors } from '../http/forms.ts';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320, 'Enter a correct email address and password'),
  password: z.string().min(1, 'Enter your password'),
});

/** The one answer to a wrong email or a wrong password, so neither reveals who has an account. */
const WRONG = 'Enter a correct email address and password';

const signIn: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const failures = failureLimit(app, FAILED_SIGN_INS_PER_ADDRESS);
  app.get('/sign-in', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const next = safeNext(query.next);
    if (request.user) return reply.redirect(next ?? '/account', 303);
    return reply.page('accounts/sign-in.njk', {
      next,
      signedOut: query.signedOut === '1',
      passwordChanged: query.reset === '1',
    });
  });

  app.post('/sign-in', { preHandler: attemptLimits(app, SIGN_IN_LIMITS) }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next);
    const parsed = signInForm.safeParse(body);
    const again = (errors: ReturnType<typeof formErrors>) => {
      reply.code(400);
      return reply.page('accounts/sign-in.njk', {
        next,
        values: { email: typeof body.email === 'string' ? body.email : '' },
        ...errors,
      });
    };
    if (!parsed.success) return again(formErrors(parsed.error));
    await failures.refuseIfSpent(request, reply);
    const user = await checkCredentials(ctx, parsed.data.email, parsed.data.password);
    if (!user) {
      await failures.fail(request);
      request.log.info('sign-in refused');
      return again(formError('email', WRONG));
    }
    await reply.startSession(user.userId);
    // The language chosen in this browser follows the person to the devices they sign in on next.
    const chosen = request.cookies[LANGUAGE_COOKIE];
    if (isLanguage(chosen) && request.user) await rememberLanguage(ctx, request.user, chosen);
    request.log.info({ userId: user.userId }, 'signed in');
    return reply.redirect(next ?? '/account', 303);
  });

  app.get('/sign-out', async (request, reply) => {
    if (!request.user) return reply.redirect('/sign-in', 303);
    return reply.page('accounts/sign-out.njk', { title: 'Sign out' });
  });

  app.post('/sign-out', async (request, reply) => {
    await reply.endSession();
    return reply.redirect('/sign-in?signedOut=1', 303);
  });
};

export default signIn;
