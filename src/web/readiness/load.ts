import type { FastifyReply, FastifyRequest } from 'fastify';
import { openAssessment, type Opened, type ReadinessNeed } from '../../app/readiness/access.ts';
import type { AppContext } from '../../app/context.ts';
import type { Catalogue } from '../../domain/readiness/catalogue.ts';
import { forbid } from '../http/guards.ts';

export interface ReadinessDeps {
  ctx: AppContext;
  catalogue: Catalogue;
}

/**
 * The assessment a request names, if the signed-in user may do what the route needs: a reader
 * who may not change it gets 403, anyone else is told it does not exist.
 */
export async function openFor(
  { ctx }: ReadinessDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  need: ReadinessNeed,
  idParam: string = 'id',
): Promise<Opened | undefined> {
  const id = Number((request.params as Record<string, unknown>)[idParam]);
  const opened = await openAssessment(ctx, request.user ?? null, id, need);
  if (opened.ok) return opened.value;
  if (opened.error.code === 'forbidden') await forbid(request, reply);
  else reply.callNotFound();
  return undefined;
}
