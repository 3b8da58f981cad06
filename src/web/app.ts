import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import classifiedRegistry from './plugins/classified-registry.ts';
import csrf from './plugins/csrf.ts';
import dataset from './plugins/dataset.ts';
import errors from './plugins/errors.ts';
import openapi from './plugins/openapi.ts';
import security from './plugins/security.ts';
import session from './plugins/session.ts';
import snapshot from './plugins/snapshot.ts';
import staticFiles from './plugins/static.ts';
import views from './plugins/views.ts';
import { routes } from './features.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  /** Where email goes; by default SMTP (S2S_SMTP_URL) or the outbox folder. Tests pass a MemoryMailer. */
  mailer?: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
    /** Every route the service answers, as registered: the security tests try each unsafe one. */
    routeTable: readonly RouteSummary[];
  }
}

export interface RouteSummary {
  method: string;
  url: string;
}

/** The largest request body accepted, in bytes; a form's is smaller (FORM_BODY_LIMIT in the CSRF plugin). */
export const BODY_LIMIT = 1024 * 1024;

/** Builds the web service without listening, so tests can drive it with `app.inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.config.env === 'test'
        ? false
        : {
            level: deps.config.logLevel,
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'req.headers["csrf-token"]',
              '*.password',
            ],
            // Invitation and password-reset links carry their secret in the path.
            serializers: {
              req: (request: FastifyRequest) => ({
                method: request.method,
                url: request.url.replace(/^\/(invitations|password-reset)\/[^/?]+/, '/$1/[token]'),
                remoteAddress: request.ip,
              }),
            },
          },
    trustProxy: deps.config.env === 'production',
    bodyLimit: BODY_LIMIT,
  }).withTypeProvider<ZodTypeProvider>();

  const routeTable: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.decorate('routeTable', routeTable);
  app.decorate('mailer', deps.mailer ?? createMailer(deps.config, app.log));
  await app.register(security, { config: deps.config });
  await app.register(views, { config: deps.config });
  await app.register(errors);
  await app.register(staticFiles);
  await app.register(csrf, { config: deps.config });
  await app.register(session, { config: deps.config, db: deps.db });
  await app.register(dataset, { db: deps.db });
  await app.register(openapi);
  app.decorate('readinessChecks', []);
  await app.register(snapshot, { db: deps.db, settings: deps.config.matching });
  await app.register(classifiedRegistry);
  for (const route of routes) await app.register(route, deps);
  await app.ready();
  return app;
}
