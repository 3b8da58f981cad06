import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
}

/** A header's encoded words (RFC 2047: `=?UTF-8?Q?Mae_Ysgol?=`, `=?UTF-8?B?…?=`) as text. */
function decodeWords(header: string): string {
  const word = /=\?UTF-8\?([QB])\?([^?]*)\?=/gi;
  // Neighbouring encoded words are one run of bytes: a letter may be split between two.
  return header.replace(/=\?UTF-8\?[QB]\?[^?]*\?=(\s+=\?UTF-8\?[QB]\?[^?]*\?=)*/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(word)].map(([, encoding, words]) =>
        encoding!.toUpperCase() === 'B'
          ? Buffer.from(words!, 'base64')
          : Buffer.from(
              words!
                .replaceAll('_', ' ')
                .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            ),
      ),
    ).toString('utf8'),
  );
}

/**
 * The messages the mailer wrote to `${dataDir}/outbox` with no SMTP server set, oldest first.
 * Reads just enough of each .eml for a test: the To and Subject headers and the plain-text body,
 * undoing quoted-printable (long lines are soft-wrapped with "=" at the line end).
 */
export async function readOutbox(dataDir: string): Promise<OutboxMessage[]> {
  const outbox = path.join(dataDir, 'outbox');
  const files = (await fs.readdir(outbox).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.eml'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const eml = await fs.readFile(path.join(outbox, file), 'utf8');
      const split = eml.indexOf('\n\n');
      const headers = eml.slice(0, split).replace(/\n[ \t]+/g, ' ');
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1] ?? '';
      const body = eml.slice(split + 2);
      const text = /quoted-printable/i.test(header('Content-Transfer-Encoding'))
        ? Buffer.from(
            body
              .replace(/=\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8')
        : body;
      return { to: header('To'), subject: decodeWords(header('Subject')), text };
    }),
  );
}
