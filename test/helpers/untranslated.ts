import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { catalogue, type Catalogue } from '../../src/i18n/index.ts';
import { visibleText as pageText } from './page-text.ts';

const messages = (c: Catalogue): string[] =>
  Object.values(c).flatMap((v) => (typeof v === 'string' ? [v] : messages(v)));

const visibleText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    // Text a page marks English on purpose (a citation, a value as published with no Welsh yet)
    // is not English left behind.
    .replace(/<((?!html\b)\w+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    // An address or a command (`<code>`) is the same in every language.
    .replace(/<code\b[^>]*>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ');

/**
 * The fields of an API answer written for people to read (an error's title and message, each
 * field's issue). Everything else in JSON is for machines: keys, codes, enum values ("in-need"),
 * and values as published ("Community school", "Open"), which stay the same in every language.
 */
const PROSE_FIELDS = new Set(['error', 'message', 'title', 'detail', 'hint', 'text']);

/** An API answer's prose, each field on its own line; null when the text is not JSON. */
function proseOfJson(text: string): string | null {
  if (!/^\s*[[{]/.test(text)) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const prose = (v: unknown, key = ''): string[] =>
    typeof v === 'string'
      ? PROSE_FIELDS.has(key)
        ? [v]
        : []
      : Array.isArray(v)
        ? v.flatMap((x) => prose(x, key))
        : v && typeof v === 'object'
          ? Object.entries(v).flatMap(([k, x]) => prose(x, k))
          : [];
  return prose(json).join('\n');
}

/** The catalogue's English messages that a Welsh page (or a Welsh API answer's prose) still shows. */
export function englishLeftIn(html: string): string[] {
  // A CSV's headings are never on a page (and some are one English word, like "evidence").
  const { csv: _csvHeadings, ...onPages } = catalogue('en');
  // A message met under several keys ("Closed", a status and a partnership's state) is named once.
  const english = [...new Set(messages(onPages))];
  const welsh = new Set(messages(catalogue('cy')));
  // Names that are the same in both languages (Map, Beta, Get Information about Schools) are not
  // English left behind, nor are the words inside a name of several ("Schools").
  const shown = english
    .filter((m) => welsh.has(m) && m.includes(' '))
    .sort((a, b) => b.length - a.length)
    .reduce((text, name) => text.replaceAll(name, ' '), proseOfJson(html) ?? visibleText(html));
  // A message with values in it is looked for by its fixed parts in order, a value between them:
  // "in the {{phase}} phase" is not "in the" in someone's own words.
  const fixedParts = (m: string) =>
    m
      .split(/\{\{\w+\}\}/)
      .map((part) => part.trim())
      .filter(Boolean);
  // Whole words only: "Good" is English left behind, "Goodwin" is a name.
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const seen = (m: string) =>
    new RegExp(
      fixedParts(m)
        .map((part) => `(?<!\\p{L})${escaped(part)}(?!\\p{L})`)
        .join('.{1,200}?'),
      'u',
    ).test(shown);
  // Too short to tell apart from a word of a name or of data ("to", "or").
  const telling = (m: string) => Math.max(0, ...fixedParts(m).map((part) => part.length)) >= 4;
  return english.filter((m) => !welsh.has(m) && telling(m) && seen(m));
}

/** Who asks, as `signIn` gives them (test/helpers/accounts.ts). */
interface Asker {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

/**
 * Requests in Welsh (the language cookie beside the session's), for every test of Welsh pages:
 * `get` answers anything but a server error and checks the page says `<html lang="cy"` (unless
 * `page` is false, for a CSV); `page` also insists on 200 and gives the HTML; `post` sends a form
 * with its CSRF token.
 */
export function inWelsh(app: () => FastifyInstance) {
  const cookie = (who?: Asker) => (who ? `${who.cookie}; s2s-lang=cy` : 's2s-lang=cy');
  const get = async (url: string, who?: Asker, page = true) => {
    const res = await app().inject({ url, headers: { cookie: cookie(who) } });
    expect(res.statusCode, url).toBeLessThan(500);
    if (page) expect(res.body, url).toContain('<html lang="cy"');
    return res;
  };
  return {
    get,
    page: async (url: string, who?: Asker) => {
      const res = await get(url, who);
      expect(res.statusCode, url).toBe(200);
      return res.body;
    },
    post: (url: string, who: Asker, fields: Record<string, string>) =>
      app().inject({
        method: 'POST',
        url,
        headers: { ...who.headers, cookie: cookie(who), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: who.csrfToken, ...fields }).toString(),
      }),
  };
}

/** A framework file's fields that are codes, not words, and its sources' citations, cited as published. */
const NOT_WORDS = [
  'id',
  'with',
  'types',
  'audience',
  'appliesTo',
  'pairsWith',
  'practiceFocus',
  'focusAreas',
];
const AS_PUBLISHED = ['citation', 'url'];

/**
 * The English of every framework file in a folder (`frameworks/readiness/`, say), as a page would
 * show it: all a file writes outside its `cy` block but codes and citations.
 */
export function frameworkEnglish(folder: URL): string[] {
  const words = (v: unknown, key = ''): string[] =>
    typeof v === 'string'
      ? [...NOT_WORDS, ...AS_PUBLISHED].includes(key)
        ? []
        : [v]
      : Array.isArray(v)
        ? v.flatMap((x) => words(x, key))
        : v && typeof v === 'object'
          ? Object.entries(v).flatMap(([k, x]) => (k === 'cy' ? [] : words(x, k)))
          : [];
  const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
  return [
    ...new Set(files.flatMap((name) => words(JSON.parse(readFileSync(new URL(name, folder), 'utf8'))))),
  ];
}

/** Which of a framework's English texts (`frameworkEnglish`) a page shows. */
export function frameworkEnglishIn(html: string, english: readonly string[]): string[] {
  const text = pageText(html.replaceAll('&#34;', '"').replaceAll('&amp;', '&'));
  return english.filter((words) => text.includes(words));
}
