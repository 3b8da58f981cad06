import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { openPartnership, type Opened } from '../../app/partnerships/access.ts';
import { forbid, requireUser } from '../http/guards.ts';

export type Loaded = Opened;

/**
 * The partnership named by `:id` if this user may reach it at `need` or above; otherwise the
 * reply is sent (404 for no such partnership or one the user may not see at all, 403 for one seen
 * at a lower level, such as an invitation) and null returned.
 * Guards have already turned anonymous callers away.
 */
export async function loadPartnership(
  db: AppContext['db'],
  request: FastifyRequest,
  reply: FastifyReply,
  need: Parameters<typeof openPartnership>[3] = 'read',
): Promise<Loaded | null> {
  const id = Number((request.params as { id?: string }).id);
  const opened = await openPartnership({ db }, requireUser(request), id, need);
  if (opened.ok) return opened.value;
  if (opened.error.code === 'forbidden') await forbid(request, reply);
  else reply.callNotFound();
  return null;
}
