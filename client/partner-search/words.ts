import { fillIn } from '../../src/domain/map-words.ts';
import { schoolIdKindOf } from '../../src/domain/wales.ts';

export interface AutocompleteWords {
  noResults: () => string;
  tooShort: (min: number) => string;
  selected: (option: string, length: number, index: number) => string;
  results: (length: number, selected: string) => string;
  hint: () => string;
  schoolId: (id: number) => string;
}

/**
 * The search-as-you-type words in the page's language, which the page writes from the catalogue
 * (`proposal.autocomplete`, partnerships/form.njk's data-words). A count's forms are keyed as
 * i18next keys them (`results_one`, `results_few`), chosen here by the same plural rules.
 */
export function autocompleteWords(form: HTMLElement): AutocompleteWords {
  const words = JSON.parse(form.dataset.words ?? '{}') as Record<string, string>;
  const plural = new Intl.PluralRules(document.documentElement.lang || 'en');
  const word = (key: string, values: Record<string, string | number> = {}) =>
    fillIn(words[key] ?? '', values);
  return {
    noResults: () => word('noResults'),
    tooShort: (min) => word('tooShort', { min }),
    selected: (option, count, index) => word('selected', { option, position: index + 1, count }),
    results: (count, selected) => {
      const key = `results_${plural.select(count)}`;
      return word(key in words ? key : 'results_other', { count, selected }).trim();
    },
    hint: () => word('hint'),
    schoolId: (id) => word(schoolIdKindOf(id), { id }),
  };
}
