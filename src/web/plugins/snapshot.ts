import fp from 'fastify-plugin';
import type { SnapshotStore } from '../../data/snapshot.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-memory registry (classifications, spatial index, matching) shared by every route. */
    snapshots: SnapshotStore;
  }
}

/**
 * Builds the snapshot in the background once the app is ready, so the service starts at once;
 * /health/ready reports ready only when it is built. It then rebuilds in the background when
 * another process changes the data.
 */
export default fp(
  async (app, { store }: { store: SnapshotStore }) => {
    app.decorate('snapshots', store);
    app.readinessChecks.push(async () =>
      store.current()
        ? { name: 'snapshot', ok: true, detail: `${store.current()!.schools.length} open schools in memory` }
        : { name: 'snapshot', ok: false, detail: 'building the in-memory index of schools' },
    );
    let unwatch = () => {};
    app.addHook('onReady', async () => {
      store.get().catch((error: Error) => app.log.error({ err: error }, 'building the snapshot failed'));
      // An import by another process shows within one check, whether or not requests arrive.
      unwatch = store.watch((error) => app.log.error({ err: error }, 'refreshing the snapshot failed'));
    });
    // A build under way finishes before the database it reads is closed.
    app.addHook('onClose', async () => {
      unwatch();
      await store.settled();
    });
  },
  { name: 's2s-snapshot' },
);
