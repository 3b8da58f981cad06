import { describe, expect, it } from 'vitest';
import type { CapacityArea } from '../../../../src/domain/capacity/aggregate.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { schoolRow, welshSchoolRow } from '../../../helpers/schools.ts';
import { inWelsh } from '../../../helpers/untranslated.ts';

/** Schools in three Welsh authorities of three arrangements, and one in Leeds. */
describe('the regional consortia of Wales as areas for capacity and the map', () => {
  const t = useTestApp(
    async (db) => {
      await db
        .insertInto('schools')
        .values([
          welshSchoolRow({
            urn: 6812001,
            name: 'Ysgol Caerdydd',
            laCode: '681',
            laName: 'Cardiff',
            lat: 51.48,
            lon: -3.18,
          }),
          welshSchoolRow({
            urn: 6812002,
            name: 'Ysgol Llandaf',
            laCode: '681',
            laName: 'Cardiff',
            lat: 51.5,
            lon: -3.22,
          }),
          welshSchoolRow({
            urn: 6612001,
            name: 'Ysgol Bangor',
            laCode: '661',
            laName: 'Gwynedd',
            lat: 53.22,
            lon: -4.13,
          }),
          welshSchoolRow({
            urn: 6672001,
            name: 'Ysgol Aberystwyth',
            laCode: '667',
            laName: 'Ceredigion',
            lat: 52.41,
            lon: -4.08,
          }),
          schoolRow({ urn: 107001, name: 'Leeds Primary', lat: 53.8, lon: -1.55 }),
        ])
        .execute();
    },
    { fresh: 'file' },
  );
  const { page } = inWelsh(() => t.app);

  it('counts each consortium’s schools, with England as one area, adding up to the same totals', async () => {
    const areas = async (by: string) => {
      const response = await t.app.inject({ url: `/api/capacity?by=${by}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ total: CapacityArea; items: CapacityArea[] }>();
    };
    const { total, items } = await areas('consortium');
    expect(items.map((a) => a.code).sort()).toEqual(['E92000001', 'csc', 'gwe', 'no-consortium']);
    expect(items.find((a) => a.code === 'csc')!.name).toBe('Central South Consortium (CSC)');
    const byLa = await areas('la');
    expect(total).toEqual(byLa.total);
    const count = (list: CapacityArea[]) => list.reduce((n, a) => n + a.highPerforming + a.inNeed, 0);
    expect(count(items)).toBe(count(byLa.items));
  });

  it('draws the consortia from the districts their schools fall in, and leaves England off that layer', async () => {
    const topology = (await t.app.inject({ url: '/map/areas/consortium.json' })).json<{
      objects: { areas: { geometries: { id: string }[] } };
    }>();
    expect(topology.objects.areas.geometries.map((g) => g.id).sort()).toEqual([
      'csc',
      'gwe',
      'no-consortium',
    ]);
  });

  it('names the consortia in Welsh on the Welsh capacity page, and offers them as a choice on the map', async () => {
    const welsh = visibleText(await page('/capacity?by=consortium'));
    expect(welsh).toContain('Consortiwm Canolbarth y De (CCD)');
    expect(welsh).toContain('Y tu allan i’r consortia (Ceredigion, Castell-nedd Port Talbot a Phowys)');
    expect(welsh).not.toContain('Central South Consortium');
    expect(welsh).toContain('Lloegr');
    expect(welsh).not.toContain('England');
    const map = (await t.app.inject('/map?by=consortium')).body;
    expect(map).toContain('<option value="consortium" selected>Regional consortium</option>');
    expect(visibleText(map)).toContain('grouped into the regional consortia of September 2021 to 2024');
  });

  it('refuses an unknown geography, naming the consortium among the choices', async () => {
    const response = await t.app.inject({ url: '/api/capacity?by=county' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('consortium');
  });
});
