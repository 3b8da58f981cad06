import type { Designation } from '../domain/access.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import type { Db } from './db.ts';
import { createUser, findUserByEmail, setPasswordHash, setPlatformAdmin, setSystemLeader } from './users.ts';

/** Makes (or promotes) a platform administrator, with its audit entry, in one transaction. */
export async function createPlatformAdmin(
  db: Db,
  admin: { email: string; name: string; passwordHash: string },
): Promise<{ id: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, admin.email);
    const id = existing?.id ?? (await createUser(trx, { ...admin, platformAdmin: true }));
    if (existing) {
      await setPlatformAdmin(trx, id, true);
      await setPasswordHash(trx, id, admin.passwordHash);
    }
    await recordAudit(trx, {
      actor: null,
      action: 'account.platform-admin-granted',
      subject: admin.email.trim().toLowerCase(),
      details: { by: 'command line', newAccount: !existing },
    });
    return { id, created: !existing };
  });
}

/**
 * Gives a person a system-leader designation, changes it, or (null) takes it away, with its audit
 * entry, in one transaction. False when they already had that designation: nothing is recorded.
 */
export async function setDesignationAudited(
  db: Db,
  person: { id: number; email: string },
  designation: Designation | null,
  actor: AuditEntry['actor'],
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('system_leaders')
      .select('designation')
      .where('user_id', '=', person.id)
      .forUpdate()
      .executeTakeFirst();
    const from = current?.designation ?? null;
    if (from === designation) return false;
    await setSystemLeader(trx, person.id, designation);
    await recordAudit(trx, {
      actor,
      action: designation ? 'account.designation-set' : 'account.designation-removed',
      subject: person.email,
      details: { from, to: designation },
    });
    return true;
  });
}
