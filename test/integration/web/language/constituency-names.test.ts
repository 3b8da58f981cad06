import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { scriptWords, visibleText } from '../../../helpers/page-text.ts';
import { schoolRow } from '../../../helpers/schools.ts';
import { inWelsh } from '../../../helpers/untranslated.ts';

/** A school in Wales and one in England, each in its July 2024 constituency as GIAS records it. */
const inConstituency = (urn: number, name: string, code: string, constituency: string) => ({
  ...schoolRow({ urn, name }),
  constituency_code: code,
  constituency_name: constituency,
});

describe('Welsh constituencies by their Welsh names on Welsh pages', () => {
  const t = useTestApp(
    async (db) => {
      await db
        .insertInto('schools')
        .values([
          {
            ...inConstituency(6642001, 'Ysgol Glan Dyfrdwy', 'W07000082', 'Alyn and Deeside'),
            la_code: '664',
            la_name: 'Flintshire',
            country: 'Wales',
            region_code: 'W',
            region_name: 'Wales',
          },
          {
            ...inConstituency(6702001, 'Ysgol Penclawdd', 'W07000097', 'Gower'),
            la_code: '670',
            la_name: 'Swansea',
            country: 'Wales',
            region_code: 'W',
            region_name: 'Wales',
          },
          inConstituency(647001, 'Headingley Primary School', 'E14001332', 'Leeds Central and Headingley'),
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
