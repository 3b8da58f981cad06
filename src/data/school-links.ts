import { sql } from 'kysely';
import type { Db } from './db.ts';

export interface SchoolLinkRow {
  urn: number;
  name: string | null;
  type: string;
  date: string | null;
  /** Whether the linked school is in the registry (and so has a profile here). */
  inRegistry: boolean;
}

/** The schools GIAS links to this one as its predecessors and successors, oldest first. */
export async function listPredecessorsAndSuccessors(db: Db, urn: number): Promise<SchoolLinkRow[]> {
  const rows = await db
    .selectFrom('school_links as l')
    .leftJoin('schools as s', 's.urn', 'l.link_urn')
    .select([
      'l.link_urn as urn',
      sql<string | null>`coalesce(s.name, l.link_name)`.as('name'),
      'l.link_type as type',
      sql<string | null>`to_char(l.link_date, 'YYYY-MM-DD')`.as('date'),
      sql<boolean>`s.urn is not null`.as('inRegistry'),
    ])
    .where('l.urn', '=', urn)
    .where((eb) => eb.or([eb('l.link_type', 'ilike', 'predecessor%'), eb('l.link_type', 'ilike', 'successor%')]))
    .orderBy('l.link_date')
    .orderBy('l.link_urn')
    .execute();
  return rows;
}
