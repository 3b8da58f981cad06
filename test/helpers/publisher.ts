import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PublishedFile {
  /** The file served. */
  file: string;
  /** Sends half the file under the whole length, then breaks the connection: a partial download. */
  cutOff?: boolean;
}

/**
 * A local stand-in for the publishers' websites (no internet in tests): serves files at paths,
 * answers 404 to anything else, and counts what it was asked for.
 */
export async function startPublisher(files: Record<string, PublishedFile>): Promise<{
  url: string;
  requests: string[];
  close: () => Promise<void>;
}> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(`${request.method} ${path}`);
    const published = files[path];
    if (!published) return void response.writeHead(404).end('Not found');
    const body = await fs.readFile(published.file);
    response.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length });
    if (request.method === 'HEAD') return void response.end();
    if (!published.cutOff) return void response.end(body);
    response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
