import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import type { AreaTopology } from '../../../src/geo/areas.ts';
import { DEMO_WALES, importDemoWales } from '../../../src/ingest/demo-wales.ts';
import { importFile } from '../../../src/ingest/import-file.ts';
import { useTestApp } from '../../helpers/app.ts';
import { fixture } from '../../helpers/fixtures.ts';

type Item = { urn: number; name: string; country: string };

describe('the demo’s synthetic Welsh schools beside real English data', () => {
  const t = useTestApp(
    async (db) => {
      await importFile(db, 'gias', fixture('edubasealldata20250422.csv'));
      await importDemoWales(db);
    },
    { fresh: 'file' },
  );

  const cardiffSchool = () =>
    t.db
      .selectFrom('schools')
      .select(['urn', 'name'])
      .where('la_code', '=', '681')
      .where('synthetic', '=', true)
      .orderBy('urn')
      .executeTakeFirstOrThrow();

  it('finds a Cardiff school by name, by “Cardiff” and by its 7-digit LA and school number', async () => {
    const school = await cardiffSchool();
    expect(String(school.urn)).toMatch(/^681\d{4}$/);
    const byName = await t.app.inject({ url: `/api/schools?q=${encodeURIComponent(school.name)}` });
    expect(byName.json().items.map((s: Item) => s.urn)).toContain(school.urn);
    const cardiff = await t.app.inject({ url: '/api/schools?q=Cardiff' });
    expect(cardiff.json().items.length).toBeGreaterThan(5);
    const one = await t.app.inject({ url: `/api/schools/${school.urn}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ urn: school.urn, name: school.name, country: 'Wales' });
    expect(one.json().wales.languageMedium).not.toBeUndefined();
  });

  it('has as many schools as Wales had, each inside the boundary of its own local authority', async () => {
    const schools = await t.db
      .selectFrom('schools')
      .select(['urn', 'la_name', 'lat', 'lon'])
      .where('country', '=', 'Wales')
      .where('synthetic', '=', true)
      .execute();
    expect(schools).toHaveLength(DEMO_WALES.schools);
    const topology = JSON.parse(
      readFileSync(new URL('../../../data/boundaries/district.topo.json', import.meta.url), 'utf8'),
    ) as AreaTopology;
    const shapes = new Map(
      topology.objects.areas.geometries.map((g) => {
        const f = feature(topology, g) as Feature<Polygon | MultiPolygon, { name: string }>;
        return [f.properties.name, f.geometry];
      }),
    );
    const outside = schools.filter((s) => !booleanPointInPolygon([s.lon!, s.lat!], shapes.get(s.la_name!)!));
    expect(outside.map((s) => s.urn)).toEqual([]);
  });

  it('says on every answer and page which data is synthetic: the Welsh list, not the English extract', async () => {
    const { dataset } = (await t.app.inject({ url: '/api/schools?q=Cardiff' })).json();
    expect(dataset.synthetic).toBe(true);
    expect(dataset.sources).toEqual(
      expect.arrayContaining([
        { kind: 'gias', name: 'edubasealldata20250422.csv', asOf: '2025-04-22' },
        { kind: 'wales-schools', name: DEMO_WALES.name, asOf: '2019-01-17', synthetic: true },
        expect.objectContaining({ kind: 'estyn', synthetic: true }),
        {
          kind: 'wales-categorisation',
          name: expect.stringContaining('synthetic'),
          asOf: '2019-01',
          synthetic: true,
        },
      ]),
    );
    const page = (await t.app.inject({ url: '/schools?q=Cardiff' })).body;
    expect(page).toContain(
      'Some of the data is made up for testing and demonstration: the Estyn inspection outcomes, the national categorisation of Welsh schools, and the Welsh schools list.',
    );
    expect(page).toContain('Welsh schools list January 2019 (synthetic: made-up schools, not real ones)');
    const welsh = (await t.app.inject({ url: '/schools?q=Cardiff&lang=cy' })).body;
    expect(welsh).toContain('rhestr ysgolion Cymru');
    expect(welsh).toContain(
      'Data ysgolion: GIAS Ebrill 2025, rhestr ysgolion Cymru Ionawr 2019 (synthetig: ysgolion wedi’u creu, nid rhai go iawn)',
    );
  });
});

describe('the demo’s Welsh schools placed from Welsh evidence', () => {
  const t = useTestApp(async (db) => {
    await importDemoWales(db);
  });

  it('places most Welsh schools from their (synthetic) Estyn outcomes and categorisation, and finds Welsh partners for one in need', async () => {
    const { items } = (await t.app.inject({ url: '/api/allocations?limit=1' })).json();
    expect(items).toHaveLength(1);
    const inNeed = items[0] as { urn: number; supporterUrn: number };
    expect(String(inNeed.urn)).toMatch(/^6[6-8]\d{5}$/);
    expect(String(inNeed.supporterUrn)).toMatch(/^6[6-8]\d{5}$/);
    const res = (await t.app.inject(`/api/schools/${inNeed.urn}/partners?strategy=support`)).json();
    expect(res.profile.name).toBe('wales-estyn-categorisation');
    expect(res.school.group).toBe('in-need');
    expect(res.candidates.length).toBeGreaterThan(0);
    for (const c of res.candidates) expect(c.reasons.join(' ')).toMatch(/Estyn|categorisation/);
  });
});
