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
 * /health/ready reports ready only when it is built.
 */
export default fp(
  async (app, { store }: { store: SnapshotStore }) => {
    app.decorate('snapshots', store);
    app.readinessChecks.push(async () =>
      store.current()
        ? { name: 'snapshot', ok: true, detail: `${store.current()!.schools.length} open schools in memory` }
        : { name: 'snapshot', ok: false, detail: 'building the in-memory index of schools' },
    );
    app.addHook('onReady', async () => {
      store.get().catch((error: Error) => app.log.error({ err: error }, 'building the snapshot failed'));
    });
  },
  { name: 's2s-snapshot' },
);
