import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DESIGNATIONS, ORGANISATION_KINDS } from '../../domain/access.ts';
import type { AppContext } from '../../app/context.ts';

export const sessionUserSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  schools: z.array(z.object({ urn: z.number(), role: z.enum(['member', 'admin']) })),
  organisations: z.array(z.object({ id: z.number(), kind: z.enum(ORGANISATION_KINDS), name: z.string() })),
  systemLeader: z.object({ designation: z.enum(DESIGNATIONS) }).nullable(),
  platformAdmin: z.boolean(),
});

/** Who is signed in, and the CSRF token an API client sends back in the `csrf-token` header. */
const sessionApi: FastifyPluginAsync<AppContext> = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user (null when anonymous) and a CSRF token for unsafe requests',
        response: { 200: z.object({ user: sessionUserSchema.nullable(), csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { user: request.user, csrfToken: reply.generateCsrf() };
    },
  );
};

export default sessionApi;
