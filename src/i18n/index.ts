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
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogue(l) }])),
  lng: 'en',
  fallbackLng: 'en',
  // Pages escape what they print; escaping here too would show "&amp;" to the reader.
  interpolation: { escapeValue: false },
});

/** The messages of one language: `t('nav.map')`, `t('nav.notificationsUnread', { count })`. */
export const translator = (language: Language): Translate => i18n.getFixedT(language);
