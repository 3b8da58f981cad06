import { sql } from 'kysely';
import type { Sponsorship } from '../domain/sponsorship.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';

export interface NewSponsorship {
  urn: number;
  sponsor: { organisationId: number } | { urn: number };
  startsOn: string;
  endsOn: string | null;
}

/** Records a sponsorship and its `sponsorship.recorded` audit entry together. */
export async function recordSponsorshipAudited(
  db: Db,
  input: NewSponsorship,
  actor: { id: number; email: string } | null,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const organisationId = 'organisationId' in input.sponsor ? input.sponsor.organisationId : null;
    const sponsorUrn = 'urn' in input.sponsor ? input.sponsor.urn : null;
    const { id } = await trx
      .insertInto('sponsorships')
      .values({
        urn: input.urn,
        sponsor_organisation_id: organisationId,
        sponsor_urn: sponsorUrn,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        recorded_by: actor?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: 'sponsorship.recorded',
      subject: `school ${input.urn}`,
      urn: input.urn,
      organisationId,
      details: { sponsorship: id, sponsorUrn, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return id;
  });
}

/**
 * Ends a sponsorship that was still open on `endsOn`, with its `sponsorship.ended` audit entry, in
 * one transaction; false (and nothing written) when it is unknown or has already ended.
 */
export async function endSponsorshipAudited(
  db: Db,
  input: { id: number; endsOn: string },
  actor: { id: number; email: string } | null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('sponsorships')
      .set({ ends_on: input.endsOn, updated_at: sql<Date>`clock_timestamp()` })
      .where('id', '=', input.id)
      .where('ends_on', 'is', null)
      .returning(['urn', 'sponsor_organisation_id', 'sponsor_urn', 'starts_on'])
      .executeTakeFirst();
    if (!ended) return false;
    await recordAudit(trx, {
      actor,
      action: 'sponsorship.ended',
      subject: `school ${ended.urn}`,
      urn: ended.urn,
      organisationId: ended.sponsor_organisation_id,
      details: {
        sponsorship: input.id,
        sponsorUrn: ended.sponsor_urn,
        startsOn: ended.starts_on,
        endsOn: input.endsOn,
      },
    });
    return true;
  });
}

/** Sponsorships, with the names of the school and its sponsor, newest first. */
export async function listSponsorships(
  db: Db,
  where: { urns?: readonly number[]; organisationId?: number; sponsorUrn?: number; id?: number },
): Promise<Sponsorship[]> {
  let query = db
    .selectFrom('sponsorships as sp')
    .leftJoin('schools as s', 's.urn', 'sp.urn')
    .leftJoin('organisations as o', 'o.id', 'sp.sponsor_organisation_id')
    .leftJoin('schools as ss', 'ss.urn', 'sp.sponsor_urn')
    .select([
      'sp.id',
      'sp.urn',
      's.name as school_name',
      'sp.sponsor_organisation_id',
      'o.name as organisation_name',
      'sp.sponsor_urn',
      'ss.name as sponsor_school_name',
      'sp.starts_on',
      'sp.ends_on',
    ]);
  if (where.urns) {
    if (where.urns.length === 0) return [];
    const urns = [...where.urns];
    query = query.where((eb) => eb.or([eb('sp.urn', 'in', urns), eb('sp.sponsor_urn', 'in', urns)]));
  }
  if (where.organisationId !== undefined) query = query.where('sp.sponsor_organisation_id', '=', where.organisationId);
  if (where.sponsorUrn !== undefined) query = query.where('sp.sponsor_urn', '=', where.sponsorUrn);
  if (where.id !== undefined) query = query.where('sp.id', '=', where.id);
  const rows = await query.orderBy('sp.starts_on', 'desc').orderBy('sp.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    urn: r.urn,
    schoolName: r.school_name ?? `School ${r.urn}`,
    sponsor:
      r.sponsor_organisation_id !== null
        ? { kind: 'organisation' as const, id: r.sponsor_organisation_id, name: r.organisation_name ?? '' }
        : { kind: 'school' as const, urn: r.sponsor_urn!, name: r.sponsor_school_name ?? `School ${r.sponsor_urn}` },
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}
