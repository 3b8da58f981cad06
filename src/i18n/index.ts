import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../domain/language.ts';

export type Translate = TFunction;
export type Catalogue = { [key: string]: string | Catalogue };

/** One language's message catalogue, as shipped beside this file. */
export const catalogue = (language: Language): Catalogue =>
  JSON.parse(readFileSync(new URL(`./${language}.json`, import.meta.url), 'utf8')) as Catalogue;

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

/** The messages of one language: `t('nav.map')`, `t('nav.notificationsUnread', { count })`. */
export const translator = (language: Language): Translate => i18n.getFixedT(language);

/** An English message of a use case or an input check, with the template and values it came from. */
export interface Message {
  message: string;
  template?: string;
  values?: Record<string, string | number>;
}

/**
 * A use case's or an input check's message in the reader's language. The catalogue's `messages`
 * are keyed by the English text (or its template, "No school with URN {{urn}}"), so that the
 * layers that write them stay in English for the CLI and logs; one not yet in the catalogue is
 * left in English.
 */
export function translateMessage(language: Language, { message, template, values }: Message): string {
  return i18n.t(template ?? message, {
    ...values,
    lng: language,
    ns: 'messages',
    keySeparator: false,
    nsSeparator: false,
    defaultValue: message,
  });
}
