/**
 * What the benchmarks that talk to the listening service share: a synthetic national dataset
 * imported into an embedded PostgreSQL, `s2s serve` started over it in its own process with
 * production settings, requests over loopback HTTP, and the figures printed beside them.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../src/data/db.ts';
import { startEmbeddedPostgres } from '../src/data/embedded.ts';
import { migrateToLatest } from '../src/data/migrate.ts';
import { DEMO_DIR, importDataset } from '../src/ingest/demo.ts';
import { startService, until, type ServiceProcess } from '../test/helpers/service-process.ts';

export const loadAverage = () =>
  `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`;

export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

/** The service's resident memory, from Linux's /proc (undefined elsewhere). */
export function residentMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** user + system CPU of a process so far, in milliseconds (Linux's /proc, in clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface ImportedDataset {
  /** The embedded PostgreSQL's address. */
  url: string;
  db: Db;
  /** A folder of the bench's own, removed at the end. */
  work: string;
}

/**
 * A fresh embedded PostgreSQL, migrated and filled by `fill` as an operator fills it (through
 * the importer); everything is removed once `use` ends.
 */
async function withDataset(
  name: string,
  fill: (db: Db, work: string, url: string) => Promise<void>,
  use: (dataset: ImportedDataset) => Promise<void>,
): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `s2s-bench-${name}-`));
  fs.chmodSync(work, 0o755);
  const pg = await startEmbeddedPostgres(path.join(work, 'pg'), { database: 'postgres' });
  const db = createDb(pg.url);
  try {
    await migrateToLatest(db);
    await fill(db, work, pg.url);
    await use({ url: pg.url, db, work });
  } finally {
    await db.destroy();
    await pg.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `count` generated schools (seed 1) with their inspections and results, generated and imported
 * in a process of its own (bench/fill-generated.ts): a bench's resident memory is then that of
 * reading and analysing them, as the service's is, not the importer's as well (bench/matching.ts
 * --growth at 147,791 schools: 533 MB after one analysis with the import in its process, 502 MB
 * without).
 */
export function withImportedDataset(
  name: string,
  count: number,
  use: (dataset: ImportedDataset) => Promise<void>,
): Promise<void> {
  return withDataset(
    name,
    async (_db, work, url) => {
      const script = path.join(import.meta.dirname, 'fill-generated.ts');
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', script, url, String(count), path.join(work, 'data')],
        {
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      const [code] = (await once(child, 'exit')) as [number | null];
      if (code !== 0) throw new Error(`bench/fill-generated.ts ended with ${code}`);
    },
    use,
  );
}

/** The bundled demo dataset (real 2018/19 public data), imported as `npm start` imports it. */
export function withDemoDataset(use: (dataset: ImportedDataset) => Promise<void>): Promise<void> {
  return withDataset('demo', (db) => importDataset(db, DEMO_DIR).then(() => undefined), use);
}

/**
 * `s2s serve` over the dataset as run in production (info logs), answered once `/health/ready`
 * says its snapshot is built. `env` adds to or overrides its settings.
 */
export async function serveDataset(
  dataset: ImportedDataset,
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<ServiceProcess & { base: URL; stop(): Promise<void> }> {
  const service = await startService(
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: dataset.url,
      S2S_DATA_DIR: path.join(dataset.work, 'service'),
      S2S_SESSION_SECRET: 'a bench secret of at least thirty-two characters',
      S2S_PUBLIC_URL: 'http://localhost',
      ...env,
    },
    nodeArgs,
  );
  const base = new URL(service.url);
  const stop = async () => {
    service.child.kill('SIGTERM');
    await service.exited;
  };
  try {
    await until(async () => (await get(base, '/health/ready')).status === 200);
  } catch (error) {
    await stop();
    throw error;
  }
  return { ...service, base, stop };
}

/** Connections kept open between requests, as a client of an API keeps them. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/**
 * One GET over loopback: its status and body, or status 0 for a failed connection, the bytes
 * the answer took on the wire (status line, headers and body, as read off the socket), and whether
 * it went over a connection kept open from an earlier request or a new one.
 */
export function get(
  base: URL,
  url: string,
  headers: Record<string, string> = { accept: 'application/json' },
): Promise<{ status: number; body: string; bytes: number; reused: boolean }> {
  return new Promise((resolve) => {
    let socket: Socket | undefined;
    let readBefore = 0;
    const request = http.get(
      { host: base.hostname, port: base.port, path: url, agent, headers },
      (response) => {
        let body = '';
        const done = (status: number) =>
          resolve({ status, body, bytes: socket!.bytesRead - readBefore, reused: request.reusedSocket });
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => done(response.statusCode ?? 0));
        response.on('error', () => done(0));
      },
    );
    request.on('socket', (assigned) => {
      socket = assigned;
      readBefore = assigned.bytesRead;
    });
    request.on('error', () => resolve({ status: 0, body: '', bytes: 0, reused: false }));
  });
}
