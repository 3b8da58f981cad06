import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../src/domain/places.ts';

const school = (
  urn: number,
  postcode: string | null,
  town: string | null,
  lat: number,
  lon: number,
  la = 'Manchester',
) => ({
  urn,
  name: `School ${urn}`,
  postcode,
  town,
  location: { lat, lon },
  localAuthority: { code: la.slice(0, 3), name: la },
});

const places = buildGazetteer([
  school(1, 'M13 9PL', 'Manchester', 53.4668, -2.2339),
  school(2, 'M13 0AB', 'Manchester', 53.46, -2.2),
  school(3, 'M5 4WT', 'Salford', 53.485, -2.27, 'Salford'),
  school(4, 'PO30 1AA', 'Newport', 50.7, -1.29, 'Isle of Wight'),
  school(5, 'NP20 1AA', 'Newport', 51.58, -2.99, 'Newport Wales'),
  school(6, 'NP20 2AA', 'Newport', 51.59, -3.0, 'Newport Wales'),
  { ...school(7, 'M1 1AA', 'Manchester', 0, 0), location: null },
]);

describe('finding a place among the registry’s schools', () => {
  it('places a school’s own postcode at the school, however it is typed', () => {
    expect(places.find(' m139pl ')).toMatchObject({
      kind: 'postcode',
      name: 'M13 9PL',
      location: { lat: 53.4668, lon: -2.2339 },
    });
  });

  it('places a postcode no school has at the centre of its sector, and says so', () => {
    const place = places.find('M13 9ZZ');
    expect(place).toMatchObject({
      kind: 'postcode-sector',
      name: 'M13 9',
      location: { lat: 53.4668, lon: -2.2339 },
    });
    expect(place!.basis).toContain('M13 9ZZ is not the postcode of a school in the registry');
  });

  it('falls back to the district when the sector has no school', () => {
    expect(places.find('M13 5ZZ')).toMatchObject({ kind: 'postcode-district', name: 'M13', schools: 2 });
  });

  it('places a district at the mean of its schools', () => {
    const place = places.find('m13')!;
    expect(place.kind).toBe('postcode-district');
    expect(place.location.lat).toBeCloseTo(53.4634, 4);
    expect(place.location.lon).toBeCloseTo(-2.21695, 4);
  });

  it('finds a town by name, the one with most schools when several share it, or the one in the named authority', () => {
    expect(places.find('newport')).toMatchObject({
      kind: 'town',
      name: 'Newport, Newport Wales',
      schools: 2,
    });
    expect(places.find('Newport, Isle of Wight')).toMatchObject({
      name: 'Newport, Isle of Wight',
      location: { lat: 50.7 },
    });
  });

  it('places a URN at its school', () => {
    expect(places.find('3')).toBeUndefined();
    expect(buildGazetteer([school(100003, null, null, 52, -1)]).find('100003')).toMatchObject({
      kind: 'school',
      location: { lat: 52, lon: -1 },
    });
  });

  it('finds nothing for a place no school gives, nor for schools with no position', () => {
    expect(places.find('ZZ99 9ZZ')).toBeUndefined();
    expect(places.find('M1')).toBeUndefined();
    expect(places.find('Atlantis')).toBeUndefined();
    expect(places.find('')).toBeUndefined();
  });
});
