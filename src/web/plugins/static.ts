import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { govukFrontendDir } from './views.ts';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public');

/** GOV.UK Frontend's fonts, images, CSS and JS at /assets; our own built files at /public. */
export default fp(
  async (app) => {
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
