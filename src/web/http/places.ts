import type { Language } from '../../domain/language.ts';
import type { Area } from '../../domain/school.ts';
import { placeNameIn } from '../../i18n/places.ts';

const collators = new Map<Language, Intl.Collator>();
const collatorFor = (language: Language) => {
  let collator = collators.get(language);
  if (!collator)
    collators.set(language, (collator = new Intl.Collator(language === 'en' ? 'en-GB' : language)));
  return collator;
};

/**
 * Local authorities or regions as a select's choices, after `any` (the choice of none): each
 * named as the reader's pages name it ("Caerdydd") and listed in that order, chosen by its code.
 */
export function areaItems(
  language: Language,
  areas: readonly Area[],
  chosen: string | undefined,
  any: string,
): { value: string; text: string; selected?: boolean }[] {
  const items = areas
    .map((area) => ({ value: area.code, text: placeNameIn(language, area), selected: area.code === chosen }))
    .sort((a, b) => collatorFor(language).compare(a.text, b.text));
  return [{ value: '', text: any }, ...items];
}

/** The areas whose name the reader's pages write otherwise than published, by code: for the map's script. */
export const placeNamesIn = (language: Language, areas: readonly Area[]): Record<string, string> =>
  Object.fromEntries(
    areas.flatMap((area) => {
      const shown = placeNameIn(language, area);
      return shown === area.name ? [] : [[area.code, shown]];
    }),
  );
