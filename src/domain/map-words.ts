import type { SchoolGroup } from './classification/types.ts';
import type { FocusArea } from './focus-areas.ts';
import type { Phase } from './school.ts';

/**
 * The words the map's script writes (its pop-ups, search and messages), in the reader's language:
 * the page puts them in from the catalogue (`map.client`), with `{{placeholders}}` to fill.
 */
export interface MapWords {
  map: string;
  schoolN: string;
  group: string;
  phase: string;
  urn: string;
  /** What a Welsh school's number is called, where an English school's is its URN. */
  schoolNumber: string;
  viewProfile: string;
  findPartners: string;
  notVerified: string;
  example: string;
  school: string;
  designations: string;
  none: string;
  expertise: string;
  daysFree: string;
  schools: string;
  noSchools: string;
  highPerforming: string;
  inNeed: string;
  ratio: string;
  noSchoolInNeed: string;
  median: string;
  notApplicable: string;
  everyArea: string;
  nothingHere: string;
  noMatch: string;
  found: string;
  failed: string;
  groups: Record<SchoolGroup, string>;
  phases: Record<Phase, string>;
  focusAreas: Record<FocusArea, string>;
  /** Areas named otherwise than published on the reader's pages ("681": "Caerdydd"), by code. */
  placeNames: Record<string, string>;
}

/** A message with its `{{placeholders}}` filled: "View {{name}}'s profile". */
export const fillIn = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
