import { findUserByEmail } from '../../data/users.ts';
import type { AppContext } from '../context.ts';
import { verifyPassword } from './passwords.ts';

/**
 * The account an email and password open, or undefined. A wrong email and a wrong password take
 * the same time and give the same answer, so neither reveals who has an account.
 */
export async function checkCredentials(
  ctx: Pick<AppContext, 'db'>,
  email: string,
  password: string,
): Promise<{ userId: number } | undefined> {
  const user = await findUserByEmail(ctx.db, email);
  const matches = await verifyPassword(user?.passwordHash, password);
  return user && matches ? { userId: user.id } : undefined;
}
