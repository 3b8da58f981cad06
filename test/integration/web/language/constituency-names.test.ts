import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { scriptWords, visibleText } from '../../../helpers/page-text.ts';
import { schoolRow, welshSchoolRow } from '../../../helpers/schools.ts';
import { inWelsh } from '../../../helpers/untranslated.ts';

/** A school in its July 2024 constituency as GIAS records it. */
const inConstituency = (code: string, name: string) => ({ constituency_code: code, constituency_name: name });

describe('Welsh constituencies by their Welsh names on Welsh pages', () => {
  const t = useTestApp(
    async (db) => {
      await db
        .insertInto('schools')
        .values([
          {
            ...welshSchoolRow({
              urn: 6642001,
              name: 'Ysgol Glan Dyfrdwy',
              laCode: '664',
              laName: 'Flintshire',
            }),
            ...inConstituency('W07000082', 'Alyn and Deeside'),
          },
          {
            ...welshSchoolRow({ urn: 6702001, name: 'Ysgol Penclawdd', laCode: '670', laName: 'Swansea' }),
            ...inConstituency('W07000097', 'Gower'),
          },
          {
            ...welshSchoolRow({ urn: 6812002, name: 'Ysgol Treganna', laCode: '681', laName: 'Cardiff' }),
            ...inConstituency('W07000092', 'Cardiff West'),
          },
          {
            ...schoolRow({ urn: 647001, name: 'Headingley Primary School' }),
            ...inConstituency('E14001332', 'Leeds Central and Headingley'),
          },
        ])
        .execute();
    },
    { fresh: 'file' },
  );
  const { page, get } = inWelsh(() => t.app);
  const english = async (url: string) => visibleText((await t.app.inject(url)).body);

  it('names the constituency in Welsh on a Welsh profile, and in English on the English one', async () => {
    const welsh = visibleText(await page('/schools/6642001'));
    expect(welsh).toMatch(/Etholaeth seneddol\s+Alun a Glannau Dyfrdwy/);
    expect(welsh).not.toContain('Alyn and Deeside');
    expect(await english('/schools/6642001')).toMatch(/Parliamentary constituency\s+Alyn and Deeside/);
  });

  it('keeps the published name where the ONS file gives no Welsh one, and English constituencies as they are', async () => {
    expect(visibleText(await page('/schools/6702001'))).toMatch(/Etholaeth seneddol\s+Gower/);
    expect(visibleText(await page('/schools/647001'))).toContain('Leeds Central and Headingley');
  });

  it('names Welsh constituencies in Welsh in the capacity table and its Welsh CSV', async () => {
    const welsh = visibleText(await page('/capacity?by=constituency'));
    expect(welsh).toContain('Alun a Glannau Dyfrdwy');
    expect(welsh).toContain('Leeds Central and Headingley');
    expect(welsh).not.toContain('Alyn and Deeside');
    expect(await english('/capacity?by=constituency')).toContain('Alyn and Deeside');
    const csv = (await get('/capacity.csv?by=constituency', undefined, false)).body;
    expect(csv).toMatch(/^W07000082,Alun a Glannau Dyfrdwy,/m);
  });

  it('gives the Welsh map the Welsh constituency names to label its areas with', async () => {
    const placeNames = (html: string) => scriptWords(html).placeNames;
    expect(placeNames(await page('/map?by=constituency'))).toMatchObject({
      W07000082: 'Alun a Glannau Dyfrdwy',
    });
    expect(placeNames((await t.app.inject('/map?by=constituency')).body)).toEqual({});
  });

  it('says "in" a Welsh constituency by its Welsh name, mutated, on the Welsh allocation page', async () => {
    const heading = (text: string) => /^.*(?:National allocation|Dyraniad cenedlaethol).*$/m.exec(text)?.[0];
    const welsh = visibleText(await page('/allocations?constituency=W07000092'));
    expect(heading(welsh)).toContain('yng Ngorllewin Caerdydd');
    expect(welsh).not.toContain('Cardiff West');
    expect(heading(visibleText(await page('/allocations?constituency=W07000097')))).toContain('yn Gower');
    expect(heading(await english('/allocations?constituency=W07000092'))).toContain('in Cardiff West');
  });

  it('keeps the published constituency names in the API, whatever the reader’s language', async () => {
    const capacity = (await get('/api/capacity?by=constituency', undefined, false)).json<{
      items: { code: string; name: string }[];
    }>();
    expect(capacity.items.find((a) => a.code === 'W07000082')?.name).toBe('Alyn and Deeside');
    const school = (await get('/api/schools/6642001', undefined, false)).json<{
      constituency: { name: string };
    }>();
    expect(school.constituency.name).toBe('Alyn and Deeside');
  });
});
