import type { Language } from '../domain/language.ts';
import type { Area } from '../domain/school.ts';
import { WELSH_LA_NAMES_CY } from '../domain/wales.ts';
import { translateMessage } from './index.ts';

/**
 * An area's name as a page shows it: a Welsh authority by its Welsh name on a Welsh page
 * ("Caerdydd", "Ynys Môn"), Wales as "Cymru", and every other place by its one published name
 * ("Kent"). APIs, the CLI and the data keep the published name.
 */
export function placeNameIn(language: Language, area: Area): string {
  if (language === 'en') return area.name;
  // Wales (as a country, or GIAS's region "Wales (pseudo)") is in the catalogue's messages.
  return WELSH_LA_NAMES_CY[area.code] ?? translateMessage(language, { message: area.name });
}
