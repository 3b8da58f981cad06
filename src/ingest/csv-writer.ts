import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { FileEncoding } from './csv.ts';

export type Cell = string | number | null | undefined;

/**
 * Writes a CSV file in a published layout and encoding (gzipped when the name ends .gz), a row
 * at a time, waiting when the disk falls behind so that a 150,000-school dataset never sits in
 * memory.
 */
export class CsvWriter {
  private readonly file: WriteStream;
  private readonly out: NodeJS.WritableStream;
  private buffer: Cell[][] = [];

  constructor(
    path: string,
    header: readonly string[],
    private readonly encoding: FileEncoding,
  ) {
    this.file = createWriteStream(path);
    if (path.endsWith('.gz')) {
      const gzip = createGzip({ level: 9 });
      gzip.pipe(this.file);
      this.out = gzip;
    } else this.out = this.file;
    this.buffer.push([...header]);
  }

  async row(cells: readonly Cell[]): Promise<void> {
    this.buffer.push([...cells]);
    if (this.buffer.length >= 500) await this.drain();
  }

  private async drain(): Promise<void> {
    const text = stringify(this.buffer, { record_delimiter: 'windows' });
    this.buffer = [];
    const bytes =
      this.encoding === 'windows-1252' ? iconv.encode(text, 'win1252') : Buffer.from(text, 'utf-8');
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (this.buffer.length > 0) await this.drain();
    this.out.end();
    await once(this.file, 'finish');
  }
}
