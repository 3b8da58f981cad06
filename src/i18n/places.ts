import type { Language } from '../domain/language.ts';
import type { Area } from '../domain/school.ts';
import { WELSH_CONSTITUENCY_NAMES_CY, WELSH_LA_NAMES_CY } from '../domain/wales.ts';
import { translateMessage } from './index.ts';

/**
 * An area's name as a page shows it: a Welsh authority or constituency by its Welsh name on a
 * Welsh page ("Caerdydd", "Alun a Glannau Dyfrdwy"), Wales as "Cymru", and every other place by
 * its one published name ("Kent"). APIs, the CLI and the data keep the published name.
 */
export function placeNameIn(language: Language, area: Area): string {
  if (language === 'en') return area.name;
  // Wales (as a country, or GIAS's region "Wales (pseudo)") is in the catalogue's messages.
  return (
    WELSH_LA_NAMES_CY[area.code] ??
    WELSH_CONSTITUENCY_NAMES_CY[area.code] ??
    translateMessage(language, { message: area.name })
  );
}

/**
 * A Welsh name after "yn" ("in"): Welsh mutates the name nasally and "yn" with it ("yng
 * Nghaerdydd", "ym Mhowys", "yn Nhor-faen", "yn Nwyrain Casnewydd"), and "yn" is "ym" before any
 * "m" ("ym Merthyr Tudful"). A rule, not a list, so that every Welsh authority and constituency
 * follows it; "ch", "ph", "th" and "dd" do not mutate. Not yet reviewed by a translator, like the catalogue's Welsh in `cy-unreviewed/`.
 */
export function inWelsh(name: string): string {
  const mutated = /^([CPT]h|Dd)/.test(name)
    ? name
    : (NASAL[name.charAt(0)] ?? name.charAt(0)) + name.slice(1);
  const yn = mutated.startsWith('Ng') ? 'yng' : mutated.startsWith('M') ? 'ym' : 'yn';
  return `${yn} ${mutated}`;
}

const NASAL: Readonly<Record<string, string>> = { P: 'Mh', T: 'Nh', C: 'Ngh', B: 'M', D: 'N', G: 'Ng' };

/** A place's Welsh name where it has one of its own: a Welsh authority or constituency, or Wales. */
const isWelshNamed = (area: Area): boolean =>
  area.code in WELSH_LA_NAMES_CY || area.code in WELSH_CONSTITUENCY_NAMES_CY || area.code === 'W';

/**
 * "In" the places chosen, as a page's sentence goes on ("in Kent, South East"; "yng Nghaerdydd,
 * Cymru"): the first place after the word for "in", each by the name the reader sees. A place
 * given as text (what someone typed, matching no place the service knows) is written as given.
 */
export function inPlacesIn(
  language: Language,
  places: readonly (Area | string | undefined)[],
  inPlace: (place: string) => string,
): string {
  const [first, ...rest] = places.filter((p): p is Area | string => Boolean(p));
  if (first === undefined) return '';
  const named = (p: Area | string) => (typeof p === 'string' ? p : placeNameIn(language, p));
  const mutated =
    language === 'cy' && typeof first !== 'string' && isWelshNamed(first)
      ? inWelsh(placeNameIn(language, first))
      : undefined;
  return mutated ? [mutated, ...rest.map(named)].join(', ') : inPlace([first, ...rest].map(named).join(', '));
}
