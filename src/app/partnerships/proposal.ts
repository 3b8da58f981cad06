import { peopleOfSchools } from '../../data/notifications.ts';
import type { MemberRole, PartnershipType } from '../../domain/partnerships/model.ts';
import type { AppContext } from '../context.ts';
import { findSchools } from '../schools/search.ts';

/**
 * Whether anyone at a school uses S2S: a proposal to a school with nobody on S2S waits until
 * someone from the school joins, and the proposer is told so before sending it.
 */
export async function schoolIsOnS2s(ctx: Pick<AppContext, 'db'>, urn: number): Promise<boolean> {
  return (await peopleOfSchools(ctx.db, [urn])).length > 0;
}

/**
 * What a proposal made from a match starts with, by the question the match answered: asked for
 * support, the proposing school is supported and the partner supports; offering support, the
 * other way round; a peer or reciprocal match, both give and receive.
 */
export function proposalFromMatch(strategy: string | undefined): {
  type?: PartnershipType;
  proposerRole?: MemberRole;
  partnerRole?: MemberRole;
} {
  switch (strategy) {
    case 'support':
      return { type: 'peer-to-peer', proposerRole: 'supported', partnerRole: 'supporting' };
    case 'offer-support':
      return { type: 'peer-to-peer', proposerRole: 'supporting', partnerRole: 'supported' };
    case 'peer':
    case 'reciprocal':
      return { type: 'peer-to-peer', proposerRole: 'reciprocal', partnerRole: 'reciprocal' };
    default:
      return {};
  }
}

/** Schools whose name matches what the proposer typed: the partner, found by name instead of URN. */
export async function partnersByName(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  name: string,
): Promise<{ urn: number; name: string; town: string | null }[]> {
  const q = name.trim().slice(0, 200);
  if (q.length < 2) return [];
  const found = await findSchools(ctx, { q, limit: 10, offset: 0 });
  // A search by name alone has nothing to refuse; were it ever refused, there is no one to list.
  if (!found.ok) return [];
  return found.value.items.map((s) => ({ urn: s.urn, name: s.name, town: s.town ?? null }));
}
