import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CapacityArea } from '../../../../src/domain/capacity/aggregate.ts';
import { decodePoints } from '../../../../src/geo/point-codec.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertCapacitySchools } from '../../../helpers/capacity-fixture.ts';
import { compactMarkup } from '../../../helpers/page-text.ts';

describe('capacity for support by area, from a real database', () => {
  const t = useTestApp(insertCapacitySchools, { fresh: 'test' });
  const capacity = async (query: string) => {
    const response = await t.app.inject({ url: `/api/capacity?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { total: CapacityArea; items: CapacityArea[] };
  };

  it('adds up to the same totals by country, region, local authority and constituency', async () => {
    for (const by of ['country', 'region', 'la', 'constituency']) {
      const { total, items } = await capacity(`by=${by}&phase=secondary`);
      expect(total).toMatchObject({ highPerforming: 3, inNeed: 4 });
      expect(
        items.reduce((n, a) => n + a.highPerforming, 0),
        by,
      ).toBe(3);
      expect(
        items.reduce((n, a) => n + a.inNeed, 0),
        by,
      ).toBe(4);
      expect(
        items.reduce((n, a) => n + a.inNeedOutOfReach.length, 0),
        by,
      ).toBe(2);
    }
  });

  it('gives each local authority its ratio and median reach, and names schools in need with no partner within reach', async () => {
    const { total, items } = await capacity('by=la&phase=secondary&radiusKm=10');
    expect(
      items.map((a) => [a.name, a.highPerforming, a.inNeed, a.ratio, a.medianHighPerformingWithinRadius]),
    ).toEqual([
      ['Kent', 1, 2, 0.5, 0.5],
      ['Leeds', 2, 1, 2, 2],
      ['York', 0, 1, 0, 0],
    ]);
    // Reaches 2 (Leeds), 0 (York), 1 and 0 (Kent).
    expect(total.medianHighPerformingWithinRadius).toBe(0.5);
    expect(total.inNeedOutOfReach.map((s) => s.name)).toEqual(['Canterbury In Need', 'York College In Need']);
  });

  it('finds more partners within a wider radius', async () => {
    const { items } = await capacity('by=la&phase=secondary&radiusKm=40');
    expect(items.find((a) => a.name === 'York')!.medianHighPerformingWithinRadius).toBe(2);
    expect(items.find((a) => a.name === 'Kent')!.medianHighPerformingWithinRadius).toBe(1);
  });

  it('counts only schools of the phase asked for', async () => {
    const { total } = await capacity('by=country&phase=primary');
    expect(total).toMatchObject({
      highPerforming: 0,
      inNeed: 1,
      ratio: 0,
      medianHighPerformingWithinRadius: 0,
    });
  });

  it('downloads the same figures as CSV', async () => {
    const api = await capacity('by=region&phase=secondary');
    const response = await t.app.inject({ url: '/capacity.csv?by=region&phase=secondary' });
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('s2s-capacity-region-secondary.csv');
    expect(response.body.split('\n')[0]).toBe('# School data: none imported yet');
    const [header, ...rows] = parse(response.body, { from_line: 2 }) as string[][];
    expect(header!.slice(0, 4)).toEqual(['Code', 'Area', 'High-performing', 'In need']);
    expect(rows.map((r) => [r[0], r[1], Number(r[2]), Number(r[3])])).toEqual([
      ...api.items.map((a) => [a.code, a.name, a.highPerforming, a.inNeed]),
      ['all', 'All areas', 3, 4],
    ]);
  });

  it('heads the CSV in the reader’s language, its first line (the data it rests on) too', async () => {
    const welsh = await t.app.inject({ url: '/capacity.csv?by=region', headers: { cookie: 's2s-lang=cy' } });
    expect(welsh.body.split('\n')[0]).toBe('# Data ysgolion: dim wedi’u mewnforio eto');
    const [header] = parse(welsh.body, { from_line: 2 }) as string[][];
    expect(header!.slice(0, 4)).toEqual(['Cod', 'Ardal', 'Perfformio’n uchel', 'Angen cymorth']);
    expect(header).toContain(
      'Canolrif sy’n perfformio’n uchel o fewn y radiws (pellter arferol pob cyfnod (cynradd 5 km, uwchradd 10 km))',
    );
    expect(header).toContain('Angen cymorth yn cyrraedd 11 neu fwy');
    const english = await t.app.inject({ url: '/capacity.csv?by=region' });
    const [englishHeader] = parse(english.body, { from_line: 2 }) as string[][];
    expect(englishHeader).toContain(
      "Median high-performing within radius (each phase's default (primary 5 km, secondary 10 km))",
    );
    expect(englishHeader).toContain('In need reaching 11 or more');
  });

  it('refuses a bad radius, geography or profile with a message naming it', async () => {
    const radius = await t.app.inject({ url: '/api/capacity?by=la&radiusKm=-3' });
    expect(radius.statusCode).toBe(400);
    expect(radius.body).toContain('radius greater than 0');
    const by = await t.app.inject({ url: '/api/capacity?by=ward' });
    expect(by.statusCode).toBe(400);
    expect(by.body).toMatch(/country, region, la, constituency/);
    const profile = await t.app.inject({ url: '/api/capacity?profile=made-up' });
    expect(profile.statusCode).toBe(400);
    expect(profile.json().message).toMatch(/no performance profile called "made-up".*nfer-2017/);
    const page = await t.app.inject({ url: '/capacity?radiusKm=lots' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is a problem');
    expect(page.body).toContain('Enter the radius as a number of kilometres');
  });

  it('sorts the table by any column with links, so it works without JavaScript', async () => {
    const page = await t.app.inject({ url: '/capacity?by=la&phase=secondary&sort=ratio&order=desc' });
    // Each area's name links to its allocation; the row's name is the link's visible text.
    const rows = [
      ...compactMarkup(page.body).matchAll(
        /<th scope="row" class="govuk-table__header">\s*(?:<a [^>]*>)?\s*([^<]*[^<\s])/g,
      ),
    ].map((m) => m[1]);
    expect(rows.slice(0, 3)).toEqual(['Leeds', 'Kent', 'York']);
    expect(compactMarkup(page.body)).toMatch(
      /aria-sort="descending">\s*<a [^>]*href="\?by=la&amp;phase=secondary&amp;sort=ratio&amp;order=asc"/,
    );
  });

  it('serves every located school to the map compactly, with its group', async () => {
    const response = await t.app.inject({ url: '/api/map/schools' });
    expect(response.headers['content-type']).toBe('application/octet-stream');
    const points = decodePoints(new Uint8Array(response.rawPayload).buffer);
    expect(points).toHaveLength(9);
    expect(points.find((p) => p.urn === 200001)).toMatchObject({
      phase: 'secondary',
      group: 'high-performing',
    });
    expect(points.find((p) => p.urn === 200004)).toMatchObject({ group: 'in-need' });
  });

  it('draws local authorities from the districts their schools fall in, coded as the schools are', async () => {
    const response = await t.app.inject({
      url: '/map/areas/la.json',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({ url: '/map/areas/la.json' });
    const topology = plain.json() as {
      objects: { areas: { geometries: { id: string; properties: { name: string } }[] } };
    };
    expect(topology.objects.areas.geometries.map((g) => [g.id, g.properties.name]).sort()).toEqual([
      ['383', 'Leeds'],
      ['816', 'York'],
      ['886', 'Kent'],
    ]);
  });
});
