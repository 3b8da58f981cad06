import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSessionUser } from '../../../src/data/users.ts';
import { verifyPassword } from '../../../src/app/accounts/passwords.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';

describe('s2s users create-admin', () => {
  let t: TestDatabase;
  const s2s = (args: string[], stdin: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/s2s.js', 'users', 'create-admin', ...args], {
        env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: 'test' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('creates a platform administrator who can sign in with the password from stdin', async () => {
    const result = await s2s(
      ['--email', 'First@Example.org', '--name', 'First Admin', '--password-stdin', '--json'],
      'a long admin password\n',
    );
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ email: 'first@example.org', platformAdmin: true, created: true });
    expect(result.stdout + result.stderr).not.toContain('a long admin password');
    const user = await loadSessionUser(t.db, printed.id);
    expect(user).toMatchObject({ name: 'First Admin', platformAdmin: true });
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', printed.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, 'a long admin password')).toBe(true);
  });

  it('refuses a short password or a bad email with exit status 2 and writes nothing', async () => {
    const short = await s2s(['--email', 'x@example.org', '--name', 'X', '--password-stdin'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('password: must be 10 characters or more');
    const bad = await s2s(
      ['--email', 'not-an-email', '--name', 'X', '--password-stdin'],
      'a long admin password\n',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--email: must be an email address');
    expect(
      await t.db.selectFrom('users').select('email').where('email', '=', 'x@example.org').execute(),
    ).toEqual([]);
  });
});
