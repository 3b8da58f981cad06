import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppError, ErrorCode } from '../../app/result.ts';
import type { Language } from '../../domain/language.ts';
import { translateMessage, translator, type Message } from '../../i18n/index.ts';
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

/** The statuses the API answers with a title of their own in the catalogue (`api.status.*`). */
const TITLED = new Set([400, 401, 403, 404, 409, 413, 415, 422, 429, 503]);

/** The status's title (English: "Not Found"; Welsh: "Heb ei ganfod"). */
export const httpTitle = (status: number, language: Language = 'en'): string =>
  translator(language)(`api.status.${TITLED.has(status) ? status : 500}`);

/**
 * An error's message in the reader's language. A message that is its fields' problems joined, as a
 * use case's input check writes it ("Enter the title; Choose the date"), is written problem by problem.
 */
export function errorWords(language: Language, error: Message & { issues?: AppError['issues'] }): string {
  const issues = error.issues ?? [];
  const joined =
    issues.length > 1 &&
    !error.template &&
    !error.phrase &&
    error.message === issues.map((issue) => issue.message).join('; ');
  return joined
    ? issues.map((issue) => translateMessage(language, issue)).join('; ')
    : translateMessage(language, error);
}

/**
 * The body of an API error (`application/problem+json`, RFC 9457): its HTTP `status`, `error` (the
 * status's title), `message` and, for bad input, each field's issue, in the caller's language
 * (Accept-Language). Never an internal detail.
 */
export function problemBody(
  status: number,
  message: string | Message | null,
  issues?: AppError['issues'],
  language: Language = 'en',
) {
  const words = (m: Message) => translateMessage(language, m);
  const told = issues?.map((issue) => ({ field: issue.field, message: words(issue) }));
  return {
    status,
    error: httpTitle(status, language),
    // null: the message is the fields' own, one after another.
    message:
      message === null
        ? (told ?? []).map((i) => `${i.field}: ${i.message}`).join('; ')
        : errorWords(language, { ...(typeof message === 'string' ? { message } : message), issues }),
    ...(told ? { issues: told } : {}),
  };
}

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Answers an API request with an error, in the language its caller asked for. */
export function sendApiProblem(
  reply: FastifyReply,
  status: number,
  message: string | Message | null,
  issues?: AppError['issues'],
): FastifyReply {
  const language = reply.request.language ?? 'en';
  return reply
    .code(status)
    .type(PROBLEM_TYPE)
    .header('content-language', language)
    .send(problemBody(status, message, issues, language));
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
  if (isApi(request)) return sendApiProblem(reply, status, error, error.issues);
  reply.code(status);
  const page =
    status === 404
      ? 'layout/errors/404.njk'
      : status === 403
        ? 'layout/errors/403.njk'
        : 'layout/errors/400.njk';
  return reply.send(await reply.page(page, { message: errorWords(request.language ?? 'en', error), status }));
}
