import { catalogue, type Catalogue } from '../../src/i18n/index.ts';

const messages = (c: Catalogue): string[] =>
  Object.values(c).flatMap((v) => (typeof v === 'string' ? [v] : messages(v)));

const visibleText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ');

/** The catalogue's English messages that a Welsh page still shows. */
export function englishLeftIn(html: string): string[] {
  // A CSV's headings are never on a page (and some are one English word, like "evidence").
  const { csv: _csvHeadings, ...onPages } = catalogue('en');
  const english = messages(onPages);
  const welsh = new Set(messages(catalogue('cy')));
  // Names that are the same in both languages (Map, Beta, Get Information about Schools) are not
  // English left behind, nor are the words inside a name of several ("Schools").
  const shown = english
    .filter((m) => welsh.has(m) && m.includes(' '))
    .sort((a, b) => b.length - a.length)
    .reduce((text, name) => text.replaceAll(name, ' '), visibleText(html));
  // A message with values in it is looked for by its longest fixed part.
  const fixedPart = (m: string) =>
    m
      .split(/\{\{\w+\}\}/)
      .sort((a, b) => b.length - a.length)[0]!
      .trim();
  // Whole words only: "Good" is English left behind, "Goodwin" is a name.
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const seen = (m: string) =>
    new RegExp(`(^|[^\\p{L}])${escaped(fixedPart(m))}($|[^\\p{L}])`, 'u').test(shown);
  // Too short to tell apart from a word of a name or of data ("to", "or").
  const telling = (m: string) => fixedPart(m).length >= 4;
  return english.filter((m) => !welsh.has(m) && telling(m) && seen(m));
}
