import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { visibleText } from '../../../helpers/page-text.ts';

// Distances worked out by hand (haversine, 6,371 km): Ardwick–Longsight 2.37 km, Ardwick–Salford
// 3.13 km, Ardwick–Leeds 58.38 km; from the middle of M13 (the mean of Ardwick and Longsight)
// 1.18 km to each and 4.25 km to Salford.
const ARDWICK = 200001;
const LONGSIGHT = 200002;
const SALFORD = 200003;
const LEEDS = 200004;

describe('schools near a place', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, {
        urn: ARDWICK,
        name: 'Ardwick Primary',
        postcode: 'M13 9PL',
        town: 'Manchester',
        laCode: '352',
        laName: 'Manchester',
        lat: 53.4668,
        lon: -2.2339,
      });
      await insertSchool(db, {
        urn: LONGSIGHT,
        name: 'Longsight Primary',
        postcode: 'M13 0AB',
        town: 'Manchester',
        laCode: '352',
        laName: 'Manchester',
        lat: 53.46,
        lon: -2.2,
      });
      await insertSchool(db, {
        urn: SALFORD,
        name: 'Salford Academy',
        phase: 'secondary',
        postcode: 'M5 4WT',
        town: 'Salford',
        laCode: '355',
        laName: 'Salford',
        lat: 53.485,
        lon: -2.27,
      });
      await insertSchool(db, {
        urn: LEEDS,
        name: 'Leeds Primary',
        postcode: 'LS1 1AA',
        town: 'Leeds',
        lat: 53.7997,
        lon: -1.5492,
      });
    },
    { fresh: 'file' },
  );

  const near = async (query: string) => {
    const res = await t.app.inject(`/api/schools?${query}`);
    return { status: res.statusCode, body: res.json() };
  };

  it('sorts the schools near a postcode by distance, each with how far it is', async () => {
    const { status, body } = await near('near=M13%209PL');
    expect(status).toBe(200);
    expect(body.items.map((s: { urn: number }) => s.urn)).toEqual([ARDWICK, LONGSIGHT, SALFORD]);
    expect(body.items.map((s: { distanceKm: number }) => s.distanceKm)).toEqual([
      0,
      expect.closeTo(2.37, 2),
      expect.closeTo(3.13, 2),
    ]);
    expect(body.total).toBe(3);
    expect(body.near).toMatchObject({ kind: 'postcode', name: 'M13 9PL', radiusKm: 10 });
    expect(body.dataset).toBeDefined();
  });

  it('reaches further with a larger radius', async () => {
    const { body } = await near('near=M13%209PL&radiusKm=60');
    expect(body.items.at(-1)).toMatchObject({ urn: LEEDS, distanceKm: expect.closeTo(58.38, 1) });
  });

  it('finds schools near a postcode that is no school’s, from its sector, and says so', async () => {
    const { body } = await near('near=m13+9zz&radiusKm=3');
    expect(body.items.map((s: { urn: number }) => s.urn)).toEqual([ARDWICK, LONGSIGHT]);
    expect(body.near).toMatchObject({ kind: 'postcode-sector', name: 'M13 9' });
    expect(body.near.basis).toContain('not the postcode of a school');
  });

  it('finds schools near a postcode district, a town and a school', async () => {
    const district = await near('near=M13');
    expect(district.body.items.map((s: { distanceKm: number }) => s.distanceKm)).toEqual([
      expect.closeTo(1.18, 1),
      expect.closeTo(1.18, 1),
      expect.closeTo(4.25, 1),
    ]);
    const town = await near('near=leeds');
    expect(town.body.items).toEqual([expect.objectContaining({ urn: LEEDS, distanceKm: 0 })]);
    const school = await near(`near=${SALFORD}&radiusKm=3`);
    expect(school.body.items.map((s: { urn: number }) => s.urn)).toEqual([SALFORD]);
  });

  it('keeps the other filters and pages in distance order', async () => {
    const phase = await near('near=M13%209PL&phase=secondary');
    expect(phase.body.items.map((s: { urn: number }) => s.urn)).toEqual([SALFORD]);
    const named = await near('near=M13%209PL&q=longsight');
    expect(named.body.items.map((s: { urn: number }) => s.urn)).toEqual([LONGSIGHT]);
    const second = await near('near=M13%209PL&limit=2&offset=2');
    expect(second.body).toMatchObject({
      total: 3,
      offset: 2,
      items: [expect.objectContaining({ urn: SALFORD })],
    });
  });

  it('refuses a place it cannot find with 400 naming near', async () => {
    const { status, body } = await near('near=ZZ99%209ZZ');
    expect(status).toBe(400);
    expect(body.issues).toEqual([expect.objectContaining({ field: 'near' })]);
  });

  it('lists the schools near a place on the find-a-school page, without JavaScript', async () => {
    const page = await t.app.inject('/?near=M13+9PL&radiusKm=5');
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(visibleText(body)).toContain('Within 5 km of M13 9PL, nearest first');
    expect(body.indexOf('Ardwick Primary')).toBeLessThan(body.indexOf('Longsight Primary'));
    expect(body.indexOf('Longsight Primary')).toBeLessThan(body.indexOf('Salford Academy'));
    expect(body).toContain('2.4 km away');
    expect(body).not.toContain('Leeds Primary');
    expect(visibleText(body)).toContain(
      'places are found from the postcodes and towns of the schools in the registry',
    );
  });

  it('shows a place it cannot find as an error on the near field', async () => {
    const page = await t.app.inject('/?near=Atlantis');
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('href="#near"');
    expect(page.body).toMatch(/id="near-error"/);
    expect(page.body).toContain('value="Atlantis"');
  });
});
