import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { schoolRow, welshSchoolRow } from '../../../helpers/schools.ts';
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
            ...welshSchoolRow({
              urn: 6812001,
              name: 'Ysgol y Wern',
              town: 'Cardiff',
              laCode: '681',
              laName: 'Cardiff',
            }),
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
      await db
        .insertInto('inspections')
        .values({
          urn: 6812001,
          start_date: '2019-03-11',
          era: 'estyn',
          overall_effectiveness: null,
          key_judgements: JSON.stringify({}),
          report_card: JSON.stringify({}),
          category: null,
          estyn_follow_up: 'estyn review',
          inspection_type: 'Estyn inspection',
          raw: JSON.stringify({}),
        })
        .execute();
      await db
        .insertInto('inspections')
        .values({
          urn: 646001,
          start_date: '2019-01-15',
          era: 'legacy',
          overall_effectiveness: 4,
          key_judgements: JSON.stringify({}),
          report_card: JSON.stringify({}),
          category: 'special measures',
          estyn_follow_up: null,
          inspection_type: 'S5 Inspection',
          raw: JSON.stringify({}),
        })
        .execute();
      await db
        .insertInto('school_links')
        .values([
          {
            urn: 646001,
            link_urn: 646002,
            link_name: 'Ysgol Caeau',
            link_type: 'Predecessor - merged',
            link_date: null,
          },
          {
            urn: 646001,
            link_urn: 105386,
            link_name: null,
            link_type: 'Successor - twinned',
            link_date: '2013-03-08',
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

    // Ofsted's words: the inspection's type and category of concern.
    expect(visibleText(open)).toContain('Annigonol – mesurau arbennig');
    expect(visibleText(open)).toContain('(Arolygiad adran 5).');
    // GIAS's links between schools, as GIAS names them.
    expect(visibleText(open)).toContain('Ysgolion rhagflaenol ac olynol');
    expect(visibleText(open)).toContain('Ysgol Caeau 646002 Rhagflaenydd (unwyd) Heb ei gofnodi');
    expect(open).toContain('<span lang="en">Successor (twinned)</span>');

    const closed = await page('/schools/646002');
    expect(row(closed, 'Math')).toBe('Academi a drosodd');
    expect(visibleText(closed)).toContain('Mae’r ysgol hon ar gau.');

    const unknown = await page('/schools/646003');
    expect(row(unknown, 'Math')).toBe('<span lang="en">Experimental school</span>');
  });

  it('writes a Welsh school’s governance, published Welsh medium type and Estyn follow-up in Welsh', async () => {
    const html = await page('/schools/6812001');
    expect(row(html, 'Math')).toBe('Ysgol wirfoddol a reolir');
    expect(visibleText(html)).toContain(
      'Wedi’i gyhoeddi gan Lywodraeth Cymru fel “Dwyieithog (Categori B)”.',
    );
    expect(visibleText(html)).toContain('dilyniant: adolygiad Estyn');
    expect(visibleText(html)).toContain('(Arolygiad Estyn).');
    expect(visibleText(html)).toContain('Gweithgarwch dilynol: adolygiad Estyn');
    expect(visibleText(html)).not.toMatch(/Bilingual|Voluntary|estyn review/);
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

  it('names a member’s link to the school’s readiness assessments in Welsh', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: 646001, role: 'admin' }] });
    const html = await page('/schools/646001', member);
    expect(visibleText(html)).toContain('Asesiadau parodrwydd (0)');
    expect(englishLeftIn(html)).toEqual([]);
  });
});
