import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Every request to the route can set off a heavy computation (capacity for any radius, the
     * allocation): each address may ask `S2S_HEAVY_REQUESTS_PER_MINUTE` times a minute.
     */
    heavy?: boolean;
  }
  interface FastifyInstance {
    /**
     * Counts one heavy computation against the request's address, for a route that sets one off
     * only for some questions (a partner search wider than the school's phase's radius); past the
     * limit it throws the 429, with `Retry-After` set.
     */
    countHeavy(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

/**
 * A per-address limit on the public routes that compute: anonymous requests with ever new radii
 * would otherwise keep the workers busy for everyone. The address is the connection's, or the one
 * a proxy named in S2S_TRUST_PROXY reports; an IPv6 client counts as its /56 network.
 */
export default fp(
  async (app, { config }: { config: Config }) => {
    const count = app.createRateLimit({
      max: config.heavyRequestsPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => normalizeIP(request.ip),
    });
    const limit = async (request: FastifyRequest, reply: FastifyReply) => {
      const state = await count(request);
      if (state.isAllowed || !state.isExceeded) return;
      reply.header('retry-after', String(state.ttlInSeconds));
      throw Object.assign(new Error(request.t('errors.tooManyHeavy', { seconds: state.ttlInSeconds })), {
        statusCode: 429,
      });
    };
    app.decorate('countHeavy', limit);
    app.addHook('onRequest', (request, reply, done) => {
      if (!request.routeOptions.config.heavy) return done();
      limit(request, reply).then(() => done(), done);
    });
  },
  { name: 's2s-heavy-requests', dependencies: ['s2s-security', 's2s-language'] },
);
