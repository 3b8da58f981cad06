import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { draftPractice, insertPractice, practiceForm } from '../../../helpers/practice.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const OWN = 620101;

/** A record written in English may carry a Welsh title and summary, which Welsh readers see. */
describe('a practice record’s Welsh title and summary', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: OWN, name: 'Ysgol Gynradd Onnen' });
  });
  const read = async (url: string, lang: 'en' | 'cy') =>
    (await t.app.inject({ url, headers: { cookie: `s2s-lang=${lang}` } })).body;

  it('lets an author add them through the form, keeps them when editing, and refuses one too long', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const id = await draftPractice(t.app, member, OWN, {
      titleCy: 'Rhuglder darllen bob dydd ym Mlwyddyn 3',
      summaryCy: 'Deg munud o ddarllen mewn parau bob bore.',
    });
    const welsh = await t.app.inject({
      url: `/practice/${id}`,
      headers: { cookie: `${member.cookie}; s2s-lang=cy` },
    });
    expect(welsh.body).toContain('<h1 class="govuk-heading-l">Rhuglder darllen bob dydd ym Mlwyddyn 3</h1>');
    expect(welsh.body).toContain('Deg munud o ddarllen mewn parau bob bore.');
    const edit = await t.app.inject({ url: `/practice/${id}/edit`, headers: { cookie: member.cookie } });
    expect(edit.body).toContain('value="Rhuglder darllen bob dydd ym Mlwyddyn 3"');

    const tooLong = await postForm(
      t.app,
      '/practice',
      { _csrf: member.csrfToken, urn: String(OWN), ...practiceForm({ titleCy: 'a'.repeat(151) }) },
      { cookie: member.cookie },
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('href="#titleCy">The Welsh title must be 150 characters or fewer');
  });

  it('shows a Welsh reader the Welsh where given, else the English marked lang="en"; search finds either', async () => {
    await insertPractice(t.db, {
      urn: OWN,
      state: 'published',
      content: {
        title: 'Phonics catch-up in Year 1',
        summary: 'Small groups for pupils behind in reading.',
        titleCy: 'Dal i fyny â ffoneg ym Mlwyddyn 1',
        summaryCy: 'Grwpiau bach i ddisgyblion sydd ar ei hôl hi gyda darllen.',
      },
    });
    await insertPractice(t.db, {
      urn: OWN,
      state: 'published',
      content: { title: 'Attendance calls home', summary: 'A call on the first morning of absence.' },
    });

    const welsh = await read('/practice', 'cy');
    expect(welsh).toContain('Dal i fyny â ffoneg ym Mlwyddyn 1');
    expect(welsh).toContain('Grwpiau bach i ddisgyblion sydd ar ei hôl hi gyda darllen.');
    expect(welsh).not.toContain('Phonics catch-up in Year 1');
    expect(welsh).toContain('<span lang="en">Attendance calls home</span>');
    expect(welsh).toContain('<span lang="en">A call on the first morning of absence.</span>');

    const english = await read('/practice', 'en');
    expect(english).toContain('Phonics catch-up in Year 1');
    expect(english).not.toContain('Dal i fyny');
    expect(english).not.toContain('<span lang="en">');

    // The Welsh words find the record, as the English ones do.
    for (const q of ['ffoneg', 'phonics']) {
      const found = await read(`/practice?q=${q}`, 'cy');
      expect(found, q).toContain('Dal i fyny â ffoneg ym Mlwyddyn 1');
      expect(found, q).not.toContain('Attendance calls home');
    }
    const api = (await t.app.inject('/api/practice?q=ffoneg')).json<{
      items: Array<{ title: string; titleCy: string | null; language: string }>;
    }>();
    expect(api.items).toEqual([
      expect.objectContaining({
        title: 'Phonics catch-up in Year 1',
        titleCy: 'Dal i fyny â ffoneg ym Mlwyddyn 1',
        language: 'en',
      }),
    ]);
  });
});
