import type { Area } from './school.ts';
import { consortiumOf, type Consortium } from './wales.ts';

/**
 * Each consortium as an area of Wales, for capacity and the map, in the arrangement of
 * `CONSORTIUM_ERA`: the authorities outside the consortia together make one more area, so that
 * Wales adds up. The consortia have no ONS codes; these are S2S's own.
 */
const CONSORTIUM_AREAS: Record<Consortium, Area> = {
  gwe: { code: 'gwe', name: 'GwE (North Wales)' },
  csc: { code: 'csc', name: 'Central South Consortium (CSC)' },
  eas: { code: 'eas', name: 'Education Achievement Service (EAS)' },
  partneriaeth: { code: 'partneriaeth', name: 'Partneriaeth (Carmarthenshire, Pembrokeshire and Swansea)' },
  none: { code: 'no-consortium', name: 'Outside the consortia (Ceredigion, Neath Port Talbot and Powys)' },
};

/** The consortium of a Welsh LA as an area; undefined for an LA outside Wales. */
export function consortiumAreaOf(laCode: string | null | undefined): Area | undefined {
  const consortium = consortiumOf(laCode);
  return consortium && CONSORTIUM_AREAS[consortium];
}
