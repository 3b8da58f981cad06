import { sql } from 'kysely';
import type { SchoolRole } from '../domain/access.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';

export interface SchoolMember {
  userId: number;
  name: string;
  email: string;
  role: SchoolRole;
  since: Date;
}

/** A school's members with their names, for its administrators. */
export async function listSchoolMembers(db: Db, urn: number): Promise<SchoolMember[]> {
  const rows = await db
    .selectFrom('school_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.created_at'])
    .where('m.urn', '=', urn)
    .orderBy(sql`lower(u.name)`)
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role, since: r.created_at }));
}

/** Removes a member from a school, with its audit entry; false if they were not a member. */
export async function removeSchoolMember(
  db: Db,
  urn: number,
  userId: number,
  actor: { id: number; email: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('school_memberships')
      .where('urn', '=', urn)
      .where('user_id', '=', userId)
      .returning('role')
      .executeTakeFirst();
    if (!removed) return false;
    const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: 'school.member-removed',
      subject: user.email,
      urn,
      details: { role: removed.role },
    });
    return true;
  });
}
