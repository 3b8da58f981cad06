import accessibleAutocomplete from 'accessible-autocomplete';
import { autocompleteWords } from './words.ts';

/**
 * Search as you type for the partner school on the proposal form. Without JavaScript the form is a
 * plain search that lists matching schools; with it, the same field suggests schools as the
 * proposer types, and choosing one opens the proposal to it, as the listed links do.
 */
interface School {
  urn: number;
  name: string;
  town?: string | null;
}

const form = document.getElementById('find-partner') as HTMLFormElement | null;
const field = document.getElementById('partnerName') as HTMLInputElement | null;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function suggest(query: string, populate: (results: School[]) => void) {
  try {
    const response = await fetch(`/api/schools?${new URLSearchParams({ q: query, limit: '10' })}`, {
      headers: { accept: 'application/json' },
    });
    populate(response.ok ? ((await response.json()) as { items: School[] }).items : []);
  } catch {
    // Offline or refused: no suggestions, and the plain search button still works.
    populate([]);
  }
}

function proposeTo(school: School) {
  const target = new URL(form!.action, window.location.href);
  target.search = '';
  target.searchParams.set('with', String(school.urn));
  for (const name of ['from', 'strategy']) {
    const value = (form!.elements.namedItem(name) as HTMLInputElement | null)?.value;
    if (value) target.searchParams.set(name, value);
  }
  window.location.assign(target.toString());
}

if (form && field) {
  const words = autocompleteWords(form);
  const described = (school: School) =>
    `${school.name}${school.town ? `, ${school.town}` : ''} (${words.schoolId(school.urn)})`;
  const wrapper = document.createElement('div');
  field.replaceWith(wrapper);
  accessibleAutocomplete<School>({
    element: wrapper,
    id: 'partnerName',
    name: 'partnerName',
    defaultValue: field.value,
    minLength: 2,
    showNoOptionsFound: true,
    tNoResults: words.noResults,
    tStatusNoResults: words.noResults,
    tStatusQueryTooShort: words.tooShort,
    tStatusSelectedOption: words.selected,
    tStatusResults: words.results,
    tAssistiveHint: words.hint,
    source: (query, populate) => void suggest(query, populate),
    templates: {
      inputValue: (school) => school?.name ?? '',
      suggestion: (school) => (typeof school === 'string' ? escape(school) : escape(described(school))),
    },
    onConfirm: (school) => {
      if (school) proposeTo(school);
    },
  });
  const input = document.getElementById('partnerName');
  const hint = document.getElementById('partnerName-hint');
  if (input && hint) input.setAttribute('aria-describedby', hint.id);
}
