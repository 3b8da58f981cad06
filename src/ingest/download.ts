import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/** A download that cannot be used: not found, refused, or cut off. */
export class DownloadError extends Error {}

/** Whether the publisher has a file at this address (HEAD, or GET where HEAD is refused). */
export async function isPublished(url: string): Promise<boolean> {
  let response = await fetch(url, { method: 'HEAD', redirect: 'follow' });
  if (response.status === 405 || response.status === 501) {
    response = await fetch(url, { redirect: 'follow' });
    await response.body?.cancel();
  }
  return response.ok;
}

export interface Downloaded {
  bytes: number;
  sha256: string;
}

/**
 * Saves a published file to disk as it arrives (never whole in memory), hashing it on the way,
 * and refuses one that ends before the length the server announced: a partial download.
 */
export async function download(
  url: string,
  file: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Downloaded> {
  const response = await fetch(url, { redirect: 'follow' });
  if (!response.ok || !response.body)
    throw new DownloadError(`${url} answered ${response.status} ${response.statusText}`.trim());
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  const hash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      hash.update(chunk);
      onProgress(bytes, Number.isFinite(announced) ? announced : bytes);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), count, createWriteStream(file));
  } catch (error) {
    throw new DownloadError(
      `the download from ${url} broke off after ${bytes} bytes (${(error as Error).message}); nothing was imported from it`,
    );
  }
  if (Number.isFinite(announced) && bytes !== announced)
    throw new DownloadError(
      `the download from ${url} ended after ${bytes} of ${announced} bytes: it is cut off; nothing was imported from it`,
    );
  return { bytes, sha256: hash.digest('hex') };
}
