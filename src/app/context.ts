import type { Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import { openDatabase } from '../data/open.ts';
import { createSnapshotStore, type SnapshotStore } from '../data/snapshot.ts';
import { createCompute, type Compute } from './compute/compute.ts';
import { createMailer, type MailLog, type Mailer } from '../mail/mailer.ts';

/**
 * What every use case may reach: the configuration, the database, the in-memory snapshot of the
 * registry and the mailer. The web service builds one at start; each CLI command builds its own.
 */
export interface AppContext {
  config: Config;
  db: Db;
  snapshots: SnapshotStore;
  /** Heavy computations on the snapshot, run in worker threads (started when first needed). */
  compute: Compute;
  mailer: Mailer;
  /** The moment a use case acts at (tests may fix it); the domain is always given the time. */
  now(): Date;
}

/** Today's calendar date as yyyy-mm-dd, for the domain's date rules. */
export const today = (ctx: Pick<AppContext, 'now'>): string => ctx.now().toISOString().slice(0, 10);

/** The context over a database the caller opened; the mailer as configured unless given. */
export function createAppContext(
  config: Config,
  db: Db,
  { mailer, log }: { mailer?: Mailer; log: MailLog },
): AppContext {
  return {
    config,
    db,
    snapshots: createSnapshotStore(db, {
      settings: config.matching,
      checkEveryMs: config.refreshSeconds * 1000,
    }),
    compute: createCompute(config.compute),
    mailer: mailer ?? createMailer(config, log),
    now: () => new Date(),
  };
}

export interface OpenedApp {
  ctx: AppContext;
  /** Where the data lives, for messages (never a password). */
  description: string;
  close(): Promise<void>;
}

/** Opens the configured database (the embedded one when no DATABASE_URL), migrated, with a context over it. */
export async function openApp(
  config: Config,
  log: MailLog,
  onDatabaseNotice?: (line: string) => void,
  options: { stoppedByCaller?: boolean } = {},
): Promise<OpenedApp> {
  const opened = await openDatabase(config, onDatabaseNotice, options);
  const ctx = createAppContext(config, opened.db, { log });
  return {
    ctx,
    description: opened.description,
    close: async () => {
      await ctx.compute.close();
      await opened.close();
    },
  };
}
