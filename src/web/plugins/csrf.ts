import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The largest form accepted, in bytes: generous for the longest free-text answers. */
export const FORM_BODY_LIMIT = 256 * 1024;

/**
 * CSRF protection for every unsafe request, pages and API alike: the token is tied to a signed
 * cookie secret and sent back in the form's `_csrf` field or the `csrf-token` header.
 */
export default fp(
  async (app, { config }: { config: Config }) => {
    await app.register(cookie, { secret: config.sessionSecret });
    await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
    await app.register(csrf, {
      cookieKey: 's2s-csrf',
      cookieOpts: {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.env === 'production',
        signed: true,
      },
      getToken: (request) => {
        const body = request.body as Record<string, unknown> | undefined;
        const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
        return fromBody ?? (request.headers['csrf-token'] as string | undefined);
      },
    });
    // Checked after the body is parsed so form fields are available.
    app.addHook('preValidation', (request, reply, done) => {
      if (!UNSAFE.has(request.method)) return done();
      app.csrfProtection(request, reply, done);
    });
    app.pageContext((_request, reply) => ({ csrfToken: reply.generateCsrf() }));
  },
  { name: 's2s-csrf', dependencies: ['s2s-views'] },
);
