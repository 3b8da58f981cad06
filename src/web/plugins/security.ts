import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

/** Routes that answer JSON (or plain text), never a page with inline script; the API's documentation is a page. */
const answersData = (url: string) =>
  (url.startsWith('/api/') && !url.startsWith('/api/docs')) ||
  url.startsWith('/health/') ||
  url === '/metrics';

/**
 * Security headers. The CSP allows only our own scripts (with a per-request nonce for the few
 * inline ones GOV.UK's template needs), blob: workers for MapLibre, and the optional basemap.
 */
export default fp(
  async (app, { config }: { config: Config }) => {
    // A nonce is two random draws and a policy rebuilt per request: the data routes have no use for one.
    // Added before helmet's own hook, which reads the route's setting.
    app.addHook('onRoute', (route) => {
      if (answersData(route.url) && route.helmet === undefined) route.helmet = { enableCSPNonces: false };
    });
    const basemap = config.basemapUrl ? [new URL(config.basemapUrl).origin] : [];
    await app.register(helmet, {
      enableCSPNonces: true,
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
      frameguard: { action: 'deny' },
      hsts: config.env === 'production',
      crossOriginEmbedderPolicy: false,
    });
    // Off by default; sign-in and password reset count attempts with `app.createRateLimit`.
    await app.register(rateLimit, { global: false });
  },
  { name: 's2s-security' },
);
