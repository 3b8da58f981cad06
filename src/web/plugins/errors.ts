import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const isApi = (request: FastifyRequest) =>
  request.url.startsWith('/api/') || request.url.startsWith('/health/');

/** Turns errors into GOV.UK error pages for people and JSON for programs; never leaks internals. */
export default fp(
  async (app) => {
    app.setNotFoundHandler(async (request, reply) => {
      reply.code(404);
      if (isApi(request))
        return { error: 'Not Found', message: `No such resource: ${request.url.split('?')[0]}` };
      return reply.page('layout/errors/404.njk');
    });

    app.setErrorHandler(async (error: FastifyError, request, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: error.code, status }, error.message);
      reply.code(status);
      const message = status >= 500 ? 'Sorry, there is a problem with the service.' : error.message;
      if (isApi(request)) {
        return {
          error: httpTitle(status),
          message,
          ...(error.validation
            ? { issues: error.validation.map((v) => ({ path: v.instancePath, message: v.message })) }
            : {}),
        };
      }
      if (error.code === 'FST_CSRF_MISSING_SECRET' || error.code === 'FST_CSRF_INVALID_TOKEN') {
        return reply.page('layout/errors/csrf.njk');
      }
      return reply.page(status >= 500 ? 'layout/errors/500.njk' : 'layout/errors/400.njk', {
        message,
        status,
      });
    });
  },
  { name: 's2s-errors', dependencies: ['s2s-views'] },
);

function httpTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
  };
  return titles[status] ?? 'Internal Server Error';
}
