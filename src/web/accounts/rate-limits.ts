import type { FastifyRequest } from 'fastify';

/**
 * Attempts per client address and email address: enough for a person who mistypes, too few to
 * guess a password, and no use for flooding someone's inbox. Keyed after the form is read.
 */
const byAddressAndEmail = (request: FastifyRequest) => {
  const body = request.body as Record<string, unknown> | undefined;
  const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 320) : '';
  return `${request.ip}|${email}`;
};

const limit = (max: number, minutes: number) => ({
  max,
  timeWindow: minutes * 60 * 1000,
  hook: 'preHandler' as const,
  keyGenerator: byAddressAndEmail,
  errorResponseBuilder: () => ({
    statusCode: 429,
    message: `Too many attempts. Wait ${minutes} minutes, then try again.`,
  }),
});

export const SIGN_IN_LIMIT = limit(10, 15);
export const PASSWORD_RESET_LIMIT = limit(5, 15);
