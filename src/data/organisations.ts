import type { Transaction } from 'kysely';
import type { OrganisationKind, OrganisationSchoolLink } from '../domain/access.ts';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

type Executor = Db | Transaction<Database>;

export interface Organisation {
  id: number;
  kind: OrganisationKind;
  name: string;
}

export async function createOrganisation(db: Executor, org: { kind: OrganisationKind; name: string }): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({ kind: org.kind, name: org.name.trim() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getOrganisation(db: Executor, id: number): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').select(['id', 'kind', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function listOrganisations(db: Executor): Promise<(Organisation & { schools: number; officers: number })[]> {
  return db
    .selectFrom('organisations as o')
    .select((eb) => [
      'o.id',
      'o.kind',
      'o.name',
      eb
        .selectFrom('organisation_schools as os')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('os.organisation_id', '=', 'o.id')
        .as('schools'),
      eb
        .selectFrom('organisation_officers as oo')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('oo.organisation_id', '=', 'o.id')
        .as('officers'),
    ])
    .orderBy('o.name')
    .execute() as Promise<(Organisation & { schools: number; officers: number })[]>;
}

/** Places a school in an organisation; it shares nothing until the school agrees. */
export async function addOrganisationSchool(db: Executor, organisationId: number, urn: number): Promise<void> {
  await db
    .insertInto('organisation_schools')
    .values({ organisation_id: organisationId, urn })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The school's agreement to share its records with the organisation, given or withdrawn. */
export async function setSchoolSharing(
  db: Executor,
  link: { organisationId: number; urn: number; sharesRecords: boolean; changedBy: number | null; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('organisation_schools')
    .set({ shares_records: link.sharesRecords, sharing_changed_at: link.at, sharing_changed_by: link.changedBy })
    .where('organisation_id', '=', link.organisationId)
    .where('urn', '=', link.urn)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Every organisation a school belongs to, with whether it shares its records with each. */
export async function listOrganisationSchoolLinks(db: Executor, urn: number): Promise<OrganisationSchoolLink[]> {
  const rows = await db
    .selectFrom('organisation_schools')
    .select(['organisation_id', 'urn', 'shares_records'])
    .where('urn', '=', urn)
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, urn: r.urn, sharesRecords: r.shares_records }));
}

/** A school's organisations, with names, for the school's own sharing page. */
export async function listSchoolOrganisations(
  db: Executor,
  urn: number,
): Promise<(Organisation & { sharesRecords: boolean })[]> {
  const rows = await db
    .selectFrom('organisation_schools as os')
    .innerJoin('organisations as o', 'o.id', 'os.organisation_id')
    .select(['o.id', 'o.kind', 'o.name', 'os.shares_records'])
    .where('os.urn', '=', urn)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, sharesRecords: r.shares_records }));
}

/** The schools in these organisations; with `sharingOnly`, those that agreed to share their records. */
export async function schoolsOfOrganisations(
  db: Executor,
  organisationIds: number[],
  { sharingOnly = false }: { sharingOnly?: boolean } = {},
): Promise<number[]> {
  if (organisationIds.length === 0) return [];
  let query = db
    .selectFrom('organisation_schools')
    .select('urn')
    .distinct()
    .where('organisation_id', 'in', organisationIds);
  if (sharingOnly) query = query.where('shares_records', '=', true);
  return (await query.execute()).map((r) => r.urn);
}
