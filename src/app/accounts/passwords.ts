import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/** argon2id (the library's default algorithm) with OWASP's settings: 19 MiB, 2 passes, 1 lane.
 * The parameters travel inside each hash, so they can be raised later. */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 10;
/** Long enough for any passphrase; short enough that hashing cannot be made a denial of service. */
export const PASSWORD_MAX = 200;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (no such user, or no password set) it
 * still does the same work, so the time taken does not tell whether an email is registered.
 */
export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false;
  if (!passwordHash) {
    dummyHash ??= hashPassword('not-a-password-anyone-has');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** A new password, typed twice. */
export const newPasswordFields = z
  .object({
    password: z
      .string()
      .min(PASSWORD_MIN, `Password must be ${PASSWORD_MIN} characters or more`)
      .max(PASSWORD_MAX, `Password must be ${PASSWORD_MAX} characters or fewer`),
    confirmPassword: z.string(),
  })
  .refine((f) => f.password === f.confirmPassword, {
    path: ['confirmPassword'],
    message: 'Passwords must match',
  });
