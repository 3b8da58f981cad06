import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest/import-file.ts';
import { useTestApp } from '../../helpers/app.ts';
import { fixture } from '../../helpers/fixtures.ts';
import { insertSchool } from '../../helpers/schools.ts';

const WELSH = 6812911;
const ENGLISH = 100001;

/** The text of a page, its markup and spacing dropped. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

// A Welsh school's number is its Welsh Government school number, held where an English school's
// URN is: every page names each by what it is, in both languages.
describe('a school’s number, named as a URN or as a Welsh school number', () => {
  const t = useTestApp(async (db) => {
    await importFile(db, 'wales-schools', fixture('wales/240410-address-list-schools-wales-located.csv'));
    await insertSchool(db, { urn: ENGLISH, name: 'Gymraeg Road Primary', lat: 51.48, lon: -3.18 });
  });
  const page = async (url: string, lang: 'en' | 'cy') => {
    const res = await t.app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}lang=${lang}` });
    expect(res.statusCode, url).toBe(200);
    return textOf(res.body);
  };

  it('says "School number" of a Welsh school and "URN" of an English one, on its profile and its partner search', async () => {
    for (const path of ['', '/partners?strategy=peer']) {
      const welsh = await page(`/schools/${WELSH}${path}`, 'en');
      expect(welsh).toContain(`School number ${WELSH}`);
      expect(welsh).not.toContain(`URN ${WELSH}`);
      expect(await page(`/schools/${WELSH}${path}`, 'cy')).toContain(`Rhif ysgol ${WELSH}`);
      for (const lang of ['en', 'cy'] as const) {
        const english = await page(`/schools/${ENGLISH}${path}`, lang);
        expect(english).toContain(`URN ${ENGLISH}`);
        expect(english).not.toMatch(/School number|Rhif ysgol/);
      }
    }
    expect(await page(`/schools/${WELSH}/partners?strategy=peer`, 'en')).toContain(
      `Ysgol Gymraeg Un, School number ${WELSH}`,
    );
  });

  it('names each school’s number by its kind in a list of schools', async () => {
    for (const [lang, welshNumber] of [
      ['en', 'School number'],
      ['cy', 'Rhif ysgol'],
    ] as const) {
      const list = await page('/?q=Gymraeg', lang);
      expect(list).toContain(`${welshNumber} ${WELSH}`);
      expect(list).toContain(`URN ${ENGLISH}`);
      expect(list).not.toContain(`URN ${WELSH}`);
    }
  });

  it('names a number that is no school’s by its kind, in a refusal', async () => {
    const refused = (lang: string) =>
      t.app.inject({ url: '/api/schools/6819999', headers: { 'accept-language': lang } });
    expect((await refused('en')).json().message).toBe('No school with school number 6819999');
    expect((await refused('cy')).json().message).toBe('Dim ysgol â’r rhif ysgol 6819999');
    const english = await t.app.inject({ url: '/api/schools/999999' });
    expect(english.json().message).toBe('No school with URN 999999');
  });
});
