import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/data/db.ts';
import { buildApp } from '../../src/web/app.ts';

/**
 * The real app listening on a free loopback port, for a browser to visit. `env` adds settings,
 * e.g. `S2S_DATA_DIR` to read the mail it writes to its outbox (`readOutbox` in ./mail.ts).
 */
export async function startServer(
  db: Db,
  env: Record<string, string> = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', ...env }), db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { app, url: `http://127.0.0.1:${address.port}` };
}
