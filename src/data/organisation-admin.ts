import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { addOrganisationSchool, createOrganisation, listOrganisationSchoolLinks, setSchoolSharing } from './organisations.ts';
import type { OrganisationKind } from '../domain/access.ts';

type Actor = { id: number; email: string };

/** Audited changes to organisations, each in one transaction. */

export async function createOrganisationAudited(
  db: Db,
  org: { kind: OrganisationKind; name: string },
  actor: Actor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await createOrganisation(trx, org);
    await recordAudit(trx, { actor, action: 'organisation.created', subject: org.name, organisationId: id, details: { kind: org.kind } });
    return id;
  });
}

export async function addOrganisationSchoolAudited(db: Db, organisationId: number, urn: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await addOrganisationSchool(trx, organisationId, urn);
    await recordAudit(trx, { actor, action: 'organisation.school-added', subject: `school ${urn}`, urn, organisationId });
  });
}

/** Which open schools a bulk addition takes in: every one of a local authority or a trust, or those listed. */
export type SchoolSelection = { la: string } | { trust: string } | { urns: number[] };

/**
 * The open schools a selection names, each with whether it is already in the organisation, in
 * name order; with the listed URNs that match no open school.
 */
export async function selectSchoolsForOrganisation(db: Db, organisationId: number, selection: SchoolSelection) {
  let query = db
    .selectFrom('schools as s')
    .leftJoin('organisation_schools as os', (join) =>
      join.onRef('os.urn', '=', 's.urn').on('os.organisation_id', '=', organisationId),
    )
    .select(['s.urn', 's.name', 'os.urn as memberUrn'])
    .where('s.open', '=', true);
  if ('la' in selection) query = query.where('s.la_code', '=', selection.la);
  else if ('trust' in selection) query = query.where((eb) => eb(eb.fn('lower', ['s.trust']), '=', selection.trust.toLowerCase()));
  else query = query.where('s.urn', 'in', selection.urns.length > 0 ? selection.urns : [-1]);
  const rows = await query.orderBy('s.name').orderBy('s.urn').execute();
  const found = new Set(rows.map((r) => r.urn));
  return {
    schools: rows.map((r) => ({ urn: r.urn, name: r.name, alreadyIn: r.memberUrn !== null })),
    unknownUrns: 'urns' in selection ? selection.urns.filter((u) => !found.has(u)) : [],
  };
}

/** Adds many schools at once, each audited as if added alone, all in one transaction. */
export async function addOrganisationSchoolsAudited(
  db: Db,
  organisationId: number,
  urns: readonly number[],
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const urn of urns) {
      await addOrganisationSchool(trx, organisationId, urn);
      await recordAudit(trx, { actor, action: 'organisation.school-added', subject: `school ${urn}`, urn, organisationId });
    }
  });
}

/**
 * A school's choice of the organisations it shares its records with (the others it belongs to
 * lose access), each change audited, all in one transaction.
 */
export async function saveSchoolSharingChoices(
  db: Db,
  urn: number,
  sharedWith: ReadonlySet<number>,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const link of await listOrganisationSchoolLinks(trx, urn)) {
      const sharesRecords = sharedWith.has(link.organisationId);
      if (sharesRecords === link.sharesRecords) continue;
      await setSchoolSharing(trx, { organisationId: link.organisationId, urn, sharesRecords, changedBy: actor.id, at: new Date() });
      await recordAudit(trx, {
        actor,
        action: sharesRecords ? 'school.sharing-agreed' : 'school.sharing-withdrawn',
        subject: `school ${urn}`,
        urn,
        organisationId: link.organisationId,
      });
    }
  });
}

/** An organisation's schools (with whether each shares) and officers, for platform administrators. */
export async function getOrganisationDetail(db: Db, organisationId: number) {
  const [schools, officers] = await Promise.all([
    db
      .selectFrom('organisation_schools as os')
      .leftJoin('schools as s', 's.urn', 'os.urn')
      .select(['os.urn', 's.name', 'os.shares_records'])
      .where('os.organisation_id', '=', organisationId)
      .orderBy('s.name')
      .execute(),
    db
      .selectFrom('organisation_officers as oo')
      .innerJoin('users as u', 'u.id', 'oo.user_id')
      .select(['u.name', 'u.email'])
      .where('oo.organisation_id', '=', organisationId)
      .orderBy('u.name')
      .execute(),
  ]);
  return {
    schools: schools.map((s) => ({ urn: s.urn, name: s.name ?? `School ${s.urn}`, sharesRecords: s.shares_records })),
    officers,
  };
}
