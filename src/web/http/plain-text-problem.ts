import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { wordingOf, type AppError } from '../../app/result.ts';
import { translateMessage } from '../../i18n/index.ts';
import { errorWords } from './problem.ts';

/**
 * A download's refusal (a CSV asked for with a bad query) as a plain-text 400 in the reader's
 * language: each bad query parameter's problem on a line of its own, or the use case's message.
 */
export function sendPlainTextProblem(reply: FastifyReply, problem: z.ZodError | AppError) {
  const language = reply.request.language ?? 'en';
  const text =
    problem instanceof z.ZodError
      ? problem.issues
          .map(
            (i) =>
              `${String(i.path[0])}: ${translateMessage(language, { message: i.message, ...wordingOf(i) })}`,
          )
          .join('\n')
      : errorWords(language, problem);
  return reply.code(400).type('text/plain; charset=utf-8').send(text);
}
