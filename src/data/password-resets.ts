import { sql } from 'kysely';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { deleteUserSessions } from './sessions.ts';
import { hashToken, newToken } from './tokens.ts';

export async function createPasswordReset(db: Db, userId: number, now: Date, validMs: number): Promise<string> {
  const { token, hash } = newToken();
  await db
    .insertInto('password_resets')
    .values({ token_hash: hash, user_id: userId, created_at: now, expires_at: new Date(now.getTime() + validMs) })
    .execute();
  return token;
}

/** Whether a reset link can still be used (unused and in date). */
export async function isPasswordResetUsable(db: Db, token: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('password_resets')
    .select('user_id')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return !!row;
}

/**
 * Uses a reset link once: sets the password, ends every session of the account and every other
 * reset link, and records it. False when the link is unknown, used or out of date.
 */
export async function completePasswordReset(db: Db, token: string, passwordHash: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!used) return false;
    const user = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: sql`now()` })
      .where('id', '=', used.user_id)
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    await deleteUserSessions(trx, user.id);
    await recordAudit(trx, { actor: user, action: 'account.password-reset', subject: user.email });
    return true;
  });
}
