import fp from 'fastify-plugin';
import type { Db } from '../../data/db.ts';
import { createRegistrySource } from '../capacity/registry-source.ts';
import type { ClassifiedRegistrySource } from '../capacity/service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The open schools in memory, classified per performance profile, with the spatial index. */
    classifiedRegistry: ClassifiedRegistrySource;
  }
}

export default fp(
  async (app, { db }: { db: Db }) => {
    app.decorate(
      'classifiedRegistry',
      createRegistrySource(db, () => new Date().toISOString().slice(0, 10)),
    );
  },
  { name: 's2s-classified-registry' },
);
