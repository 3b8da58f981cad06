import { describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../../helpers/app.ts';
import { s2sCommand } from '../../helpers/cli.ts';
import { insertSchool } from '../../helpers/schools.ts';
import { fixture } from '../../helpers/fixtures.ts';

describe('the running service and an import by another process', () => {
  // Checks every 0.2 s here (5 s by default), so the test waits for the behaviour, not the clock.
  const t = useTestApp((db) => insertSchool(db, { urn: 100100 }), { env: { S2S_REFRESH_SECONDS: '0.2' } });
  const { s2s } = s2sCommand(() => t.url);

  /** /health/ready reads the snapshot held; unlike other routes it never asks for a fresh one. */
  const inMemory = async () => {
    const ready = (await t.app.inject('/health/ready')).json();
    return ready.checks.find((c: { name: string }) => c.name === 'snapshot')?.detail;
  };

  it('refreshes its snapshot in the background, with no request asking for it', async () => {
    await vi.waitFor(async () => expect(await inMemory()).toBe('1 open schools in memory'), {
      timeout: 30_000,
    });
    await s2s('import', 'gias', fixture('edubasealldata20250422.csv'));
    await vi.waitFor(async () => expect(await inMemory()).toBe('8 open schools in memory'), {
      timeout: 30_000,
      interval: 100,
    });
    const page = await t.app.inject('/');
    expect(page.body).toContain('School data: GIAS April 2025');
  });
});
