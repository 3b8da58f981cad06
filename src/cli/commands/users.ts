import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { createPlatformAdmin } from '../../data/admins.ts';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '../../app/accounts/passwords.ts';
import { output, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';

const adminInput = z.object({
  email: z.string().trim().email('--email must be an email address, like name@example.com'),
  name: z
    .string()
    .trim()
    .min(1, '--name must not be empty')
    .max(200, '--name must be 200 characters or fewer'),
  password: z
    .string()
    .min(PASSWORD_MIN, `the password must be ${PASSWORD_MIN} characters or more`)
    .max(PASSWORD_MAX, `the password must be ${PASSWORD_MAX} characters or fewer`),
});

/** Reads what the flags left out: asked at a terminal, or one line each from piped stdin. */
async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

export default function register(program: Command): void {
  const users = program.command('users').description('manage accounts');
  users
    .command('create-admin')
    .description('create the first platform administrator (or make an existing account one)')
    .option('--email <email>', 'their email address (asked if left out)')
    .option('--name <name>', 'their full name (asked if left out)')
    .option('--password-stdin', 'read the password from the first line of stdin (never pass it as a flag)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { email?: string; name?: string; passwordStdin?: boolean; json?: boolean }) => {
      const email = options.email ?? (await ask('Email address: '));
      const name = options.name ?? (await ask('Full name: '));
      const password = await ask(options.passwordStdin ? '' : 'Password (at least 10 characters): ');
      const parsed = adminInput.safeParse({ email, name, password });
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
      const result = await withDatabase(async (db) =>
        createPlatformAdmin(db, {
          email: parsed.data.email,
          name: parsed.data.name,
          passwordHash: await hashPassword(parsed.data.password),
        }),
      );
      output(
        options.json,
        {
          id: result.id,
          email: parsed.data.email.toLowerCase(),
          platformAdmin: true,
          created: result.created,
        },
        () =>
          result.created
            ? `Created platform administrator ${parsed.data.email.toLowerCase()} (user ${result.id}). Sign in at /sign-in.`
            : `${parsed.data.email.toLowerCase()} already had an account: it is now a platform administrator, with the new password.`,
      );
    });
}
