import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppError, ErrorCode } from '../../app/result.ts';
import { isApi } from './is-api.ts';

/** Each use-case error code as HTTP: the one table every route answers from. */
export const ERROR_STATUS: Record<ErrorCode, 400 | 403 | 404 | 409 | 422> = {
  'invalid-input': 400,
  'unknown-profile': 400,
  'no-location': 422,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

export const httpTitle = (status: number): string => TITLES[status] ?? 'Internal Server Error';

/**
 * The body of an API error (`application/problem+json`, RFC 9457): its HTTP `status`, `error` (the
 * status's title), `message` and, for bad input, each field's issue. Never an internal detail.
 */
export function problemBody(status: number, message: string, issues?: AppError['issues']) {
  return { status, error: httpTitle(status), message, ...(issues ? { issues } : {}) };
}

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Answers an API request with an error. */
export function sendApiProblem(
  reply: FastifyReply,
  status: number,
  message: string,
  issues?: AppError['issues'],
): FastifyReply {
  return reply
    .code(status)
    .type(PROBLEM_TYPE)
    .send(problemBody(status, message, issues));
}

/** The response schema of an API error, for OpenAPI. */
export const problemSchema = z.object({
  status: z.number().int(),
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Answers a use case's error: JSON for the API, the matching error page for people. */
export async function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): Promise<FastifyReply> {
  const status = ERROR_STATUS[error.code];
  if (isApi(request)) return sendApiProblem(reply, status, error.message, error.issues);
  reply.code(status);
  const page =
    status === 404
      ? 'layout/errors/404.njk'
      : status === 403
        ? 'layout/errors/403.njk'
        : 'layout/errors/400.njk';
  return reply.send(await reply.page(page, { message: error.message, status }));
}
