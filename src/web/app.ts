import { randomUUID } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Compute } from '../app/compute/compute.ts';
import { createAppContext } from '../app/context.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { AppDeps } from './deps.ts';
import { features } from './features.ts';
import csrf from './plugins/csrf.ts';
import dataset from './plugins/dataset.ts';
import errors from './plugins/errors.ts';
import heavyRequests from './plugins/heavy-requests.ts';
import input from './plugins/input.ts';
import language from './plugins/language.ts';
import metrics from './plugins/metrics.ts';
import openapi from './plugins/openapi.ts';
import security from './plugins/security.ts';
import session from './plugins/session.ts';
import snapshot from './plugins/snapshot.ts';
import staticFiles from './plugins/static.ts';
import views from './plugins/views.ts';

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
    /** The worker threads heavy computations run in (their queue and durations show in /metrics). */
    compute: Compute;
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

/** Fastify takes a hop count too but does not declare it: the same rule, as the function it runs. */
const trustProxy = (trusted: AppDeps['config']['trustProxy']) =>
  typeof trusted === 'number' ? (_address: string, hop: number) => hop < trusted : trusted;

/**
 * Two info lines for every request cost an API answer more than its own work; they are written at
 * debug level (LOG_LEVEL=debug shows them). A response that failed on the way out is still an error.
 */
class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }
  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) return super.requestCompleted(error, request, reply);
    reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

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
    // The log controller names the request id's field (Fastify ignores the top-level option beside one).
    logController: new RequestLog({ requestIdLogLabel: 'requestId' }),
    trustProxy: trustProxy(deps.config.trustProxy),
    bodyLimit: BODY_LIMIT,
    // Every log line of a request carries its id, which the answer carries too (X-Request-Id) and
    // an error page shows: what someone reports leads to its log lines. Made here, never taken
    // from the client, so no one can write another request's id into the log.
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  const routeTable: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.decorate('routeTable', routeTable);
  const ctx = createAppContext(deps.config, deps.db, { mailer: deps.mailer, log: app.log });
  app.decorate('mailer', ctx.mailer);
  app.decorate('compute', ctx.compute);
  app.addHook('onClose', async () => ctx.compute.close());
  await app.register(security, { config: deps.config });
  await app.register(views, { config: deps.config });
  await app.register(errors);
  await app.register(input);
  await app.register(metrics, ctx);
  await app.register(staticFiles, { config: deps.config });
  await app.register(csrf, { config: deps.config });
  await app.register(session, { config: deps.config, db: deps.db });
  await app.register(language, ctx);
  await app.register(heavyRequests, { config: deps.config });
  await app.register(dataset, { db: deps.db });
  await app.register(openapi);
  app.decorate('readinessChecks', []);
  await app.register(snapshot, { store: ctx.snapshots });
  for (const feature of features) await app.register(feature, ctx);
  await app.ready();
  return app;
}
