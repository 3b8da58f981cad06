import type { Db } from './db.ts';
import { hashToken, newToken } from './tokens.ts';

/** Starts a session and returns the token for the cookie (only its hash is stored). */
export async function createSession(db: Db, userId: number, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await db
    .insertInto('sessions')
    .values({ token_hash: hash, user_id: userId, created_at: now, last_seen_at: now })
    .execute();
  return token;
}

/**
 * The user of a live session, and whether it was last seen long enough ago to record this visit
 * (saves a write on every request). Idle or too-old sessions are deleted and give nothing.
 */
export async function findSession(
  db: Db,
  token: string,
  now: Date,
  limits: { idleMs: number; absoluteMs: number; touchAfterMs: number },
): Promise<{ userId: number } | undefined> {
  const hash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'created_at', 'last_seen_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return undefined;
  const idle = now.getTime() - row.last_seen_at.getTime();
  const age = now.getTime() - row.created_at.getTime();
  if (idle > limits.idleMs || age > limits.absoluteMs) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return undefined;
  }
  if (idle > limits.touchAfterMs) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
  }
  return { userId: row.user_id };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Ends every session of a user (after a password reset). */
export async function deleteUserSessions(db: Pick<Db, 'deleteFrom'>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
