import {
  completePasswordReset,
  createPasswordReset,
  isPasswordResetUsable,
} from '../../data/password-resets.ts';
import { findUserByEmail } from '../../data/users.ts';
import { passwordResetMessage } from '../../mail/messages.ts';
import type { AppContext } from '../context.ts';
import { hashPassword } from './passwords.ts';

export const RESET_VALID_MINUTES = 60;

/** Emails a single-use reset link when the address has an account; does nothing otherwise. */
export async function sendPasswordReset(
  ctx: Pick<AppContext, 'db' | 'config' | 'mailer' | 'now'>,
  email: string,
) {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) return;
  const token = await createPasswordReset(ctx.db, user.id, ctx.now(), RESET_VALID_MINUTES * 60_000);
  const link = new URL(`/password-reset/${token}`, ctx.config.publicUrl).toString();
  await ctx.mailer.send(passwordResetMessage(user.email, link, RESET_VALID_MINUTES, user.language ?? 'en'));
}

export const passwordResetUsable = (ctx: Pick<AppContext, 'db' | 'now'>, token: string): Promise<boolean> =>
  isPasswordResetUsable(ctx.db, token, ctx.now());

/** Sets the new password if the link is still usable; false when it has expired or been used. */
export async function resetPassword(ctx: Pick<AppContext, 'db' | 'now'>, token: string, password: string) {
  return completePasswordReset(ctx.db, token, await hashPassword(password), ctx.now());
}
