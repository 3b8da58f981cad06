import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from '@fastify/helmet';
import type { onRequestHookHandler } from 'fastify';
import helmetHeaders, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

/** Routes that answer JSON (or plain text), never a page with inline script; the API's documentation is a page. */
const answersData = (url: string) =>
  (url.startsWith('/api/') && !url.startsWith('/api/docs')) ||
  url.startsWith('/health/') ||
  url === '/metrics';

/**
 * The headers a helmet middleware sets, read once: the same for every answer it is given, when it
 * writes no nonce.
 */
function headersOf(middleware: ReturnType<typeof helmetHeaders>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name] = value),
    removeHeader: (name: string) => delete headers[name],
  };
  middleware({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * The headers of an answer that is data, never a page: a JSON answer opened in a browser loads
 * nothing and is framed by no one (`default-src 'none'`, OWASP's policy for an API), its type is
 * taken as sent, other sites cannot read it as a resource of theirs, and HTTPS is kept to. What
 * matters only to a page (how it opens windows, sends referrers, prefetches or runs in old
 * browsers) is left off: seven headers, half of every answer's header bytes, each written, sent
 * and read again by the client with every answer. Framing and HTTPS are as the pages have them.
 */
const dataOptions = ({ frameguard, hsts }: Pick<HelmetOptions, 'frameguard' | 'hsts'>): HelmetOptions => ({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  frameguard,
  hsts,
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * Security headers. The CSP allows only our own scripts (with a per-request nonce for the few
 * inline ones GOV.UK's template needs), blob: workers for MapLibre, and the optional basemap.
 */
export default fp(
  async (app, { config }: { config: Config }) => {
    const basemap = config.basemapUrl ? [new URL(config.basemapUrl).origin] : [];
    const options = {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:', ...basemap],
          fontSrc: ["'self'", ...basemap],
          connectSrc: ["'self'", ...basemap],
          workerSrc: ["'self'", 'blob:'],
          childSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          baseUri: ["'self'"],
          upgradeInsecureRequests: config.env === 'production' ? [] : null,
        },
      },
      // One framing policy: no one frames S2S (clickjacking). Browsers that predate CSP's
      // frame-ancestors read X-Frame-Options, so it says the same (helmet's default, SAMEORIGIN, would not).
      frameguard: { action: 'deny' as const },
      hsts: config.env === 'production',
      crossOriginEmbedderPolicy: false,
    };
    // The data routes have no use for a nonce (two random draws and a policy rebuilt per request),
    // and without one their headers are the same every time: worked out once here, where helmet
    // would build its middleware again for every request. Added before helmet's own hook, which
    // reads the route's setting.
    const dataHeaders = headersOf(helmetHeaders(dataOptions(options)));
    const setDataHeaders: onRequestHookHandler = (_request, reply, done) => {
      reply.headers(dataHeaders);
      done();
    };
    app.addHook('onRoute', (route) => {
      if (!answersData(route.url) || route.helmet !== undefined) return;
      route.helmet = false;
      route.onRequest = [setDataHeaders, ...[route.onRequest ?? []].flat()];
    });
    await app.register(helmet, { enableCSPNonces: true, ...options });
    // Off by default; sign-in and password reset count attempts with `app.createRateLimit`.
    await app.register(rateLimit, { global: false });
  },
  { name: 's2s-security' },
);
