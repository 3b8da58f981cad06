import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { deploymentAnswer, deploymentFor, yourDeployments } from '../../app/leaders/deployments.ts';
import { DEPLOYMENT_STATUSES } from '../../domain/leaders/deployment.ts';
import { requireSignedIn, requireUser } from '../http/guards.ts';
import { idParams } from '../http/params.ts';
import { problemSchema, sendProblem } from '../http/problem.ts';

const memberCosting = z.object({
  days: z.number(),
  dayRatePounds: z.number(),
  totalPounds: z.number(),
  paidBy: z.string(),
});

const deployment = z.object({
  id: z.number(),
  status: z.enum(DEPLOYMENT_STATUSES),
  leader: z.object({ userId: z.number(), name: z.string(), profileId: z.number().nullable() }),
  client: z.object({ urn: z.number(), name: z.string() }),
  organisation: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
  scope: z.string(),
  objectives: z.string(),
  successCriteria: z.string(),
  days: z.number(),
  start: z.string(),
  end: z.string(),
  reportsTo: z.string(),
  exitStrategy: z.string(),
  costing: memberCosting
    .nullable()
    .describe(
      'The whole team’s days and cost (members who declined left out), with the lead’s day rate. Only for the client school’s administrators, the commissioning officers and the lead',
    ),
  team: z
    .array(
      z.object({
        userId: z.number(),
        name: z.string(),
        profileId: z.number().nullable(),
        lead: z.boolean(),
        days: z.number(),
        answer: z.enum(['accepted', 'declined']).nullable(),
        costing: memberCosting
          .nullable()
          .describe('Seen as the whole costing is, and by the member themselves'),
      }),
    )
    .describe('The lead first, then the further members: a deployment of one leader is a team of one'),
});

/** Private: a deployment's three sides only. */
const deploymentsApi: FastifyPluginAsync<AppContext> = async (fastify, ctx) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/deployments',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['system leaders'],
        summary: 'Deployments the caller leads, of their schools, or commissioned by their organisations',
        response: { 200: z.object({ total: z.number(), items: z.array(deployment) }), 401: problemSchema },
      },
    },
    async (request) => {
      const mine = await yourDeployments(ctx, requireUser(request));
      const seen = new Map(
        [...mine.asLeader, ...mine.forSchools, ...mine.organisations.flatMap((o) => o.deployments)].map(
          (s) => [s.deployment.id, s],
        ),
      );
      const items = [...seen.values()].map(deploymentAnswer);
      return { total: items.length, items };
    },
  );

  app.get(
    '/api/deployments/:id',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['system leaders'],
        summary: 'One deployment, to its leader, its client school and its commissioning officers',
        // The id is checked in the handler, after the sign-in guard: an anonymous caller gets 401, never 400.
        response: { 200: deployment, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const params = idParams.safeParse(request.params);
      const found = params.success
        ? await deploymentFor(ctx, requireUser(request), params.data.id)
        : ({ ok: false, error: { code: 'not-found', message: 'No such deployment.' } } as const);
      return found.ok ? deploymentAnswer(found.value) : sendProblem(request, reply, found.error);
    },
  );
};

export default deploymentsApi;
