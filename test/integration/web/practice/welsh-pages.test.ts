import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import {
  caseStudyPartnership,
  draftPractice,
  insertPractice,
  practiceForm,
} from '../../../helpers/practice.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const OWN = 663001;
const PARTNER = 663002;
const OTHER = 663003;

/** Every page of the good-practice library, as a Welsh reader (?lang=cy) reads it: no English left. */
describe('the good-practice pages in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: OWN, name: 'Ysgol Gynradd Aberdaron' });
      await insertSchool(db, { urn: PARTNER, name: 'Ysgol Gynradd Botwnnog' });
      await insertSchool(db, { urn: OTHER, name: 'Ysgol Gynradd Nefyn' });
    },
    { fresh: 'test' },
  );
  const welsh = inWelsh(() => t.app);
  const cy = (url: string) => `${url}${url.includes('?') ? '&' : '?'}lang=cy`;
  /** The page's words, with the words of records and drafts (written in English by their authors) taken out. */
  const left = (html: string, written: readonly string[] = []) =>
    englishLeftIn(written.reduce((page, words) => page.replaceAll(words, ''), html));

  it('shows the library, the evidence scale, a record and its publishing forms in Welsh', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }, { urn: OTHER }] });
    await insertPractice(t.db, { urn: OWN, state: 'published', example: true });
    const id = await draftPractice(t.app, member, OWN);

    const evidence = await welsh.page(cy('/practice/evidence'), member);
    expect(left(evidence)).toEqual([]);
    expect(evidence).not.toMatch(/<title>\s*How S2S rates evidence/);

    for (const url of ['/practice', '/practice/new', `/practice/${id}`, `/practice/${id}/edit`]) {
      const page = await welsh.page(cy(url), member);
      // The record's own words (its title is the page's title too) are as its author wrote them.
      expect(left(page, authored), url).toEqual([]);
    }
    expect(visibleText(await welsh.page(cy('/practice/new'), member))).toContain('Rhannu eich arfer');
  });

  /** What the publishing form's author wrote, paragraph by paragraph. */
  const authored = Object.values(practiceForm())
    .flat()
    .flatMap((text) => text.split('\n\n'))
    .filter((text) => text.includes(' '));

  it('tells a Welsh author each problem with the form in Welsh', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const empty = Object.fromEntries(Object.keys(practiceForm()).map((name) => [name, '']));
    const blank = await welsh.post(cy('/practice'), member, { ...empty, urn: String(OWN) });
    expect(blank.statusCode).toBe(400);
    expect(left(blank.body)).toEqual([]);
    expect(visibleText(blank.body)).toContain('Rhowch deitl');

    const wrong = await welsh.post(cy('/practice'), member, {
      ...(practiceForm() as Record<string, string>),
      urn: String(OWN),
      title: 'x'.repeat(151),
      titleCy: 'x'.repeat(151),
      startedIn: '1999',
      links: 'ftp://example.org',
      phases: 'nursery-only',
    });
    expect(wrong.statusCode).toBe(400);
    expect(left(wrong.body, ['x'.repeat(151), 'ftp://example.org', ...authored])).toEqual([]);
    const english = await t.app.inject({
      method: 'POST',
      url: '/practice',
      headers: { ...member.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: member.csrfToken, urn: String(OWN), title: '' }).toString(),
    });
    expect(visibleText(english.body)).toContain('Enter a title');
    expect(visibleText(english.body)).toContain('Share your practice');
  });

  it('tells a Welsh reader in Welsh what a report or a withdrawal is missing', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const reader = await signIn(t.app, t.db, { schools: [{ urn: OTHER }] });
    const id = await insertPractice(t.db, { urn: OWN, state: 'published' });
    const words = [...authored, 'Daily reading fluency in Year 3'];
    const report = await welsh.post(cy(`/practice/${id}/report`), reader, { reason: '' });
    expect(report.statusCode).toBe(400);
    expect(left(report.body, words)).toEqual([]);
    expect(visibleText(report.body)).toContain('Rhowch beth sydd o’i le ar y cofnod');
    const tooLong = await welsh.post(cy(`/practice/${id}/withdraw`), member, { reason: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect(left(tooLong.body, [...words, 'x'.repeat(1001)])).toEqual([]);
    expect(visibleText(tooLong.body)).toContain('Rhaid i’r rheswm fod yn 1000 nod neu lai');
  });

  it('lists a school’s shared practice on its profile in Welsh', async () => {
    // One more than a profile lists (20), so that it points to the rest in the library.
    for (let n = 0; n < 21; n++)
      await insertPractice(t.db, { urn: PARTNER, state: 'published', example: true });
    const profile = await welsh.page(cy(`/schools/${PARTNER}`));
    const section = /id="practice"[\s\S]*?(?=<h2|<\/main)/.exec(profile)?.[0] ?? '';
    expect(visibleText(section)).toContain('Enghraifft (synthetig)');
    expect(left(section, authored)).toEqual([]);
    const english = (await t.app.inject(`/schools/${PARTNER}`)).body;
    expect(visibleText(english)).toMatch(
      /Good practice it has shared.*Example \(synthetic\).*1 more in the library\./,
    );
  });

  it('shows a Welsh administrator the case study at each stage in Welsh', async () => {
    const { lead, id } = await caseStudyPartnership(t.app, t.db, { own: OWN, partner: PARTNER });
    const base = `/partnerships/${id}/case-study`;
    const notStarted = await welsh.page(cy(base), lead);
    expect(left(notStarted)).toEqual([]);
    expect(notStarted).toMatch(/<title>\s*Astudiaeth achos o Reading together/);

    await welsh.post(base, lead, { parts: 'need' });
    for (const url of [base, `${base}?parts=milestones`]) {
      const page = await welsh.page(cy(url), lead);
      expect(left(page), url).toEqual([]);
    }
    const bad = await welsh.get(cy(`${base}?parts=everything`), lead);
    expect(bad.statusCode).toBe(400);
    expect(left(bad.body)).toEqual([]);

    const english = await t.app.inject({ url: base, headers: { cookie: lead.cookie } });
    expect(english.body).toMatch(/<title>\s*A case study of Reading together/);
    expect(visibleText(english.body)).toContain('A case study for the good-practice library');
  });
});
