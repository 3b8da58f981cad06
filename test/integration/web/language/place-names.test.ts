import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { scriptWords, visibleText } from '../../../helpers/page-text.ts';
import { schoolRow, welshSchoolRow } from '../../../helpers/schools.ts';
import { inWelsh } from '../../../helpers/untranslated.ts';

describe('Welsh councils by their Welsh names on Welsh pages', () => {
  const t = useTestApp(
    async (db) => {
      await db
        .insertInto('schools')
        .values([
          welshSchoolRow({
            urn: 6812001,
            name: 'Ysgol y Wern',
            town: 'Llandaf',
            laCode: '681',
            laName: 'Cardiff',
          }),
          schoolRow({ urn: 646001, name: 'Ysgol Leeds', town: 'Headingley' }),
        ])
        .execute();
    },
    { fresh: 'file' },
  );
  const { page, get } = inWelsh(() => t.app);
  const english = async (url: string) => visibleText((await t.app.inject(url)).body);

  it('names Cardiff "Caerdydd" in Welsh search results, and "Cardiff" in English ones', async () => {
    const welsh = visibleText(await page('/?q=Ysgol'));
    expect(welsh).toContain('Llandaf · Caerdydd');
    expect(welsh).toContain('Headingley · Leeds');
    expect(welsh).not.toContain('Cardiff');
    expect(await english('/?q=Ysgol')).toContain('Llandaf · Cardiff');
  });

  it('finds a Welsh council’s schools by its Welsh name, as by its English one', async () => {
    const found = async (q: string) =>
      (await t.app.inject(`/api/schools?q=${encodeURIComponent(q)}`)).json<{ items: { urn: number }[] }>()
        .items;
    expect((await found('Caerdydd')).map((s) => s.urn)).toEqual([6812001]);
    expect((await found('caerdyd')).map((s) => s.urn)).toEqual([6812001]);
    expect((await found('Cardiff')).map((s) => s.urn)).toEqual([6812001]);
    expect(visibleText(await page('/?q=Caerdydd'))).toContain('Ysgol y Wern');
    expect(await found('Abertawe')).toEqual([]);
  });

  it('names the council and Wales in Welsh on a Welsh profile, in English on the English one', async () => {
    const welsh = visibleText(await page('/schools/6812001'));
    expect(welsh).toMatch(/Awdurdod lleol\s+Caerdydd/);
    expect(welsh).toMatch(/Rhanbarth\s+Cymru/);
    expect(welsh).not.toContain('Cardiff');
    expect(await english('/schools/6812001')).toMatch(/Local authority\s+Cardiff/);
  });

  it('names Welsh areas in Welsh in the capacity table and its Welsh CSV, English councils as they are', async () => {
    const welsh = visibleText(await page('/capacity?by=la'));
    expect(welsh).toContain('Caerdydd');
    expect(welsh).toContain('Leeds');
    expect(welsh).not.toContain('Cardiff');
    expect(await english('/capacity?by=la')).toContain('Cardiff');
    expect(visibleText(await page('/capacity?by=region'))).toContain('Cymru');
    const csv = (await get('/capacity.csv?by=la', undefined, false)).body;
    expect(csv).toMatch(/^681,Caerdydd,/m);
    expect((await t.app.inject('/capacity.csv?by=la')).body).toMatch(/^681,Cardiff,/m);
  });

  it('gives the Welsh map the Welsh names to label its areas with, and the English map none', async () => {
    const placeNames = (html: string) => scriptWords(html).placeNames;
    expect(placeNames(await page('/map?by=la'))).toEqual({
      '681': 'Caerdydd',
      W: 'Cymru',
      csc: 'Consortiwm Canolbarth y De (CCD)',
    });
    expect(placeNames((await t.app.inject('/map?by=la')).body)).toEqual({});
  });

  it('says "in" a Welsh council or Wales with the nasal mutation on the Welsh allocation page', async () => {
    const heading = (text: string) => /^.*(?:National allocation|Dyraniad cenedlaethol).*$/m.exec(text)?.[0];
    const welsh = visibleText(await page('/allocations?la=681'));
    expect(welsh).toContain('yng Nghaerdydd');
    expect(welsh).not.toContain('Cardiff');
    expect(visibleText(await page('/allocations?region=W'))).toContain('yng Nghymru');
    expect(heading(await english('/allocations?la=681'))).toContain('in Cardiff');
  });

  it('keeps the published names in the API, whatever the reader’s language', async () => {
    const capacity = (await get('/api/capacity?by=la', undefined, false)).json<{
      items: { code: string; name: string }[];
    }>();
    expect(capacity.items.find((a) => a.code === '681')?.name).toBe('Cardiff');
    const school = (await get('/api/schools/6812001', undefined, false)).json<{
      localAuthority: { name: string };
    }>();
    expect(school.localAuthority.name).toBe('Cardiff');
  });
});
