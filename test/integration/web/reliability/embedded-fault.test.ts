import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browser,
  childEnv,
  startService,
  until,
  type ServiceProcess,
} from '../../../helpers/service-process.ts';

const INTERNALS = /127\.0\.0\.1|ECONN|57P0|postgres:\/\//i;
const ADMIN = { email: 'ops@example.org', password: 'a long enough password' };

/**
 * The fault test: `s2s serve` on its embedded PostgreSQL, the database SIGKILLed while requests
 * are writing. The service stays up, answers 503 without internals, restarts its database by
 * itself and is ready again, and every write it acknowledged is there.
 */
describe('the embedded PostgreSQL killed under load', () => {
  let dataDir: string;
  let service: ServiceProcess | undefined;
  const env = () => ({ S2S_DATA_DIR: dataDir, DATABASE_URL: undefined });
  const postmasterPid = () =>
    Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-fault-'));
    fs.chmodSync(dataDir, 0o755);
    const admin = execFile(
      process.execPath,
      ['bin/s2s.js', 'users', 'create-admin', '--email', ADMIN.email, '--name', 'Ops', '--password-stdin'],
      {
        env: childEnv({ NODE_ENV: 'test', ...env() }),
      },
    );
    admin.stdin!.end(`${ADMIN.password}\n`);
    await new Promise<void>((resolve, reject) =>
      admin.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`create-admin: ${code}`)))),
    );
  });

  afterAll(async () => {
    if (service?.child.exitCode === null) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stays up, answers 503, restarts its database and loses no acknowledged write', async () => {
    service = await startService(env());
    const ops = browser(service.url);
    await until(async () => (await ops.get('/health/ready')).status === 200);
    expect((await ops.post('/sign-in', ADMIN)).status).toBe(303);

    // Writers: each creates organisations one after another, noting those the service confirmed.
    const acknowledged: string[] = [];
    const answers = new Map<number, number>();
    let writing = true;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const name = `Trust ${w}-${i}`;
        const response = await ops
          .post('/admin/organisations', { kind: 'trust', name })
          .catch(() => undefined);
        if (!response) continue;
        answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
        const body = await response.text();
        if (response.status === 303) acknowledged.push(response.headers.get('location')!);
        else expect(body).not.toMatch(INTERNALS);
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    await until(async () => acknowledged.length >= 5);

    const killed = postmasterPid();
    process.kill(killed, 'SIGKILL');
    await until(async () => !alive(killed));

    // While the database is down: the service is up, not ready, and plain about why.
    await until(async () => (await ops.get('/health/ready')).status === 503);
    expect((await ops.get('/health/live')).status).toBe(200);
    await until(async () => (answers.get(503) ?? 0) > 0);
    const api = await ops.get('/api/partnerships');
    if (api.status === 503) {
      expect(api.headers.get('content-type')).toContain('application/problem+json');
      expect(await api.text()).not.toMatch(INTERNALS);
    }

    // It restarts its own database and is ready again.
    await until(async () => (await ops.get('/health/ready')).status === 200);
    expect(postmasterPid()).not.toBe(killed);
    expect(service.output()).toContain('restarting it');
    writing = false;
    await Promise.all(writers);
    expect(service.child.exitCode).toBeNull();

    // Every confirmed write is there.
    for (const location of acknowledged) expect((await ops.get(location)).status, location).toBe(200);

    // A graceful stop drains and stops the embedded database too.
    const pid = postmasterPid();
    service.child.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(alive(pid)).toBe(false);
  });

  it('cleans up the database an S2S killed with SIGKILL left running, on the next start', async () => {
    service = await startService(env());
    const orphan = postmasterPid();
    service.child.kill('SIGKILL');
    await service.exited;
    expect(alive(orphan)).toBe(true);

    service = await startService(env());
    expect(alive(orphan)).toBe(false);
    await until(async () => (await browser(service!.url).get('/health/ready')).status === 200);
    expect(service.output()).toContain('left running by an S2S that was killed');

    // Stopped as a service manager stops it: its database stopped by the service once drained,
    // not under it (which read as the database lost, and began restarting it).
    const pid = postmasterPid();
    service.child.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(alive(pid)).toBe(false);
    expect(service.output()).not.toMatch(/stopped unexpectedly|connection lost/);
  });
});
