import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../data/db.ts';
import { getPartnership, schoolsSharingWith } from '../../data/partnerships.ts';
import type { SessionUser } from '../../domain/access.ts';
import {
  canSteer,
  partnershipAccess,
  type PartnershipAccess,
  type Viewer,
} from '../../domain/partnerships/access.ts';
import type { Partnership } from '../../domain/partnerships/model.ts';
import { forbid } from '../http/guards.ts';

export async function viewerOf(db: Db, user: SessionUser): Promise<Viewer> {
  return {
    schools: user.schools,
    sharedUrns: await schoolsSharingWith(
      db,
      user.organisations.map((o) => o.id),
    ),
  };
}

export interface Loaded {
  partnership: Partnership;
  access: PartnershipAccess;
  viewer: Viewer;
  steer: boolean;
}

/** Today's calendar date where the service runs; the domain is given it, never reads a clock. */
export const today = () => new Date().toISOString().slice(0, 10);

/**
 * The partnership named by `:id` if this user may reach it at `need` or above; otherwise the
 * reply is sent (404 for no such partnership or one the user may not see at all, 403 for one seen
 * at a lower level, such as an invitation) and null returned.
 * Guards have already turned anonymous callers away.
 */
export async function loadPartnership(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  need: 'invitation' | 'read' | 'contribute' = 'read',
): Promise<Loaded | null> {
  const id = Number((request.params as { id?: string }).id);
  const partnership = Number.isSafeInteger(id) && id > 0 ? await getPartnership(db, id) : undefined;
  if (!partnership) {
    reply.callNotFound();
    return null;
  }
  const viewer = await viewerOf(db, request.user!);
  const access = partnershipAccess(partnership.members, viewer);
  // One the user may not see answers as if it did not exist, so its id reveals nothing.
  if (access === 'none') {
    reply.callNotFound();
    return null;
  }
  const rank: Record<PartnershipAccess, number> = { none: 0, invitation: 1, read: 2, contribute: 3 };
  if (rank[access] < rank[need]) {
    await forbid(request, reply);
    return null;
  }
  return { partnership, access, viewer, steer: canSteer(partnership.members, viewer) };
}
