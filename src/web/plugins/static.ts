import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { govukFrontendDir } from './views.ts';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public');

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/**
 * GOV.UK Frontend's fonts, images, CSS and JS at /assets; our own built files at /public; the
 * operator's logo (S2S_ORGANISATION_LOGO), if any, at /branding/logo.
 */
export default fp(
  async (app, { config }: { config: Config }) => {
    const logoFile = config.organisation.logoFile;
    if (logoFile) {
      // Read once at start: a missing file stops the service with its name, not a broken image.
      const logo = await readFile(logoFile);
      const type = IMAGE_TYPES[path.extname(logoFile).toLowerCase()]!;
      app.get('/branding/logo', async (_request, reply) =>
        reply.type(type).header('cache-control', 'public, max-age=3600').send(logo),
      );
    }
    await app.register(fastifyStatic, {
      root: path.join(govukFrontendDir, 'govuk', 'assets'),
      prefix: '/assets/',
      maxAge: '7d',
    });
    await app.register(fastifyStatic, {
      root: path.join(govukFrontendDir, 'govuk'),
      prefix: '/assets/govuk/',
      allowedPath: (pathName) => /^\/govuk-frontend\.min\.(css|js)(\.map)?$/.test(pathName),
      decorateReply: false,
      maxAge: '1d',
    });
    await app.register(fastifyStatic, {
      root: publicDir,
      prefix: '/public/',
      decorateReply: false,
      maxAge: '1h',
    });
  },
  { name: 's2s-static' },
);
