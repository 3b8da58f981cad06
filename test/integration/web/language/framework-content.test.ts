import { describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const DERW = 643102;

/** A readiness framework's own words (themes, questions, scale) in the reader's language. */
describe('framework content in Welsh', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: DERW, name: 'Ysgol y Derw' });
  });

  const page = async (who: SignedIn, url: string, lang: 'cy' | 'en') => {
    const res = await t.app.inject({ url, headers: { cookie: `${who.cookie}; s2s-lang=${lang}` } });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };
  const post = (who: SignedIn, url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  it('shows Welsh theme titles and questions to a Welsh reader, and marks the English left lang="en"', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: DERW, role: 'admin' }] });
    const hub = await page(member, '/readiness', 'cy');
    expect(hub).toContain('Deg cwestiwn Estyn i ysgolion sy’n ystyried cydweithio');
    // The published sources are cited in English, and say so.
    expect(hub).toMatch(/<li lang="en">Estyn\./);

    const started = await post(member, '/readiness/assessments', {
      urn: String(DERW),
      frameworkId: 'estyn-ten-questions',
      partnershipType: 'peer-to-peer',
    });
    expect(started.statusCode).toBe(303);
    const id = Number(started.headers.location!.split('/').pop());

    const taskList = await page(member, `/readiness/assessments/${id}`, 'cy');
    for (const theme of ['Diben ac angen', 'Adnoddau ac effaith', 'Partneriaid, arfer a diwylliant'])
      expect(taskList).toContain(theme);
    expect(taskList).not.toContain('Purpose and need');

    const section = await page(member, `/readiness/assessments/${id}/sections/purpose`, 'cy');
    expect(section).toContain('<h1 class="govuk-heading-xl">Diben ac angen</h1>');
    expect(section).toContain('Pam mae angen y cymorth?');
    expect(section).toContain('Heb ei ystyried eto');
    // The guidance has no Welsh yet: it shows in English, marked as English.
    expect(section).toMatch(/Sut olwg sydd ar arfer da: <span lang="en">[A-Z][^<]+<\/span>/);

    await post(member, `/readiness/assessments/${id}/sections/purpose`, { 'rating-focus': '1' });
    const report = await page(member, `/readiness/assessments/${id}/report`, 'cy');
    expect(report).toContain('Diben ac angen');
    expect(report).toMatch(/Y cam nesaf: <span lang="en">[A-Z][^<]+<\/span>/);

    // An English reader sees the framework as written, with nothing marked.
    const english = await page(member, `/readiness/assessments/${id}/sections/purpose`, 'en');
    expect(english).toContain('<h1 class="govuk-heading-xl">Purpose and need</h1>');
    expect(english).not.toContain('Diben ac angen');
    expect(english).not.toContain('<span lang="en">');
  });
});
