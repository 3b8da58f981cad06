import { z } from 'zod';
import { createPlatformAdmin } from '../../data/admins.ts';
import type { AppContext } from '../context.ts';
import { ok, parseInput, type Result } from '../result.ts';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';

const adminInput = z.object({
  email: z.string().trim().email('must be an email address, like name@example.com'),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be 200 characters or fewer'),
  password: z
    .string()
    .min(PASSWORD_MIN, `must be ${PASSWORD_MIN} characters or more`)
    .max(PASSWORD_MAX, `must be ${PASSWORD_MAX} characters or fewer`),
});

/**
 * Makes the first platform administrator, or makes an existing account one with a new password
 * (audited). Only the operator at the command line can do this: nobody can make themselves one.
 */
export async function createFirstAdministrator(
  ctx: Pick<AppContext, 'db'>,
  input: { email: string; name: string; password: string },
): Promise<Result<{ id: number; email: string; platformAdmin: true; created: boolean }>> {
  const parsed = parseInput(adminInput, input);
  if (!parsed.ok) return parsed;
  const { email, name, password } = parsed.value;
  const result = await createPlatformAdmin(ctx.db, {
    email,
    name,
    passwordHash: await hashPassword(password),
  });
  return ok({ id: result.id, email: email.toLowerCase(), platformAdmin: true, created: result.created });
}
