import { phrase, phraseList, writePhrase, type Phrase, type PhraseValue } from '../../words.ts';

/** Small pieces of the impact report's words, shared by its readings. */

export const one = (x: number) => (Math.abs(x) < 0.05 ? '0.0' : x.toFixed(1));

const count = new Intl.NumberFormat('en-GB');
export const schools = (n: number) => `${count.format(n)} ${n === 1 ? 'school' : 'schools'}`;

/** A count of schools as the readings write it: "1,234". */
export const schoolCount = (n: number) => count.format(n);

/** "2019", "2017 to 2019", or "2018, 2019 and 2022" when the years are not consecutive. */
export function yearsPhrase(years: number[]): PhraseValue {
  if (years.length === 0) return phrase('no years');
  if (years.length === 1) return years[0]!;
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  if (consecutive) return phrase('{{start}} to {{end}}', { start: years[0]!, end: years.at(-1)! });
  return phraseList(
    years.map((year) => phrase('{{year}}', { year })),
    'and',
  );
}

/** Sentences one after another, as a reading shows them; in English unless `write` says otherwise. */
export const sentences = (words: Phrase[], write: (p: Phrase) => string = (p) => writePhrase(p)): string =>
  words.map(write).join(' ');
