import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { schoolRow } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

/** The text of a profile's summary row (its key as the Welsh page writes it), tags and all. */
const row = (html: string, key: string) =>
  new RegExp(`${key}\\s*</dt>\\s*<dd class="govuk-summary-list__value">([\\s\\S]*?)</dd>`)
    .exec(html)?.[1]
    ?.trim();

describe('values as the registers publish them, on Welsh pages', () => {
  const t = useTestApp(
    async (db) => {
      await db
        .insertInto('schools')
        .values([
          // GIAS's words: a voluntary aided school in Cardiff, and a closed academy.
          {
            ...schoolRow({ urn: 646001, name: 'Ysgol Sant Pedr', town: 'Cardiff' }),
            type_name: 'Voluntary aided school',
            urban_rural: '(England/Wales) Urban major conurbation',
          },
          {
            ...schoolRow({
              urn: 646002,
              name: 'Ysgol Caeau',
              town: 'Cardiff',
              open: false,
              statusName: 'Closed',
            }),
            type_name: 'Academy converter',
          },
          // The Welsh Government's list: governance and Welsh medium type, in its own capitals.
          {
            ...schoolRow({
              urn: 6812001,
              name: 'Ysgol y Wern',
              town: 'Cardiff',
              laCode: '681',
              laName: 'Cardiff',
            }),
            country: 'Wales',
            region_code: 'W',
            region_name: 'Wales',
            type_name: 'Voluntary Controlled',
            type_group: 'Welsh schools',
            language_medium: 'bilingual',
            welsh_medium_type: 'Bilingual (Category B)',
          },
          // A type S2S has no Welsh for: shown as published, said to be English.
          {
            ...schoolRow({ urn: 646003, name: 'Ysgol Newydd', town: 'Cardiff' }),
            type_name: 'Experimental school',
          },
        ])
        .execute();
    },
    { fresh: 'file' },
  );
  const { page, get } = inWelsh(() => t.app);

  it('writes each school’s type in Welsh in the search results, and an unknown one as published, marked English', async () => {
    const html = await page('/?q=Cardiff');
    const text = visibleText(html);
    expect(text).toContain('Cynradd · Ysgol wirfoddol a gynorthwyir');
    expect(text).toContain('Cynradd · Ysgol wirfoddol a reolir');
    expect(html).toContain('Cynradd · <span lang="en">Experimental school</span>');
    expect(text).not.toMatch(/Voluntary|Community/);
    expect(englishLeftIn(html)).toEqual([]);
  });

  it('writes a school’s type, status and rural-urban class in Welsh on its profile', async () => {
    const open = await page('/schools/646001');
    expect(row(open, 'Math')).toBe('Ysgol wirfoddol a gynorthwyir');
    expect(row(open, 'Statws')).toBe('Ar agor');
    expect(visibleText(open)).toContain('(Cymru/Lloegr) Trefol: cytref fawr');
    expect(englishLeftIn(open)).toEqual([]);

    const closed = await page('/schools/646002');
    expect(row(closed, 'Math')).toBe('Academi a drosodd');
    expect(visibleText(closed)).toContain('Mae’r ysgol hon ar gau.');

    const unknown = await page('/schools/646003');
    expect(row(unknown, 'Math')).toBe('<span lang="en">Experimental school</span>');
  });

  it('writes a Welsh school’s governance and published Welsh medium type in Welsh', async () => {
    const html = await page('/schools/6812001');
    expect(row(html, 'Math')).toBe('Ysgol wirfoddol a reolir');
    expect(visibleText(html)).toContain(
      'Wedi’i gyhoeddi gan Lywodraeth Cymru fel “Dwyieithog (Categori B)”.',
    );
    expect(visibleText(html)).not.toMatch(/Bilingual|Voluntary/);
    expect(englishLeftIn(html)).toEqual([]);
  });

  it('keeps the values as published in the API, whatever the language, and in English pages', async () => {
    const api = await get('/api/schools/6812001', undefined, false);
    expect(api.json()).toMatchObject({
      typeName: 'Voluntary Controlled',
      statusName: 'Open',
      welshMediumType: 'Bilingual (Category B)',
    });
    const english = await t.app.inject({ url: '/schools/646001?lang=en' });
    expect(row(english.body, 'Type')).toBe('Voluntary aided school');
    expect(row(english.body, 'Status')).toBe('Open');
  });
});
