import { isTeamMember } from '../../data/deployment-team.ts';
import { deploymentTerms } from '../../data/deployments.ts';
import {
  getPartnership,
  listPartnerships,
  schoolsSharingWith,
  type PartnershipSummary,
} from '../../data/partnerships.ts';
import { isOrganisationOfficer, type SessionUser } from '../../domain/access.ts';
import {
  canSteer,
  partnershipAccess,
  type PartnershipAccess,
  type Viewer,
} from '../../domain/partnerships/access.ts';
import type { Partnership } from '../../domain/partnerships/model.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export type { PartnershipSummary };
export type { RecordedEvent } from '../../data/partnerships.ts';

type Ctx = Pick<AppContext, 'db'>;

/** Who a person is to partnerships: their schools, and the schools sharing with their organisations. */
export async function viewerOf(ctx: Ctx, user: SessionUser): Promise<Viewer> {
  return {
    schools: user.schools,
    sharedUrns: await schoolsSharingWith(
      ctx.db,
      user.organisations.map((o) => o.id),
    ),
  };
}

export interface Opened {
  partnership: Partnership;
  access: PartnershipAccess;
  viewer: Viewer;
  steer: boolean;
}

const RANK: Record<PartnershipAccess, number> = { none: 0, invitation: 1, read: 2, record: 3, contribute: 4 };

/** Whether the person is a system leader deployed in this partnership: its lead or a member of its team. */
async function isDeployedLeader(ctx: Ctx, user: SessionUser, p: Partnership): Promise<boolean> {
  if (p.type !== 'deployment') return false;
  return (
    (await deploymentTerms(ctx.db, p.id))?.leaderUserId === user.id ||
    (await isTeamMember(ctx.db, p.id, user.id))
  );
}

/**
 * A partnership, if this person may reach it at `need` or above. One they may not see at all is
 * `not-found`, like one that does not exist, so its id reveals nothing; one seen at a lower level
 * (an invitation) is `forbidden`.
 */
export async function openPartnership(
  ctx: Ctx,
  user: SessionUser,
  id: number,
  need: Exclude<PartnershipAccess, 'none'> = 'read',
): Promise<Result<Opened>> {
  const partnership = Number.isSafeInteger(id) && id > 0 ? await getPartnership(ctx.db, id) : undefined;
  const viewer = partnership && (await viewerOf(ctx, user));
  const access =
    partnership && viewer
      ? partnershipAccess(partnership.members, viewer, {
          deployedLeader: await isDeployedLeader(ctx, user, partnership),
        })
      : 'none';
  if (!partnership || !viewer || access === 'none') return fail('not-found', 'No such partnership.');
  if (RANK[access] < RANK[need]) return fail('forbidden', 'You cannot do this in this partnership.');
  return ok({ partnership, access, viewer, steer: canSteer(partnership.members, viewer) });
}

/**
 * The partnerships of a person's schools and of the schools sharing with their organisations,
 * each with the person's access; with `invitedToo`, those their schools are only invited to as well.
 */
export async function partnershipsWithAccess(
  ctx: Ctx,
  user: SessionUser,
  today: string,
  { invitedToo = false }: { invitedToo?: boolean } = {},
) {
  const viewer = await viewerOf(ctx, user);
  const all = await listPartnerships(
    ctx.db,
    [...user.schools.map((s) => s.urn), ...viewer.sharedUrns],
    today,
    { invitedToo },
  );
  return all.map((p) => ({ summary: p, access: partnershipAccess(p.members, viewer) }));
}

/** Whether an access lets a person read the partnership itself (an invitation does not). */
export const readable = (access: PartnershipAccess) => RANK[access] >= RANK.read;

/** Whether an access lets a person add to the running record. */
export const recordable = (access: PartnershipAccess) => RANK[access] >= RANK.record;

/** Partnerships a person may read: their schools' and those of schools sharing with their organisations. */
export async function visiblePartnerships(
  ctx: Ctx,
  user: SessionUser,
  today: string,
): Promise<PartnershipSummary[]> {
  return (await partnershipsWithAccess(ctx, user, today))
    .filter(({ access }) => readable(access))
    .map(({ summary }) => summary);
}

/** The partnerships of the schools sharing their records with an organisation, for its officers. */
export async function organisationPartnerships(
  ctx: Ctx,
  user: SessionUser,
  organisationId: number,
  today: string,
): Promise<Result<{ summaries: PartnershipSummary[]; sharedCount: number }>> {
  if (!isOrganisationOfficer(user, organisationId))
    return fail('forbidden', 'Only the organisation’s officers can see its partnerships.');
  const shared = await schoolsSharingWith(ctx.db, [organisationId]);
  return ok({ summaries: await listPartnerships(ctx.db, shared, today), sharedCount: shared.length });
}
