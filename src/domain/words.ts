import { MONTHS } from './format.ts';
import { schoolIdInEnglish } from './wales.ts';

/**
 * A sentence in English with the template it was filled in from and its values ("The partnership
 * of {{schools}} has started"), so that a face can write it in the reader's language from the
 * catalogue. A list of names is written with "and".
 */
export interface Words {
  message: string;
  template: string;
  values: Record<string, string | number | string[]>;
}

/**
 * Templates split at their {{names}}, once each: text, name, format, text, … text. A partner search
 * writes a few hundred phrases from a few dozen templates, and splitting is most of the cost of
 * writing one. Templates come from the code, but a stored sentence may stand in for one, so only so
 * many are kept.
 */
const splitTemplates = new Map<string, (string | undefined)[]>();
const TEMPLATES_KEPT = 10_000;

function partsOf(template: string): (string | undefined)[] {
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{\{(\w+)(?:, (\w+))?\}\}/);
    if (splitTemplates.size < TEMPLATES_KEPT) splitTemplates.set(template, parts);
  }
  return parts;
}

/**
 * A value written with its format, as the catalogue's `{{urn, schoolId}}` writes it in each
 * language (src/i18n): a school's number with what it is called, a label ("URN 100001", "School
 * number 6814002") or inside a sentence ("with school number 6814002").
 */
const ENGLISH_FORMATS: Record<string, (value: string) => string> = {
  schoolId: (value) => schoolIdInEnglish(Number(value)),
  schoolIdInSentence: (value) => lowerFirst(schoolIdInEnglish(Number(value))),
};

/** The template with each {{name}} replaced by what `value` gives for it, in its {{name, format}}. */
function fill(template: string, value: (name: string) => string): string {
  const parts = partsOf(template);
  let written = parts[0]!;
  for (let i = 1; i < parts.length; i += 3) {
    const format = parts[i + 1];
    const filled = value(parts[i]!);
    written +=
      (format === undefined ? filled : (ENGLISH_FORMATS[format]?.(filled) ?? filled)) + parts[i + 2]!;
  }
  return written;
}

/** The template filled in, in English. */
export function wordsOf(template: string, values: Words['values'] = {}): Words {
  const message = fill(template, (name) => {
    const value = values[name];
    return Array.isArray(value) ? value.join(' and ') : String(value ?? '');
  });
  return { message, template, values };
}

/** Words that may carry no template: a sentence stored before templates were kept, or never worded. */
export interface SomeWords {
  message: string;
  template?: string;
  values?: Words['values'];
}

/**
 * A phrase the domain writes for a page, to be written in the reader's language: its English
 * template ("{{area}} judged {{grade}}"), keyed so in the catalogue's `messages`, and its values:
 * a name or a number written as it is, a phrase in turn (a grade, a label), or a list of phrases.
 */
export interface Phrase {
  template: string;
  values?: Record<string, PhraseValue>;
}

/**
 * Phrases one after the other: listed with the language's "and" (`and`: "A, B and C") or "or"
 * (`or`: "A, B or C"), or joined with a mark that every language writes alike ("; ", or a space
 * between whole sentences).
 */
export interface PhraseList {
  items: Phrase[];
  joined: 'and' | 'or' | '; ' | ', ' | ' ';
}

export type PhraseValue = string | number | Phrase | PhraseList;

/**
 * Phrases of a template alone (a label, a grade, a rule's text), one each: a partner search's
 * words held some 16 of them a school, each a copy of the last. Like the split templates, only so
 * many are kept.
 */
const bare = new Map<string, Phrase>();

export const phrase = (template: string, values?: Phrase['values']): Phrase => {
  if (values) return { template, values };
  let alone = bare.get(template);
  if (!alone) {
    alone = { template };
    if (bare.size < TEMPLATES_KEPT) bare.set(template, alone);
  }
  return alone;
};

export const phraseList = (items: Phrase[], joined: PhraseList['joined']): PhraseList => ({ items, joined });

/** Each phrase within `words` (itself, the measures it joins, and theirs), outermost first. */
export function* phrasesIn(words: Phrase): Generator<Phrase> {
  yield words;
  for (const value of Object.values(words.values ?? {})) {
    if (typeof value !== 'object') continue;
    if ('template' in value) yield* phrasesIn(value);
    else for (const item of value.items) yield* phrasesIn(item);
  }
}

/** `words` with `change` made to each phrase it holds, outermost first. */
export function mapPhrases(words: Phrase, change: (p: Phrase) => Phrase): Phrase {
  const changed = change(words);
  if (changed !== words || !words.values) return changed;
  const values = Object.fromEntries(
    Object.entries(words.values).map(([name, value]) => [
      name,
      typeof value !== 'object'
        ? value
        : 'template' in value
          ? mapPhrases(value, change)
          : { ...value, items: value.items.map((item) => mapPhrases(item, change)) },
    ]),
  );
  return { template: words.template, values };
}

/** "13 March 2019" as a phrase, the month to be written in the reader's language. */
export function datePhrase(iso: string): Phrase {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month
    ? phrase('{{day}} {{month}} {{year}}', { day: Number(m[3]), month: phrase(month), year: m[1]! })
    : phrase(iso);
}

/** How one language writes a phrase's template with its values, and a list with its "and" or "or". */
export interface PhraseWriter {
  fill: (template: string, values: Record<string, string | number>) => string;
  and: (items: string[]) => string;
  or: (items: string[]) => string;
}

/** A template with its {{values}} filled in, as written. */
/**
 * A label inside a sentence ("by local authority", "works with primary schools"): only its first
 * letter is lowered, and not even that for a language's name ("Welsh", "Cymraeg") or an acronym
 * ("SEND", "URN"), whose capitals are their meaning.
 */
export const lowerFirst = (label: string): string =>
  /^(\p{Lu}{2,}|English|Welsh|Saesneg|Cymraeg)(?![\p{Ll}])/u.test(label)
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);

export const fillIn = (template: string, values: Record<string, string | number>): string =>
  fill(template, (name) => String(values[name] ?? ''));

/** "A, B and C", or with another word before the last: "A, B or C". */
export const listedInEnglish = (items: string[], last = 'and'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;

const ENGLISH: PhraseWriter = {
  fill: fillIn,
  and: (items) => listedInEnglish(items),
  or: (items) => listedInEnglish(items, 'or'),
};

/** A phrase written out, its values first: in English unless another language's writer is given. */
export function writePhrase(p: Phrase, writer: PhraseWriter = ENGLISH): string {
  if (writer === ENGLISH) return inEnglish(p);
  if (!p.values) return writer.fill(p.template, {});
  const filled: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p.values)) {
    if (typeof value !== 'object') filled[name] = value;
    else if ('template' in value) filled[name] = writePhrase(value, writer);
    else {
      const items = value.items.map((item) => writePhrase(item, writer));
      filled[name] =
        value.joined === 'and' || value.joined === 'or'
          ? writer[value.joined](items)
          : items.join(value.joined);
    }
  }
  return writer.fill(p.template, filled);
}

/**
 * writePhrase in English, each value written straight into its place rather than gathered first:
 * the same sentence, in about half the time (the domain writes hundreds for a partner search).
 */
function inEnglish(p: Phrase): string {
  const values = p.values;
  return fill(p.template, (name) => {
    const value = values?.[name];
    if (typeof value !== 'object') return String(value ?? '');
    if ('template' in value) return inEnglish(value);
    const items = value.items.map(inEnglish);
    return value.joined === 'and' || value.joined === 'or'
      ? listedInEnglish(items, value.joined)
      : items.join(value.joined);
  });
}
