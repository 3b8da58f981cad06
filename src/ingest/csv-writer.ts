import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import type { FileEncoding } from './csv.ts';

export type Cell = string | number | null | undefined;

function quote(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes a CSV file in a published layout and encoding, a row at a time, waiting when the disk
 * falls behind so that a 150,000-school dataset never sits in memory.
 */
export class CsvWriter {
  private readonly out: WriteStream;
  private buffer: string[] = [];

  constructor(
    file: string,
    header: readonly string[],
    private readonly encoding: FileEncoding,
  ) {
    this.out = createWriteStream(file);
    this.buffer.push(header.map(quote).join(','));
  }

  async row(cells: readonly Cell[]): Promise<void> {
    this.buffer.push(cells.map(quote).join(','));
    if (this.buffer.length >= 500) await this.drain();
  }

  private async drain(): Promise<void> {
    const text = this.buffer.join('\r\n') + '\r\n';
    this.buffer = [];
    const bytes =
      this.encoding === 'windows-1252' ? iconv.encode(text, 'win1252') : Buffer.from(text, 'utf-8');
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (this.buffer.length > 0) await this.drain();
    this.out.end();
    await once(this.out, 'finish');
  }
}
