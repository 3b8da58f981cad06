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
 * A Welsh authority, or Wales, after "yn" ("in"): Welsh mutates the name nasally and "yn" with it
 * ("yng Nghaerdydd", "ym Mhowys", "yn Nhor-faen"), so each is written out whole rather than filled
 * into "yn {{place}}". Not yet reviewed by a translator, like the catalogue's Welsh in
 * `cy-unreviewed/`.
 */
const IN_WELSH_PLACE: Readonly<Record<string, string>> = {
  '660': 'yn Ynys Môn',
  '661': 'yng Ngwynedd',
  '662': 'yng Nghonwy',
  '663': 'yn Sir Ddinbych',
  '664': 'yn Sir y Fflint',
  '665': 'yn Wrecsam',
  '666': 'ym Mhowys',
  '667': 'yng Ngheredigion',
  '668': 'yn Sir Benfro',
  '669': 'yn Sir Gaerfyrddin',
  '670': 'yn Abertawe',
  '671': 'yng Nghastell-nedd Port Talbot',
  '672': 'ym Mhen-y-bont ar Ogwr',
  '673': 'ym Mro Morgannwg',
  '674': 'yn Rhondda Cynon Taf',
  '675': 'ym Merthyr Tudful',
  '676': 'yng Nghaerffili',
  '677': 'ym Mlaenau Gwent',
  '678': 'yn Nhor-faen',
  '679': 'yn Sir Fynwy',
  '680': 'yng Nghasnewydd',
  '681': 'yng Nghaerdydd',
  W: 'yng Nghymru',
};

/**
 * "In" the places chosen, as a page's sentence goes on ("in Kent, South East"; "yng Nghaerdydd,
 * Cymru"): the first place after the word for "in", each by the name the reader sees. A place
 * given as text (what someone typed, a constituency) is written as given.
 */
export function inPlacesIn(
  language: Language,
  places: readonly (Area | string | undefined)[],
  inPlace: (place: string) => string,
): string {
  const [first, ...rest] = places.filter((p): p is Area | string => Boolean(p));
  if (first === undefined) return '';
  const named = (p: Area | string) => (typeof p === 'string' ? p : placeNameIn(language, p));
  const mutated = language === 'cy' && typeof first !== 'string' ? IN_WELSH_PLACE[first.code] : undefined;
  return mutated ? [mutated, ...rest.map(named)].join(', ') : inPlace([first, ...rest].map(named).join(', '));
}
