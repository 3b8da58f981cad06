import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The client's address as limits count it: an IPv6 client is its /56 network, since one household
 * or server holds billions of addresses. Only proxies named in S2S_TRUST_PROXY can change it.
 */
const address = (request: FastifyRequest) => normalizeIP(request.ip);

const email = (request: FastifyRequest) => {
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 320) : '';
};

interface Limit {
  max: number;
  minutes: number;
  key: (request: FastifyRequest) => string;
}

/** Attempts from one address for one email: enough for a person who mistypes, too few to guess a password. */
const perAddressAndEmail = (max: number, minutes: number): Limit => ({
  max,
  minutes,
  key: (request) => `${address(request)}|${email(request)}`,
});

/** Attempts on one account from anywhere: guessing spread over many addresses, or flooding one inbox. */
const perEmail = (max: number, minutes: number): Limit => ({ max, minutes, key: email });

export const SIGN_IN_LIMITS = [perAddressAndEmail(10, 15), perEmail(20, 15)];
export const PASSWORD_RESET_LIMITS = [perAddressAndEmail(5, 15), perEmail(10, 60)];
/** Choosing a new password through an emailed link: its form has no email, so per address. */
export const NEW_PASSWORD_LIMITS = [perAddressAndEmail(5, 15)];

/**
 * Failed sign-ins from one address across every email: password spraying (one common password
 * tried on many accounts) stays under each account's limit, so it meets this slower one.
 */
export const FAILED_SIGN_INS_PER_ADDRESS: Limit = { max: 30, minutes: 60, key: address };

const tooMany = (reply: FastifyReply, minutes: number, retryAfterSeconds: number) => {
  reply.header('retry-after', String(retryAfterSeconds));
  return Object.assign(new Error(`Too many attempts. Wait ${minutes} minutes, then try again.`), {
    statusCode: 429,
  });
};

// A form without an email is refused by its own checks; counted per email, every such form
// would share one count.
const counter = (app: FastifyInstance, { max, minutes, key }: Limit) =>
  app.createRateLimit({
    max,
    timeWindow: minutes * 60_000,
    keyGenerator: key,
    allowList: (_request, counted) => counted === '',
  });

/**
 * A preHandler (it runs after the form is read, for the email) counting each attempt against
 * every limit and refusing with 429 once any is used up.
 */
export function attemptLimits(app: FastifyInstance, limits: Limit[]) {
  const counters = limits.map((limit) => ({ minutes: limit.minutes, count: counter(app, limit) }));
  return async (request: FastifyRequest, reply: FastifyReply) => {
    for (const { minutes, count } of counters) {
      const state = await count(request);
      if (!state.isAllowed && state.isExceeded) throw tooMany(reply, minutes, state.ttlInSeconds);
    }
  };
}

/**
 * A limit counting only failures: `refuseIfSpent` before the attempt is checked (so a right
 * guess after the limit is refused too), `fail` after it failed.
 */
export function failureLimit(app: FastifyInstance, limit: Limit) {
  const count = counter(app, limit);
  return {
    async refuseIfSpent(request: FastifyRequest, reply: FastifyReply) {
      const state = await count(request, { increment: false });
      if (!state.isAllowed && state.remaining === 0) throw tooMany(reply, limit.minutes, state.ttlInSeconds);
    },
    async fail(request: FastifyRequest) {
      await count(request);
    },
  };
}
