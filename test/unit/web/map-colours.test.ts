import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUP_COLOURS, NO_NEED_COLOUR, POINT_RINGS, RATIO_BANDS } from '../../../client/map/style.ts';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const shades = [...RATIO_BANDS.map((b) => b.colour), NO_NEED_COLOUR];

describe('the map’s colours', () => {
  it('sets every point apart from every shade by one of its rings, at 3:1 or more', () => {
    for (const shade of shades)
      expect(
        Math.max(contrast(POINT_RINGS.inner, shade), contrast(POINT_RINGS.outer, shade)),
      ).toBeGreaterThanOrEqual(3);
    // And the point's own colour from its white ring.
    for (const colour of Object.values(GROUP_COLOURS))
      expect(contrast(colour, POINT_RINGS.inner)).toBeGreaterThanOrEqual(3);
  });

  it('does not let "Under 0.5" look like "No school in need"', () => {
    expect(contrast(RATIO_BANDS[0]!.colour, NO_NEED_COLOUR)).toBeGreaterThanOrEqual(3);
  });

  it('uses no shade of the points’ own blue or orange', () => {
    const hue = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [
        number,
        number,
        number,
      ];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      if (d === 0) return null;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    for (const band of RATIO_BANDS)
      for (const point of [GROUP_COLOURS['in-need'], GROUP_COLOURS['high-performing']]) {
        const gap = Math.abs(hue(band.colour)! - hue(point)!);
        expect(Math.min(gap, 360 - gap)).toBeGreaterThan(40);
      }
  });

  it('draws the same colours in the page’s legend as on the map', () => {
    const css = fs.readFileSync('public/map.css', 'utf8');
    shades.forEach((colour, i) =>
      expect(css).toMatch(new RegExp(`\\.s2s-band--${i} \\{\\s*background: ${colour};`)),
    );
    for (const [group, colour] of Object.entries(GROUP_COLOURS))
      expect(css).toMatch(new RegExp(`\\.s2s-group--${group} \\{\\s*background: ${colour};`));
  });
});
