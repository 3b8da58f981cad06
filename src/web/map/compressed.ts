import type { FastifyReply, FastifyRequest } from 'fastify';

/** Sends a body compressed once ahead of time, gzipped when the client accepts it. */
export function sendCompressible(
  request: FastifyRequest,
  reply: FastifyReply,
  type: string,
  body: { plain: string | Buffer; gzip: Buffer },
) {
  reply.type(type).header('vary', 'accept-encoding').header('cache-control', 'public, max-age=300');
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(body.gzip);
  }
  return reply.send(body.plain);
}
