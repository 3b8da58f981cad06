import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { SchoolGroup } from '../../src/domain/classification/types.ts';

/** Colours that stay apart for the common colour-vision deficiencies (GOV.UK blue and orange). */
export const GROUP_COLOURS: Record<SchoolGroup, string> = {
  'high-performing': '#1d70b8',
  'in-need': '#f47738',
  other: '#6f777b',
};

/** Ratio bands, high-performing schools per school in need; the legend on the page reads the same list. */
export const RATIO_BANDS: { from: number; colour: string }[] = [
  { from: 0, colour: '#fde9e4' },
  { from: 0.5, colour: '#f9c7a9' },
  { from: 1, colour: '#cfe1b9' },
  { from: 2, colour: '#8cc0a0' },
  { from: 4, colour: '#4c9a83' },
];
export const NO_NEED_COLOUR = '#f3f2f1';

export function ratioColour(): ExpressionSpecification {
  const steps = RATIO_BANDS.slice(1).flatMap((band) => [band.from, band.colour]);
  return [
    'case',
    ['==', ['typeof', ['get', 'ratio']], 'number'],
    ['step', ['get', 'ratio'], RATIO_BANDS[0]!.colour, ...steps],
    NO_NEED_COLOUR,
  ] as ExpressionSpecification;
}

/** With no basemap configured the map is the boundaries and schools on a plain ground: no tile server. */
export const PLAIN_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'ground', type: 'background', paint: { 'background-color': '#dcecf5' } }],
};
