import type { FastifyRequest } from 'fastify';

/** Requests from programs (the JSON API and health checks) get JSON answers; people get pages. */
export const isApi = (request: FastifyRequest): boolean =>
  request.url.startsWith('/api/') || request.url.startsWith('/health/');
