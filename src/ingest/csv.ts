import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { ImportError, type RowProblems } from './import-error.ts';
import { Columns, Row } from './row.ts';

/** GIAS publishes Windows-1252; the DfE performance tables and Ofsted publish UTF-8. */
export type FileEncoding = 'utf-8' | 'windows-1252';

export interface CsvOptions {
  encoding: FileEncoding;
  problems: RowProblems;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Checks the header before anything else, so a file of the wrong kind is named as such. */
  checkHeader?: (name: string, columns: Columns) => void;
}

export interface CsvFile {
  /** The name used in messages (the file's base name). */
  name: string;
  columns: Columns;
  rows: AsyncIterable<Row>;
  /** SHA-256 of the bytes read, complete once `rows` is exhausted. */
  sha256: () => string;
  /** Data rows read so far. */
  rowsRead: () => number;
}

const NUL = 0x00;

/** Bytes that are a UTF-8 multi-byte sequence, which Windows-1252 text practically never holds ("Ã©", "â€™"). */
function looksLikeUtf8(chunk: Buffer): boolean {
  for (let i = 0; i < chunk.length - 1; i++) {
    const b = chunk[i]!;
    if (b < 0xc2) continue;
    const next = chunk[i + 1]!;
    if (b <= 0xdf && next >= 0x80 && next <= 0xbf) return true;
    if (b === 0xe2 && next === 0x80 && (chunk[i + 2] ?? 0) >= 0x80 && (chunk[i + 2] ?? 0) <= 0xbf)
      return true;
  }
  return false;
}

function countLines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Decodes the file's bytes to text, refusing bytes that are not what the format promises. */
class Decoder extends Transform {
  private readonly hash = createHash('sha256');
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private first = true;
  private lines = 0;
  bytesRead = 0;
  /** An encoding problem seen in the first chunk, raised once the header has been checked. */
  deferred: ImportError | null = null;

  constructor(
    private encoding: FileEncoding,
    private readonly file: string,
  ) {
    super({ decodeStrings: true, encoding: 'utf-8' });
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  private fail(message: string): ImportError {
    return ImportError.at({ file: this.file, row: this.lines + 1 }, message);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytesRead += chunk.length;
    try {
      if (this.first) {
        this.first = false;
        this.sniff(chunk);
      }
      if (chunk.includes(NUL))
        throw this.fail('the file holds NUL bytes: it is UTF-16 or binary, not CSV text');
      const text = this.decode(chunk, this.bytesRead === chunk.length);
      this.lines += countLines(text);
      done(null, text);
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.encoding === 'utf-8' ? this.utf8.decode() : '');
    } catch {
      done(this.fail('the file ends in the middle of a UTF-8 character'));
    }
  }

  private sniff(chunk: Buffer): void {
    if (chunk[0] === 0x50 && chunk[1] === 0x4b)
      throw this.fail('this is a ZIP or Excel workbook, not a CSV file');
    if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
      throw this.fail('the file is encoded as UTF-16; save it as CSV (UTF-8 or Windows-1252)');
    // A publisher's error page, or a page saved from a browser, in place of the file.
    const start = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    if (/^\s*<(!doctype|html|\?xml)/i.test(chunk.subarray(start, start + 64).toString('latin1')))
      throw this.fail('this is a web page (HTML), not a CSV file: was the address or the link right?');
    // A byte-order mark says UTF-8 outright, whatever the format usually uses.
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) this.encoding = 'utf-8';
  }

  private decode(chunk: Buffer, isFirst: boolean): string {
    if (this.encoding === 'windows-1252') {
      if (looksLikeUtf8(chunk)) {
        const error = this.fail(
          'wrong encoding: this file is UTF-8 without a byte-order mark, but GIAS files are Windows-1252; download it again from GIAS or save it as Windows-1252',
        );
        if (!isFirst) throw error;
        this.deferred ??= error;
      }
      return iconv.decode(chunk, 'win1252');
    }
    try {
      return this.utf8.decode(chunk, { stream: true });
    } catch {
      const lenient = new TextDecoder('utf-8').decode(chunk);
      const error = ImportError.at(
        { file: this.file, row: this.lines + countLines(lenient, lenient.indexOf('\uFFFD')) + 1 },
        'wrong encoding: this byte sequence is not UTF-8 (was the file saved as Windows-1252?)',
      );
      if (!isFirst) throw error;
      this.deferred ??= error;
      return lenient;
    }
  }
}

const FIGURE = /^[+-]?\d+(\.\d+)?%?$/;

/**
 * A line of notes or sources under a table ("Source: school census, 2019", "x = not applicable"):
 * text where a row starts with its URN or record type, and not one figure in it.
 */
function isNotesLine(values: string[]): boolean {
  const first = values[0]?.trim() ?? '';
  if (first === '' || /^\d/.test(first)) return false;
  return !values.some((v) => FIGURE.test(v.trim()));
}

function shortRow(fields: number, width: number, last: boolean): string {
  const count = `this row has ${fields} of the header's ${width} fields`;
  return last
    ? `the file ends part-way through this row (${count}): it looks cut off, as by a partial download; download it again`
    : count;
}

/** gzip's "unexpected end of file" names no cause a user would recognise. */
function readFailure(e: Error & { code?: string }): string {
  return e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message)
    ? 'the compressed file is cut off, as by a partial download; download it again'
    : `the file cannot be read (${e.message})`;
}

/**
 * Opens a CSV file for streaming: reads and checks its header now, and yields its rows one at a
 * time so memory stays flat whatever the file's size.
 */
export async function openCsv(file: string, options: CsvOptions): Promise<CsvFile> {
  const name = path.basename(file).replace(/\.gz$/, '');
  let totalBytes: number;
  try {
    totalBytes = (await fs.stat(file)).size;
  } catch {
    throw ImportError.at({ file: name }, 'the file cannot be read (does it exist?)');
  }
  if (totalBytes === 0) throw ImportError.at({ file: name }, 'the file is empty');

  const decoder = new Decoder(options.encoding, name);
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_quotes: true,
  });
  const input = createReadStream(file);
  let bytesRead = 0;
  input.on('data', (chunk) => {
    bytesRead += chunk.length;
    options.onProgress?.(bytesRead, totalBytes);
  });
  // The bundled demo files are gzipped; a downloaded file can be too.
  const gunzip = file.endsWith('.gz') ? createGunzip() : null;
  const fail = (e: Error) =>
    decoder.destroy(e instanceof ImportError ? e : ImportError.at({ file: name }, readFailure(e)));
  input.on('error', fail);
  gunzip?.on('error', fail);
  decoder.on('error', (e) => parser.destroy(e));
  (gunzip ? input.pipe(gunzip) : input).pipe(decoder).pipe(parser);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;

  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      return await records.next();
    } catch (error) {
      if (error instanceof ImportError) throw error;
      if (error instanceof CsvError) {
        const line = (error as CsvError & { lines?: number }).lines;
        throw ImportError.at({ file: name, row: line }, `the CSV is malformed (${error.message})`);
      }
      throw error;
    }
  };

  const head = await next();
  if (head.done || head.value.every((v) => v.trim() === '')) {
    input.destroy();
    throw ImportError.at({ file: name }, 'the file is empty');
  }
  const columns = new Columns(head.value.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim()));
  try {
    options.checkHeader?.(name, columns);
    if (decoder.deferred) throw decoder.deferred;
  } catch (error) {
    input.destroy();
    throw error;
  }

  const width = columns.header.length;
  const { problems } = options;
  let count = 0;
  let dataRows = 0;
  async function* rows(): AsyncGenerator<Row> {
    // A short row is held back until the next one says whether the file ends with it.
    let short: { row: number; fields: number } | null = null;
    try {
      for (let r = await next(); !r.done; r = await next()) {
        count += 1;
        if (short) problems.add(short.row, undefined, shortRow(short.fields, width, false));
        short = null;
        if (isNotesLine(r.value)) {
          problems.skipTotal('notes lines');
          continue;
        }
        if (r.value.length < width) {
          short = { row: count + 1, fields: r.value.length };
          continue;
        }
        dataRows += 1;
        yield new Row(r.value, count + 1, columns, problems);
      }
    } finally {
      input.destroy();
    }
    if (short) problems.add(short.row, undefined, shortRow(short.fields, width, true));
    else if (dataRows === 0) throw ImportError.at({ file: name }, 'the file has a header but no rows');
  }

  return { name, columns, rows: rows(), sha256: () => decoder.digest(), rowsRead: () => count };
}
