import type { Language } from '../../domain/language.ts';
import { lowerFirst } from '../../domain/words.ts';
import { translateMessage } from '../../i18n/index.ts';

/**
 * A domain's labels ("Planned", "What went well") in the reader's language, keyed as before: the
 * catalogue's `messages` hold them by their English text.
 */
export const labelsIn = <K extends string>(
  language: Language,
  labels: Record<K, string>,
): Record<K, string> =>
  Object.fromEntries(
    Object.entries<string>(labels).map(([key, label]) => [
      key,
      translateMessage(language, { message: label }),
    ]),
  ) as Record<K, string>;

/** A label inside a sentence, in the reader's language: "by local authority", "yn ôl awdurdod lleol". */
export const inSentence = (language: Language, label: string): string =>
  lowerFirst(translateMessage(language, { message: label }));
