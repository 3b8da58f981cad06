import { readdirSync, readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../domain/language.ts';
import { schoolIdKindOf } from '../domain/wales.ts';
import { fillIn, listedInEnglish, lowerFirst, writePhrase, type Phrase } from '../domain/words.ts';

export type Translate = TFunction;
export type Catalogue = { [key: string]: string | Catalogue };

const HERE = new URL('./', import.meta.url);

/** The JSON files of one folder of `root`, by name, in a stable order. */
const jsonFiles = (root: URL, folder: string): { name: string; content: unknown }[] => {
  const dir = new URL(`${folder}/`, root);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, content: JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as unknown }));
};

/**
 * Lays `from` into `into`. Each feature keeps its messages in a file of its own, so that work on
 * two features never edits the same file. The same words in two files agree and are kept once (a
 * use case's message keyed by its English text, such as a status, is met by several features);
 * one key given two different texts is a mistake to name.
 */
function merge(into: Catalogue, from: Catalogue, where: string, path: string[] = []): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof value === 'object' && typeof existing === 'object')
      merge(existing, value, where, [...path, key]);
    else if (existing === undefined) into[key] = typeof value === 'object' ? structuredClone(value) : value;
    else if (existing !== value)
      throw new Error(`${where}: ${[...path, key].join('.')} is given other words in another file`);
  }
}

/** One language's message catalogue: every file of its folder (beside this one), laid together. */
export const catalogue = (language: Language, root = HERE): Catalogue => {
  const whole: Catalogue = {};
  for (const { name, content } of jsonFiles(root, language))
    merge(whole, content as Catalogue, `${language}/${name}`);
  return whole;
};

/** The Welsh messages a professional translator has not yet checked, by catalogue key. */
export const unreviewedWelsh = (): string[] =>
  jsonFiles(HERE, 'cy-unreviewed').flatMap(({ content }) => (content as { unreviewed: string[] }).unreviewed);

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: Object.fromEntries(
    LANGUAGES.map((l) => {
      const { messages, ...translation } = catalogue(l);
      return [l, { translation, messages: messages as Catalogue }];
    }),
  ),
  lng: 'en',
  fallbackLng: 'en',
  // Pages escape what they print; escaping here too would show "&amp;" to the reader.
  interpolation: { escapeValue: false },
});

/**
 * A school's number with what it is called, in the language: "URN 100001" for an English school,
 * "School number 6814002" ("Rhif ysgol 6814002") for a Welsh one, whose number is no URN. Every
 * page and message that shows a school's number names it so: templates with the `schoolId` filter,
 * messages with `{{urn, schoolId}}` (a label) or `{{urn, schoolIdInSentence}}` (inside a sentence).
 */
export const schoolIdIn = (language: Language, id: number | string): string =>
  i18n.t(`schoolId.${schoolIdKindOf(Number(id))}`, { lng: language, id });

const languageOf = (lng: string | undefined): Language => (lng === 'cy' ? 'cy' : 'en');
i18n.services.formatter?.add('schoolId', (value: number | string, lng) => schoolIdIn(languageOf(lng), value));
i18n.services.formatter?.add('schoolIdInSentence', (value: number | string, lng) =>
  lowerFirst(schoolIdIn(languageOf(lng), value)),
);

/** The messages of one language: `t('nav.map')`, `t('nav.notificationsUnread', { count })`. */
export const translator = (language: Language): Translate => i18n.getFixedT(language);

/** An English message of a use case or an input check, with the template and values it came from. */
export interface Message {
  message: string;
  template?: string;
  /** A list (of school names, say) is written with the language's "and". */
  values?: Record<string, string | number | readonly string[]>;
  /** A message of several parts (a refusal within a refusal, a list of terms), written part by part. */
  phrase?: Phrase;
}

/**
 * Names in a sentence, as each language lists them: "A and B and C" as S2S has always written
 * them in English; "A, B a C" in Welsh, with "ac" before a vowel ("A ac Ysgol B"). A list of
 * `words` (not names) is written in English as the domain writes it ("A, B and C", the API's
 * text), and in Welsh takes the aspirate mutation after "a": "maint a chyfran y disgyblion",
 * "a phartneriaeth", "a thîm"; a name is written as it is.
 */
export function listIn(
  language: Language,
  items: readonly string[],
  kind: 'names' | 'words' = 'names',
): string {
  if (language === 'en') return kind === 'words' ? listedInEnglish([...items]) : items.join(' and ');
  const last = items.at(-1);
  if (items.length < 2 || last === undefined) return items.join('');
  const and = /^[aeiouwyâêîôûŵŷ]/i.test(last) ? 'ac' : 'a';
  const mutated = kind === 'words' ? last.replace(/^([cpt])(?!h)/i, '$1h') : last;
  return `${items.slice(0, -1).join(', ')} ${and} ${mutated}`;
}

/** Welsh's soft mutation of a word (not a name): "canol" → "ganol", "pob oed" → "bob oed". */
const SOFT_MUTATION: [RegExp, string][] = [
  [/^ll/, 'l'],
  [/^rh/, 'r'],
  [/^p(?!h)/, 'b'],
  [/^t(?!h)/, 'd'],
  [/^c(?!h)/, 'g'],
  [/^b/, 'f'],
  [/^d(?!d)/, 'dd'],
  [/^g/, ''],
  [/^m/, 'f'],
];
const softMutation = (word: string) => {
  // A word capitalised in the catalogue ("Canol") mutates as it would in lower case ("Ganol").
  const first = word.charAt(0);
  const lower = first.toLowerCase() + word.slice(1);
  const rule = SOFT_MUTATION.find(([start]) => start.test(lower));
  if (!rule) return word;
  const mutated = lower.replace(rule[0], rule[1]);
  return first === lower.charAt(0) ? mutated : mutated.charAt(0).toUpperCase() + mutated.slice(1);
};

/**
 * Alternatives in a sentence, as each language lists them: "A, B or C"; "A, B neu C" in Welsh,
 * the word after "neu" softly mutated ("cynradd neu ganol", "uwchradd neu bob oed").
 */
export function orIn(language: Language, items: readonly string[]): string {
  if (language === 'en') return listedInEnglish([...items], 'or');
  const last = items.at(-1);
  if (items.length < 2 || last === undefined) return items.join('');
  return `${items.slice(0, -1).join(', ')} neu ${softMutation(last)}`;
}

/**
 * A use case's or an input check's message in the reader's language. The catalogue's `messages`
 * are keyed by the English text (or its template, "No school with {{urn, schoolIdInSentence}}"), so that the
 * layers that write them stay in English for the CLI and logs; one not yet in the catalogue is
 * left in English. A message with a phrase is written from its phrase.
 */
export function translateMessage(language: Language, { message, template, values, phrase }: Message): string {
  if (phrase) return translatePhrase(language, phrase);
  const listed = Object.fromEntries(
    Object.entries(values ?? {}).map(([name, value]) => [
      name,
      Array.isArray(value) ? listIn(language, value) : value,
    ]),
  );
  return i18n.t(template ?? message, {
    ...listed,
    lng: language,
    ns: 'messages',
    keySeparator: false,
    nsSeparator: false,
    defaultValue: message,
  });
}

/**
 * A phrase the domain wrote (a classification's reason, say) in the reader's language: each of
 * its phrases and lists in turn, then its template from the catalogue's `messages`. A template
 * not yet in the catalogue is written in English, with its values in the reader's language.
 */
export const translatePhrase = (language: Language, phrase: Phrase): string =>
  writePhrase(phrase, {
    fill: (template, values) =>
      translateMessage(language, {
        message: fillIn(template, values),
        template,
        values,
      }),
    // A phrase's list is of the catalogue's words (focus areas, a context's features), not names.
    and: (items) => listIn(language, items, 'words'),
    or: (items) => orIn(language, items),
  });

/** The messages under one key of a language's catalogue, as written (`{{placeholders}}` unfilled): for a script that fills them in the browser. */
export const wordsUnder = (language: Language, key: string): Catalogue =>
  i18n.getResource(language, 'translation', key) as Catalogue;
