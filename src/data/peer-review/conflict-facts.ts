import type { PartnershipLink, SchoolFacts } from '../../domain/peer-review/conflicts.ts';
import type { Db } from '../db.ts';

/** What the conflict rules need to know of each school. */
export async function schoolFacts(db: Db, urns: readonly number[]): Promise<Map<number, SchoolFacts>> {
  if (urns.length === 0) return new Map();
  const rows = await db
    .selectFrom('schools')
    .select(['urn', 'name', 'phase', 'trust', 'statutory_low_age', 'statutory_high_age', 'lat', 'lon'])
    .where('urn', 'in', urns)
    .execute();
  return new Map(
    rows.map((r) => [
      r.urn,
      {
        urn: r.urn,
        name: r.name,
        phase: r.phase,
        trust: r.trust,
        statutoryLowAge: r.statutory_low_age,
        statutoryHighAge: r.statutory_high_age,
        location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
      },
    ]),
  );
}

/** Partnerships the school takes part in, with the schools taking part and when each closed. */
export async function partnershipLinksOf(db: Db, urn: number): Promise<PartnershipLink[]> {
  const rows = await db
    .selectFrom('partnerships as p')
    .select((eb) => [
      'p.id',
      'p.type',
      'p.status',
      eb
        .selectFrom('partnership_events as e')
        .select((e) => e.fn.max('e.at').as('at'))
        .whereRef('e.partnership_id', '=', 'p.id')
        .where('e.to_status', '=', 'closed')
        .as('closed_at'),
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('partnership_members as m')
          .select('m.urn')
          .whereRef('m.partnership_id', '=', 'p.id')
          .where('m.urn', '=', urn)
          .where('m.invitation', 'in', ['proposer', 'accepted']),
      ),
    )
    .execute();
  if (rows.length === 0) return [];
  const members = await db
    .selectFrom('partnership_members')
    .select(['partnership_id', 'urn'])
    .where(
      'partnership_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('invitation', 'in', ['proposer', 'accepted'])
    .execute();
  return rows.map((r) => ({
    type: r.type,
    status: r.status,
    urns: members.filter((m) => m.partnership_id === r.id).map((m) => m.urn),
    closedOn: r.closed_at ? new Date(r.closed_at).toISOString().slice(0, 10) : null,
  }));
}

/** The schools a person is a member of. */
export async function schoolsOfUser(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('school_memberships').select('urn').where('user_id', '=', userId).execute();
  return rows.map((r) => r.urn);
}
