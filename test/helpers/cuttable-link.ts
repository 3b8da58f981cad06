import net from 'node:net';

/**
 * A TCP link to a server that a test can cut and restore, as if the server had gone away: cut
 * drops every open connection and refuses new ones; restore listens again on the same port.
 */
export interface CuttableLink {
  /** The port to connect to instead of the server's. */
  port: number;
  cut(): Promise<void>;
  /** Stops carrying anything either way over the open connections, leaving them open: a server that hangs. */
  freeze(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A link to the PostgreSQL server of a connection string. */
export async function cuttableLink(url: string): Promise<CuttableLink> {
  const { hostname, port: given } = new URL(url);
  const target = { host: hostname, port: Number(given || 5432) };
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = async () => {
    const listening = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', resolve);
    });
    port = (listening.address() as net.AddressInfo).port;
    server = listening;
  };
  const cut = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  await listen();
  return {
    port,
    cut,
    freeze: () => {
      for (const socket of sockets) socket.unpipe().pause();
    },
    restore: async () => {
      if (!server) await listen();
    },
    close: cut,
  };
}

/** The same connection string, through the link. */
export function throughLink(url: string, link: CuttableLink): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(link.port);
  return u.toString();
}
