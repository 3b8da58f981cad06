import fp from 'fastify-plugin';
import { registrySource } from '../../app/capacity/registry-source.ts';
import type { ClassifiedRegistrySource } from '../../app/capacity/capacity.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The registry snapshot classified per performance profile, as capacity reads it. */
    classifiedRegistry: ClassifiedRegistrySource;
  }
}

export default fp(
  async (app) => {
    app.decorate(
      'classifiedRegistry',
      registrySource(() => app.snapshots.get()),
    );
  },
  { name: 's2s-classified-registry', dependencies: ['s2s-snapshot'] },
);
