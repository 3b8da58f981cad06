import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../data/open.ts';
import { loadDemoIfEmpty } from '../../ingest/demo.ts';
import { buildApp } from '../../web/app.ts';

export default function register(program: Command): void {
  program
    .command('serve')
    .description('start the web service (and, with no DATABASE_URL, an embedded PostgreSQL)')
    .action(async () => {
      const config = loadConfig();
      const log = (line: string) => process.stderr.write(`${line}\n`);
      log(`S2S: starting with ${config.databaseUrl ? 'DATABASE_URL' : 'an embedded PostgreSQL'}…`);
      const database = await openDatabase(config);
      log(`S2S: database ready: ${database.description}`);
      if (config.loadDemo) await loadDemoIfEmpty(database.db, log);
      const app = await buildApp({ config, db: database.db });
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      log(`S2S: listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
    });
}
