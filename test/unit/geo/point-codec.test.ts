import { describe, expect, it } from 'vitest';
import { decodePoints, encodePoints, type SchoolPoint } from '../../../src/geo/point-codec.ts';

describe('school points for the map', () => {
  it('round-trips every school with its phase and group, to within a metre', () => {
    const points: SchoolPoint[] = [
      { urn: 100000, lon: -0.0977, lat: 51.5151, phase: 'primary', group: 'in-need' },
      { urn: 149999, lon: -5.5, lat: 50.1, phase: 'secondary', group: 'high-performing' },
      { urn: 401234, lon: 1.75, lat: 55.8, phase: 'special', group: 'other' },
    ];
    const bytes = encodePoints(points);
    expect(bytes.byteLength).toBe(4 + 14 * points.length);
    const decoded = decodePoints(bytes.slice().buffer);
    decoded.forEach((p, i) => {
      const original = points[i]!;
      expect({ ...p, lon: 0, lat: 0 }).toEqual({ ...original, lon: 0, lat: 0 });
      expect(p.lon).toBeCloseTo(original.lon, 5);
      expect(p.lat).toBeCloseTo(original.lat, 5);
    });
  });

  it('refuses a truncated download rather than drawing garbage', () => {
    const bytes = encodePoints([{ urn: 1, lon: 0, lat: 51, phase: 'primary', group: 'other' }]);
    expect(() => decodePoints(bytes.slice(0, 10).buffer)).toThrow(/expected 18 bytes, got 10/);
  });
});
