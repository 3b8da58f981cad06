import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { SchoolGroup } from '../../src/domain/classification/types.ts';

/** Colours that stay apart for the common colour-vision deficiencies (GOV.UK blue and red), each 3:1 or more against the white ring. */
export const GROUP_COLOURS: Record<SchoolGroup, string> = {
  'high-performing': '#1d70b8',
  'in-need': '#d4351c',
  other: '#6f777b',
};

/**
 * Ratio bands, high-performing schools per school in need; the legend on the page reads the same
 * list. Purple (few partners) to green (many), ColorBrewer's PRGn, which stays readable with the
 * common colour-vision deficiencies and shares no hue with the blue and orange points. The
 * fewest partners is the darkest, so "Under 0.5" cannot pass for white "No school in need".
 */
export const RATIO_BANDS: { from: number; colour: string }[] = [
  { from: 0, colour: '#7b3294' },
  { from: 0.5, colour: '#c2a5cf' },
  { from: 1, colour: '#d9f0d3' },
  { from: 2, colour: '#a6dba0' },
  { from: 4, colour: '#008837' },
];
export const NO_NEED_COLOUR = '#ffffff';

/**
 * Every point has a white ring inside a black one, so it stands apart from any shading, dark or
 * light, whatever its own colour.
 */
export const POINT_RINGS = { inner: '#ffffff', outer: '#0b0c0c' };

/** System leaders are yellow diamonds ringed in black: a shape no school point has, not only a colour. */
export const LEADER_MARK = { fill: '#ffdd00', edge: '#0b0c0c', size: 22 };

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
