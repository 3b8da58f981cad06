import { sql } from 'kysely';
import { DEFAULT_MATCHING_SETTINGS, type MatchingSettings } from '../domain/matching/settings.ts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { snapshotSteps, type Snapshot } from '../domain/snapshot.ts';
import type { Db } from './db.ts';
import { listDeclaredCapacity, listDeclaredFocus } from './declarations.ts';
import { countCurrentPartnerships, listCurrentPartners } from './partnerships.ts';
import { getActiveProfileName, listLatestProfiles } from './profiles.ts';
import { loadOpenSchoolRecords } from './school-records.ts';
import { listSponsorships } from './sponsorships.ts';

/**
 * What the data looks like now, cheaply: a change means the snapshot is out of date. Every change
 * of a partnership's status or membership records an event, so the newest event stands for them;
 * a sponsorship ended after it was recorded moves its `updated_at`.
 */
export async function registryVersion(db: Db): Promise<string> {
  const row = await sql<{ version: string }>`
    select (select coalesce(max(id), 0) from imports)::text || ':' ||
           (select count(*) from schools where open)::text || ':' ||
           (select count(*) from performance_profiles)::text || ':' ||
           coalesce((select name from active_performance_profile), '') || ':' ||
           (select count(*)::text || ':' || coalesce(max(updated_at)::text, '') from school_declarations) || ':' ||
           (select coalesce(max(id), 0) from partnership_events)::text || ':' ||
           (select count(*)::text || ':' || coalesce(max(id), 0)::text || ':' || coalesce(max(updated_at)::text, '') from sponsorships) as version
  `.execute(db);
  return row.rows[0]!.version;
}

export async function loadSnapshot(
  db: Db,
  { asOf, settings = DEFAULT_MATCHING_SETTINGS }: { asOf: string; settings?: MatchingSettings },
): Promise<Snapshot> {
  const [schools, profiles, defaultProfile, declaredCapacity, partnerships, partners, declaredFocus, sponsorships] =
    await Promise.all([
      loadOpenSchoolRecords(db),
      listLatestProfiles(db),
      getActiveProfileName(db),
      listDeclaredCapacity(db),
      countCurrentPartnerships(db),
      listCurrentPartners(db),
      listDeclaredFocus(db),
      listSponsorships(db, {}),
    ]);
  // Built a step at a time, each on a turn of its own: the requests that arrive meanwhile are
  // answered from the snapshot in service between steps rather than after the whole rebuild.
  const steps = snapshotSteps({
    schools,
    profiles,
    defaultProfile,
    asOf,
    settings,
    declaredCapacity,
    partnerships,
    partners,
    declaredFocus,
    sponsorships,
  });
  return stepByStep(steps);
}

/** Runs steps to their end, each on a turn of its own, so that requests are answered between them. */
async function stepByStep<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

export interface SnapshotStore {
  /** The snapshot, waiting for the first build; a rebuild after an import happens behind it. */
  get(): Promise<Snapshot>;
  /**
   * `get`, with the named profile's view built: the first time it is asked for, a step at a time
   * between requests, as a rebuild is (building another profile's view takes about a second at
   * 147,791 schools, bench/matching.ts --growth, which would hold every request behind it).
   * Callers asking for the same view meanwhile wait for that one build.
   */
  withView(profileName: string | undefined): Promise<Snapshot>;
  /** The snapshot if built, for readiness checks. */
  current(): Snapshot | undefined;
  /** When the snapshot in service was built (milliseconds since the epoch), if it has been. */
  builtAt(): number | undefined;
  /**
   * Rebuilds now (after an import or an administrator's change in this process) and resolves
   * with a snapshot that reads the data as it is after the caller's change.
   */
  refresh(): Promise<Snapshot>;
  /**
   * Rebuilds behind the current snapshot after a school's change in this process (a declared
   * capacity, a partnership agreed or closed), so the person saving it is not kept waiting.
   */
  refreshSoon(): void;
  /**
   * Looks for changes made by other processes (an `s2s import`, a profile made active) every
   * `checkEveryMs`, whether or not anyone asks, and rebuilds behind the current snapshot when the
   * data changed; returns the function that stops it.
   */
  watch(onError?: (error: unknown) => void): () => void;
  /** Resolves once no build is under way, so the database can be closed under none. */
  settled(): Promise<void>;
}

/**
 * Holds the snapshot for a process. Imports may run from the CLI in another process, so every
 * so often (on `get`, and on a timer once `watch` is called) it compares the registry's version
 * and rebuilds when it changed, still serving the previous snapshot while the new one is built.
 */
export function createSnapshotStore(
  db: Db,
  {
    settings = DEFAULT_MATCHING_SETTINGS,
    today = () => new Date().toISOString().slice(0, 10),
    checkEveryMs = 5_000,
  }: { settings?: MatchingSettings; today?: () => string; checkEveryMs?: number } = {},
): SnapshotStore {
  let snapshot: Snapshot | undefined;
  let version: string | undefined;
  let building: Promise<Snapshot> | undefined;
  let checkedAt = 0;
  let builtAt: number | undefined;

  const build = (): Promise<Snapshot> => {
    building ??= (async () => {
      try {
        const seen = await registryVersion(db);
        const built = await loadSnapshot(db, { asOf: today(), settings });
        snapshot = built;
        version = seen;
        checkedAt = builtAt = Date.now();
        return built;
      } finally {
        building = undefined;
      }
    })();
    return building;
  };

  const refresh = async () => {
    // A build already under way may have read the data before the caller's change.
    if (building) await building.catch(() => undefined);
    return build();
  };

  const checkForChanges = async () => {
    checkedAt = Date.now();
    if ((await registryVersion(db)) !== version) await build();
  };

  // The views being built, by snapshot and profile: a view asked for again while it is built waits
  // for that build rather than starting its own.
  const viewing = new WeakMap<Snapshot, Map<string | undefined, Promise<unknown>>>();
  const get = async () => {
    if (!snapshot) return build();
    if (!building && Date.now() - checkedAt > checkEveryMs) {
      // A failed check keeps the snapshot in service; the next request tries again.
      checkForChanges().catch(() => (checkedAt = 0));
    }
    return snapshot;
  };

  return {
    get,
    async withView(profileName) {
      const current = await get();
      let byName = viewing.get(current);
      const under = byName?.get(profileName);
      if (under) {
        await under;
        return current;
      }
      // Every partner answer comes this way, nearly always for a view that is built: its first
      // step says so, with no build to keep.
      const steps = current.viewSteps(profileName);
      if (steps.next().done) return current;
      if (!byName) viewing.set(current, (byName = new Map<string | undefined, Promise<unknown>>()));
      // Kept only while it is built: then the snapshot holds the view, and a name that is no
      // profile (anyone can ask for one) leaves nothing behind.
      const built = nextTurn()
        .then(() => stepByStep(steps))
        .finally(() => byName.delete(profileName));
      byName.set(profileName, built);
      await built;
      return current;
    },
    current: () => snapshot,
    builtAt: () => builtAt,
    refresh,
    refreshSoon() {
      // A failed rebuild is tried again by the next request's check for changes.
      refresh().catch(() => (checkedAt = 0));
    },
    watch(onError = () => {}) {
      const timer = setInterval(() => {
        if (building) return;
        (snapshot ? checkForChanges() : build()).catch(onError);
      }, checkEveryMs);
      // The timer alone never keeps a process alive.
      timer.unref();
      return () => clearInterval(timer);
    },
    async settled() {
      while (building) await building.catch(() => undefined);
    },
  };
}
