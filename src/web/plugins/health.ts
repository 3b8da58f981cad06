import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app/context.ts';

/** Readiness checks other modules can add to (e.g. the in-memory spatial index being built). */
export type ReadinessCheck = () => Promise<{ name: string; ok: boolean; detail?: string }>;

declare module 'fastify' {
  interface FastifyInstance {
    readinessChecks: ReadinessCheck[];
  }
}

const health: FastifyPluginAsync<AppContext> = async (app, { db }) => {
  app.readinessChecks.push(async () => {
    try {
      await sql`select 1`.execute(db);
      return { name: 'database', ok: true };
    } catch (error) {
      // The reason goes to the log; the answer is public and names no host, port or code.
      app.log.warn({ err: error }, 'readiness: database unreachable');
      return { name: 'database', ok: false, detail: 'cannot reach the database' };
    }
  });

  app.get('/health/live', { schema: { tags: ['health'] } }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { schema: { tags: ['health'] } }, async (_request, reply) => {
    const checks = await Promise.all(app.readinessChecks.map((check) => check()));
    const ready = checks.every((c) => c.ok);
    reply.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', checks };
  });
};

export default health;
