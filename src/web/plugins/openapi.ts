import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

/** Zod schemas validate API input and serialise output, and document the API at /api/docs. */
export default fp(
  async (app) => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'S2S API',
          description:
            'School-to-school support: the school registry, classification, partner matching and capacity. ' +
            'Lists are `{ total, items }` with `limit` and `offset`. Private resources answer 401 to anonymous callers.',
          version: '1.0.0',
        },
        tags: [{ name: 'schools' }, { name: 'health' }, { name: 'accounts' }],
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      // The UI's inline bootstrap needs the CSP nonce that helmet sets.
      staticCSP: false,
      uiConfig: { docExpansion: 'list' },
    });
  },
  { name: 's2s-openapi' },
);
