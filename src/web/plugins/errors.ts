import type { FastifyError, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { isApi } from '../http/is-api.ts';
import { problemBody } from '../http/problem.ts';

/** Turns errors into GOV.UK error pages for people and JSON for programs; never leaks internals. */
export default fp(
  async (app) => {
    app.setNotFoundHandler(async (request, reply) => {
      reply.code(404);
      if (isApi(request)) return problemBody(404, `No such resource: ${request.url.split('?')[0]}`);
      return reply.page('layout/errors/404.njk');
    });

    app.setErrorHandler(async (error: FastifyError, request, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: error.code, status }, error.message);
      reply.code(status);
      const message = status >= 500 ? 'Sorry, there is a problem with the service.' : error.message;
      if (isApi(request)) {
        return problemBody(
          status,
          message,
          error.validation?.map((v) => ({
            field:
              v.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
              String(v.params?.missingProperty ?? ''),
            message: v.message ?? 'is not valid',
          })),
        );
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
