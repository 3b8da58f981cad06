import type { FastifyInstance } from 'fastify';
import { openApp } from '../app/context.ts';
import { holdHeapNearLive } from '../app/heap.ts';
import { loadDemoOnFirstStart } from '../app/imports/demo.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from './app.ts';

/** Starts the web service over the configured database until SIGINT or SIGTERM. */
export async function serve(): Promise<void> {
  holdHeapNearLive();
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`S2S: starting with ${config.databaseUrl ? 'DATABASE_URL' : 'an embedded PostgreSQL'}…`);
  const opening = openApp(config, { info: () => {}, warn: () => {} }, (line) => log(`S2S: ${line}`), {
    stoppedByCaller: true,
  });
  const started: { app?: FastifyInstance } = {};
  let closing = false;
  // The service stops itself on SIGINT and SIGTERM, from the moment it starts: the requests under
  // way answered, then its database closed (and the embedded one stopped), then the process ended.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    started.app?.log.info({ signal }, 'shutting down');
    await started.app?.close();
    await opening.then(
      (opened) => opened.close(),
      () => undefined,
    );
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const opened = await opening;
  log(`S2S: database ready: ${opened.description}`);
  if (config.loadDemo) await loadDemoOnFirstStart(opened.ctx, log);
  const app = (started.app = await buildApp({ config, db: opened.ctx.db }));
  await app.listen({ port: config.port, host: config.host });
  log(`S2S: listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
}
