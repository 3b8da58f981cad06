import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { createFirstAdministrator } from '../../app/accounts/admins.ts';
import { output, withApp } from '../context.ts';
import { valueOf } from '../problem.ts';

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
      const result = valueOf(
        await withApp((ctx) => createFirstAdministrator(ctx, { email, name, password })),
        { password: 'password' },
      );
      output(options.json, result, () =>
        result.created
          ? `Created platform administrator ${result.email} (user ${result.id}). Sign in at /sign-in.`
          : `${result.email} already had an account: it is now a platform administrator, with the new password.`,
      );
    });
}
