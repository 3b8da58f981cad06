import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest/import-file.ts';
import { signIn } from '../../helpers/accounts.ts';
import { useTestApp } from '../../helpers/app.ts';
import { fixture } from '../../helpers/fixtures.ts';
import { postForm } from '../../helpers/forms.ts';
import { s2sCommand } from '../../helpers/cli.ts';
import { insertSchool } from '../../helpers/schools.ts';

const WELSH_MEDIUM = 6812911;
const ENGLISH_SCHOOL = 100001;

describe('matching that knows the language medium', () => {
  const t = useTestApp(async (db) => {
    await importFile(db, 'wales-schools', fixture('wales/240410-address-list-schools-wales-located.csv'));
    await insertSchool(db, { urn: ENGLISH_SCHOOL, lat: 53.8, lon: -1.55 });
  });
  const { s2s } = s2sCommand(() => t.url);
  const candidates = async (query: string) => {
    const res = await t.app.inject(`/api/schools/${WELSH_MEDIUM}/partners?strategy=peer${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json().candidates as { urn: number }[]).map((c) => c.urn).sort();
  };

  it('lets a Welsh-medium school ask for Welsh-medium partners, alike in the API, the page and the CLI', async () => {
    expect(await candidates('')).toEqual([6812912, 6812913, 6812914]);
    expect(await candidates('&languageMedium=welsh-medium')).toEqual([6812912]);
    expect(await candidates('&languageMedium=bilingual')).toEqual([6812914]);
    const refused = await t.app.inject(`/api/schools/${WELSH_MEDIUM}/partners?languageMedium=welsh`);
    expect(refused.statusCode).toBe(400);

    const page = await t.app.inject(
      `/schools/${WELSH_MEDIUM}/partners?strategy=peer&languageMedium=welsh-medium&lang=cy`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cyfrwng iaith partneriaid');
    expect(page.body).toContain('Ysgol Gymraeg Dau');
    // The reason follows the group's name after a space, as a sentence reads.
    expect(page.body).toContain('</strong> (dim digon o dystiolaeth i benderfynu).');
    expect(page.body).not.toContain('Example English Primary');
    // An English school is not asked about the medium of its partners.
    const english = await t.app.inject(`/schools/${ENGLISH_SCHOOL}/partners`);
    expect(english.body).not.toContain('name="languageMedium"');

    const cli = JSON.parse(
      (
        await s2s(
          'match',
          String(WELSH_MEDIUM),
          '--strategy',
          'peer',
          '--language-medium',
          'welsh-medium',
          '--json',
        )
      ).stdout,
    );
    expect(cli.candidates.map((c: { urn: number }) => c.urn)).toEqual([6812912]);
  });

  it('offers "Welsh language development" to schools in Wales only', async () => {
    const welsh = await signIn(t.app, t.db, { schools: [{ urn: WELSH_MEDIUM, role: 'admin' }] });
    const welshPage = await t.app.inject({
      url: `/schools/${WELSH_MEDIUM}/settings`,
      headers: welsh.headers,
    });
    expect(welshPage.body).toContain('value="welsh-language"');
    const saved = await postForm(
      t.app,
      `/schools/${WELSH_MEDIUM}/settings`,
      { _csrf: welsh.csrfToken, capacityToSupport: '1', offers: 'welsh-language' },
      welsh.headers,
    );
    expect(saved.statusCode).toBe(303);

    const english = await signIn(t.app, t.db, { schools: [{ urn: ENGLISH_SCHOOL, role: 'admin' }] });
    const englishPage = await t.app.inject({
      url: `/schools/${ENGLISH_SCHOOL}/settings`,
      headers: english.headers,
    });
    expect(englishPage.body).not.toContain('value="welsh-language"');
    expect(englishPage.body).toContain('value="leadership"');
    const refused = await postForm(
      t.app,
      `/schools/${ENGLISH_SCHOOL}/settings`,
      { _csrf: english.csrfToken, capacityToSupport: '1', needs: 'welsh-language' },
      english.headers,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Welsh language development is a focus area for schools in Wales only');
    expect(
      await t.db.selectFrom('school_declarations').selectAll().where('urn', '=', ENGLISH_SCHOOL).execute(),
    ).toEqual([]);
  });
});
