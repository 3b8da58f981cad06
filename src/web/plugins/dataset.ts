import fp from 'fastify-plugin';
import { getDatasetInfo, type DatasetInfo } from '../../data/schools.ts';
import type { Db } from '../../data/db.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** What data is loaded, cached briefly: imports may run from the CLI in another process. */
    datasetInfo(): Promise<DatasetInfo>;
  }
}

const TTL_MS = 10_000;

export default fp(
  async (app, { db }: { db: Db }) => {
    let cached: { at: number; info: Promise<DatasetInfo> } | undefined;
    app.decorate('datasetInfo', () => {
      const now = Date.now();
      if (!cached || now - cached.at > TTL_MS) {
        const info = getDatasetInfo(db);
        cached = { at: now, info };
        info.catch(() => (cached = undefined));
      }
      return cached.info;
    });
    app.pageContext(async () => ({ dataset: await app.datasetInfo() }));
  },
  { name: 's2s-dataset', dependencies: ['s2s-views'] },
);
