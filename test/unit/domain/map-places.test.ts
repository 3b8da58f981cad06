import { describe, expect, it } from 'vitest';
import { townLabels } from '../../../src/domain/map-places.ts';

const school = (town: string | null, lon: number, lat: number, la = '383') => ({
  town,
  location: { lon, lat },
  localAuthority: { code: la, name: la },
});

describe('town labels for the map', () => {
  it('places each town at its schools’ mean position, biggest first, keeping same-named towns apart', () => {
    const labels = townLabels(
      [
        school('Leeds', -1.5, 53.8),
        school('Leeds', -1.6, 53.9),
        school('Newport', -3.0, 51.6, '680'),
        school('Newport', -2.4, 52.8, '894'),
        school(null, 0, 0),
      ],
      10,
    );
    expect(labels[0]).toEqual({
      name: 'Leeds',
      lon: expect.closeTo(-1.55),
      lat: expect.closeTo(53.85),
      schools: 2,
    });
    expect(labels.filter((l) => l.name === 'Newport')).toHaveLength(2);
    expect(townLabels([school('Leeds', -1.5, 53.8), school('York', -1.1, 53.9)], 1)).toHaveLength(1);
  });
});
