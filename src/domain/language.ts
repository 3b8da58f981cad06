/** The languages S2S is written in: English, and Welsh (Cymraeg) for schools in Wales. */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** Each language named in itself, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', cy: 'Cymraeg' };

/**
 * The language to answer in: the one asked for now, else the one this browser chose, else the
 * one a signed-in person chose (on another device), else the browser's preference, else English.
 */
export function chooseLanguage(choices: {
  asked?: unknown;
  remembered?: unknown;
  saved?: unknown;
  preferred?: unknown;
}): Language {
  for (const choice of [choices.asked, choices.remembered, choices.saved, choices.preferred])
    if (isLanguage(choice)) return choice;
  return 'en';
}
