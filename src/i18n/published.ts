import type { Language } from '../domain/language.ts';
import { wordsUnder } from './index.ts';

/**
 * The fields a register publishes in words of its own: GIAS's type of establishment ("Community
 * school"), status and links between schools (as a page writes them: "Predecessor (merged)"),
 * the Welsh Government's governance ("Voluntary controlled") and Welsh medium type ("Bilingual
 * (Category B)"), the ONS rural-urban class GIAS carries, an inspection's type. The catalogue's
 * `published` holds each field's values as published, in each language.
 */
export type PublishedField =
  | 'establishmentType'
  | 'establishmentStatus'
  | 'linkType'
  | 'welshMediumType'
  | 'urbanRural'
  | 'inspectionType';

/** Registers differ in capitals ("Voluntary Aided", "Voluntary aided") and spacing. */
const spelling = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

const known = new Map<string, Map<string, string>>();
const valuesOf = (language: Language, field: PublishedField): Map<string, string> => {
  const where = `${language}.${field}`;
  let values = known.get(where);
  if (!values) {
    const words = wordsUnder(language, `published.${field}`) as Record<string, string>;
    values = new Map(Object.entries(words).map(([published, text]) => [spelling(published), text]));
    known.set(where, values);
  }
  return values;
};

/**
 * A published value as a page shows it: in the reader's language where the catalogue knows it,
 * else as published and said to be English (`inEnglish`), so a page can mark it `lang="en"` —
 * never a guess. APIs and CSVs give the value as published: it is data, not S2S's words.
 */
export function publishedIn(
  language: Language,
  field: PublishedField,
  value: string,
): { text: string; inEnglish: boolean } {
  if (language === 'en') return { text: value, inEnglish: false };
  const text = valuesOf(language, field).get(spelling(value));
  return text === undefined ? { text: value, inEnglish: true } : { text, inEnglish: false };
}
