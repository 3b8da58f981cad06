import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isComputeBusy } from '../../app/compute/busy.ts';
import { checkWording, worded } from '../../app/result.ts';
import { isDatabaseUnavailable } from '../../data/availability.ts';
import { isApi } from '../http/is-api.ts';
import { sendApiProblem } from '../http/problem.ts';

/** How long a client should wait before trying again while the database is unreachable, in seconds. */
export const UNAVAILABLE_RETRY_AFTER = 30;
const UNAVAILABLE = 'S2S cannot reach its database; try again in a minute.';
const BUSY = 'S2S is busy; try again in a minute.';

/** Turns errors into GOV.UK error pages for people and problem JSON for programs; never leaks internals. */
export default fp(
  async (app) => {
    app.setNotFoundHandler(async (request, reply) => {
      if (isApi(request))
        return sendApiProblem(
          reply,
          404,
          worded('No such resource: {{path}}', { path: request.url.split('?')[0]! }),
        );
      reply.code(404);
      return reply.page('layout/errors/404.njk');
    });

    app.setErrorHandler(async (error: FastifyError, request, reply: FastifyReply) => {
      if (isDatabaseUnavailable(error)) {
        // A state to serve through, not a fault: logged briefly, answered 503 with when to retry.
        request.log.warn({ code: error.code }, 'database unavailable');
        reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER));
        if (isApi(request)) return sendApiProblem(reply, 503, UNAVAILABLE);
        reply.code(503);
        return errorPage(request, reply, 'layout/errors/503.njk', { status: 503 });
      }
      if (isComputeBusy(error)) {
        // As full a queue as is useful: more waiting would only make every answer late.
        request.log.warn('computation queue full');
        reply.header('retry-after', String(error.retryAfterSeconds));
        if (isApi(request)) return sendApiProblem(reply, 429, error.message);
        reply.code(429);
        return errorPage(request, reply, 'layout/errors/busy.njk', { status: 429 });
      }
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: error.code, status }, error.message);
      const message = status >= 500 ? 'Sorry, there is a problem with the service.' : error.message;
      if (isApi(request)) {
        const issues = error.validation?.map((v) => ({
          field:
            v.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
            (typeof v.params?.missingProperty === 'string' ? v.params.missingProperty : ''),
          message: v.message ?? 'is not valid',
          // A check worded for the reader's language keeps its words (see checkWording).
          ...(v.keyword === 'custom' ? checkWording(v.params?.params) : undefined),
        }));
        // Bad input is told field by field, each in the caller's language (see problemBody).
        return sendApiProblem(reply, status, issues ? null : message, issues);
      }
      reply.code(status);
      if (error.code === 'FST_CSRF_MISSING_SECRET' || error.code === 'FST_CSRF_INVALID_TOKEN') {
        return errorPage(request, reply, 'layout/errors/csrf.njk', {});
      }
      return errorPage(request, reply, status >= 500 ? 'layout/errors/500.njk' : 'layout/errors/400.njk', {
        message,
        status,
        reference: request.id,
      });
    });
  },
  { name: 's2s-errors', dependencies: ['s2s-views'] },
);

/**
 * An error page; if even that cannot be rendered (the failure is in what every page needs), a
 * plain one, so that no internal detail ever reaches the visitor.
 */
async function errorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  context: Record<string, unknown>,
): Promise<string> {
  try {
    return await reply.page(template, context);
  } catch (error) {
    request.log.error({ err: error }, 'rendering the error page failed');
    reply.type('text/html; charset=utf-8');
    const text =
      reply.statusCode === 503
        ? UNAVAILABLE
        : reply.statusCode === 429
          ? BUSY
          : `Sorry, there is a problem with the service. Try again later. Reference: ${request.id}`;
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>S2S</title></head><body><h1>${text}</h1></body></html>`;
  }
}
