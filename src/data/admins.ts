import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { createUser, findUserByEmail, setPasswordHash, setPlatformAdmin } from './users.ts';

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
