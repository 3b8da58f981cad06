import { describe, expect, it } from 'vitest';
import { createOrganisation, signIn } from '../../../helpers/accounts.ts';
import { createAcceptedPartnership } from '../../../helpers/partnerships.ts';
import {
  addMilestone,
  addObjective,
  createPartnership,
  updatePlan,
} from '../../../../src/data/partnerships.ts';
import {
  addAction,
  addFeedback,
  addIssue,
  addOutcome,
  addUpdate,
} from '../../../../src/data/partnership-records.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn } from '../../../helpers/untranslated.ts';
import { visibleText } from '../../../helpers/page-text.ts';

describe('the service in English or Welsh', () => {
  const t = useTestApp((db) => insertSchool(db, { urn: 640001, name: 'Ysgol Gymraeg Caerdydd' }), {
    fresh: 'test',
  });

  /** What a reader (or a screen reader) meets first on a page: its language, menu and language switch. */
  const page = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ url, headers });
    const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();
    return {
      res,
      lang: /<html lang="([^"]+)"/.exec(res.body)?.[1],
      navigation: [...res.body.matchAll(/class="govuk-service-navigation__link"[^>]*>([\s\S]*?)<\/a>/g)].map(
        (m) => text(m[1]!),
      ),
      switchTo: [
        ...res.body.matchAll(
          /<a class="govuk-language-navigation__link" href="([^"]*)" rel="alternate" lang="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g,
        ),
      ].map((m) => ({ text: text(m[3]!), href: m[1]!.replaceAll('&amp;', '&'), lang: m[2] })),
      skipLink: text(/<a [^>]*class="govuk-skip-link"[^>]*>([\s\S]*?)<\/a>/.exec(res.body)?.[1] ?? ''),
    };
  };

  it('is in English by default, with a switch to Cymraeg that keeps the page and its query', async () => {
    const shown = await page('/capacity?phase=primary');
    expect(shown.lang).toBe('en');
    expect(shown.navigation).toContain('Find a school');
    expect(shown.skipLink).toBe('Skip to main content');
    expect(shown.switchTo).toEqual([
      { text: 'Cymraeg', href: '/capacity?phase=primary&lang=cy', lang: 'cy' },
    ]);
  });

  it('switches to Welsh with ?lang=cy and remembers the choice in this browser', async () => {
    const welsh = await page('/?lang=cy');
    expect(welsh.lang).toBe('cy');
    expect(welsh.navigation).toContain('Dod o hyd i ysgol');
    expect(welsh.skipLink).toBe('Neidio i’r prif gynnwys');
    expect(welsh.switchTo).toEqual([{ text: 'English', href: '/?lang=en', lang: 'en' }]);
    const cookie = [welsh.res.headers['set-cookie']].flat().find((c) => c?.startsWith('s2s-lang=cy'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const next = await page('/capacity', { cookie: 's2s-lang=cy' });
    expect(next.lang).toBe('cy');
    const back = await page('/capacity?lang=en', { cookie: 's2s-lang=cy' });
    expect(back.lang).toBe('en');
  });

  it('follows the browser’s Accept-Language on a first visit', async () => {
    expect((await page('/', { 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.5' })).lang).toBe('cy');
    expect((await page('/', { 'accept-language': 'fr-FR,en;q=0.5' })).lang).toBe('en');
    expect((await page('/', { 'accept-language': 'fr-FR' })).lang).toBe('en');
  });

  it('keeps the language a person signs in with in their account, for every device they sign in on next', async () => {
    const person = await signIn(t.app, t.db, {
      email: 'pat@ysgol.example',
      password: 'a long enough password',
    });
    const languageSaved = async () =>
      (
        await t.db
          .selectFrom('users')
          .select('language')
          .where('id', '=', person.user.id)
          .executeTakeFirstOrThrow()
      ).language;
    // Switching is a link: it changes this browser's cookie, never a record.
    await page('/account?lang=cy', { cookie: person.cookie });
    expect(await languageSaved()).toBeNull();

    const form = await t.app.inject({ url: '/sign-in', headers: { cookie: 's2s-lang=cy' } });
    const csrf = form.cookies.find((c) => c.name === 's2s-csrf')!.value;
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: {
        cookie: `s2s-lang=cy; s2s-csrf=${csrf}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({
        _csrf: token,
        email: 'pat@ysgol.example',
        password: 'a long enough password',
      }).toString(),
    });
    expect(signedIn.statusCode).toBe(303);
    expect(await languageSaved()).toBe('cy');
    // Another browser: no language cookie, an English Accept-Language, the same person.
    expect((await page('/account', { cookie: person.cookie, 'accept-language': 'en' })).lang).toBe('cy');
    const stranger = await signIn(t.app, t.db, {});
    expect((await page('/account', { cookie: stranger.cookie })).lang).toBe('en');
  });

  it('ignores a language it does not have', async () => {
    const shown = await page('/?lang=fr');
    expect(shown.lang).toBe('en');
    expect([shown.res.headers['set-cookie']].flat().some((c) => c?.startsWith('s2s-lang'))).toBe(false);
  });

  it('writes its own pages’ errors in the chosen language too', async () => {
    const missing = await page('/no-such-page?lang=cy');
    expect(missing.res.statusCode).toBe(404);
    expect(missing.lang).toBe('cy');
    expect(missing.res.body).toContain('Heb ddod o hyd i’r dudalen');
  });

  it('counts the schools a search finds with the count’s own words in each language', async () => {
    const heading = async (url: string) =>
      visibleText(
        /<h2[^>]*id="results-heading"[^>]*>([\s\S]*?)<\/h2>/.exec((await page(url)).res.body)![1]!,
      ).trim();
    expect(await heading('/?q=Caerdydd&lang=cy')).toBe('Cafwyd hyd i 1 ysgol');
    expect(await heading('/?q=Caerdydd&lang=en')).toBe('1 school found');
  });

  // The pages moved into the catalogues so far: none of their English may show in Welsh.
  const TRANSLATED = [
    '/sign-in',
    '/sign-in?signedOut=1',
    '/no-such-page',
    '/',
    '/?q=Ysgol',
    '/?q=Nowhere',
    '/?near=640001&radiusKm=5',
    '/schools/640001',
    '/schools/640001/partners',
    '/schools/640001/partners?strategy=peer&radiusKm=8',
    '/capacity',
    '/capacity?phase=primary&radiusKm=7&sort=ratio&order=desc',
    '/capacity?by=country&radiusKm=0',
  ];
  it.each(TRANSLATED)('shows no English message of the catalogue on %s in Welsh', async (url) => {
    const html = (await t.app.inject({ url, headers: { cookie: 's2s-lang=cy' } })).body;
    expect(englishLeftIn(html)).toEqual([]);
  });

  it('shows no English message of the catalogue on the proposal form in Welsh, nor in its errors', async () => {
    await insertSchool(t.db, { urn: 640002, name: 'Ysgol Bro Taf' });
    const head = await signIn(t.app, t.db, { schools: [{ urn: 640001, role: 'admin' }] });
    const cookie = `${head.cookie}; s2s-lang=cy`;
    const form = await t.app.inject({
      url: '/partnerships/new?with=640002&from=640001',
      headers: { cookie },
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Cynnig partneriaeth');
    expect(form.body).toContain('Cydweithio gyda Ysgol Bro Taf');
    expect(englishLeftIn(form.body)).toEqual([]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/partnerships',
      headers: { ...head.headers, cookie },
      payload: { title: '', proposerUrn: '640001', partnerUrn: '640002' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Dewiswch y math o bartneriaeth');
    expect(englishLeftIn(refused.body)).toEqual([]);
  });

  it('shows no English message of the catalogue on the partnerships list and an organisation’s dashboard in Welsh', async () => {
    await insertSchool(t.db, { urn: 640003, name: 'Ysgol y Wern' });
    await insertSchool(t.db, { urn: 640004, name: 'Ysgol y Castell' });
    const organisation = await createOrganisation(t.db, {
      name: 'Consortiwm y De',
      schools: [640003, 640004].map((urn) => ({ urn, sharesRecords: true })),
    });
    const head = await signIn(t.app, t.db, { schools: [{ urn: 640003, role: 'admin' }] });
    const partner = await signIn(t.app, t.db, { schools: [{ urn: 640004, role: 'admin' }] });
    const officer = await signIn(t.app, t.db, { organisations: [organisation] });
    const between = {
      type: 'peer-to-peer' as const,
      proposer: { urn: 640003, role: 'reciprocal' as const },
      invited: [{ urn: 640004, role: 'reciprocal' as const }],
      createdBy: head.user.id,
      at: '2025-09-01T09:00:00Z',
    };
    await createPartnership(t.db, { ...between, title: 'Darllen gyda’n gilydd' });
    await createAcceptedPartnership(t.db, { ...between, title: 'Mathemateg ar y cyd' }, 'active');
    const welsh = async (who: { cookie: string }, url: string) => {
      const res = await t.app.inject({ url, headers: { cookie: `${who.cookie}; s2s-lang=cy` } });
      expect(res.statusCode, url).toBe(200);
      return res.body;
    };
    const list = await welsh(head, '/partnerships');
    expect(list).toContain('Eich partneriaethau');
    expect(list).toContain('Wedi’i chynnig');
    expect(list).toContain('Gweithredol');
    expect(englishLeftIn(list)).toEqual([]);
    const invited = await welsh(partner, '/partnerships');
    expect(invited).toContain('Gwahoddiadau sy’n aros am ateb');
    expect(englishLeftIn(invited)).toEqual([]);
    expect(englishLeftIn(await welsh(officer, '/partnerships'))).toEqual([]);
    const dashboard = await welsh(officer, `/organisations/${organisation}/partnerships`);
    expect(dashboard).toContain('Partneriaethau eich ysgolion');
    expect(englishLeftIn(dashboard)).toEqual([]);
    const empty = await t.app.inject({
      url: '/partnerships',
      headers: { cookie: `${(await signIn(t.app, t.db, {})).cookie}; s2s-lang=cy` },
    });
    expect(englishLeftIn(empty.body)).toEqual([]);
  });
  it('shows no English message of the catalogue on a partnership’s own pages in Welsh: its record, plan, forms, invitation and impact', async () => {
    await insertSchool(t.db, { urn: 640005, name: 'Ysgol Glan Ely' });
    await insertSchool(t.db, { urn: 640006, name: 'Ysgol Pen y Pil' });
    await insertSchool(t.db, { urn: 640007, name: 'Ysgol Llanrhymni' });
    const head = await signIn(t.app, t.db, { schools: [{ urn: 640005, role: 'admin' }] });
    const partner = await signIn(t.app, t.db, { schools: [{ urn: 640006, role: 'admin' }] });
    const between = {
      type: 'peer-to-peer' as const,
      proposer: { urn: 640005, role: 'lead' as const },
      invited: [{ urn: 640006, role: 'supported' as const }],
      createdBy: head.user.id,
      at: '2024-07-01T09:00:00Z',
    };
    const running = await createAcceptedPartnership(
      t.db,
      { ...between, title: 'Darllen yn y Dwyrain' },
      'active',
    );
    await updatePlan(t.db, running, {
      focusAreas: ['literacy', 'leadership'],
      need: 'Darllen yn isel',
      startDate: '2024-09-01',
      endDate: '2026-02-28',
    });
    await addObjective(t.db, running, {
      description: 'Mwy yn darllen yn dda',
      successCriteria: 'Uwch na 60%',
      measure: 'ks2.rwmExpectedPercent',
      customMeasureName: null,
      baseline: 50,
      target: 60,
    });
    await addObjective(t.db, running, {
      description: 'Darllen er pleser',
      successCriteria: 'Hanner y disgyblion',
      measure: 'custom',
      customMeasureName: 'Disgyblion sy’n darllen gartref (%)',
      baseline: 30,
      target: 50,
    });
    await addMilestone(t.db, running, { title: 'Hyfforddiant staff', dueDate: '2024-10-01', doneOn: null });
    await addAction(
      t.db,
      running,
      { description: 'Cynllunio gwersi', owner: 'Mrs Jones', dueDate: '2024-10-01', status: 'in-progress' },
      head.user.id,
    );
    await addUpdate(t.db, running, 'Dechrau da', head.user.id, '2024-10-02T09:00:00Z');
    await addIssue(
      t.db,
      running,
      { raisedOn: '2024-10-03', description: 'Salwch staff', handling: '', resolved: false },
      head.user.id,
    );
    await addFeedback(t.db, running, 640006, 'Diolch', partner.user.id, '2024-10-04T09:00:00Z');
    const { id: customId } = await t.db
      .selectFrom('partnership_objectives')
      .select('id')
      .where('partnership_id', '=', running)
      .where('measure', '=', 'custom')
      .executeTakeFirstOrThrow();
    await addOutcome(
      t.db,
      running,
      { objectiveId: customId, recordedOn: '2024-12-01', value: 40, note: 'Arolwg' },
      head.user.id,
    );
    const proposed = await createPartnership(t.db, {
      ...between,
      invited: [{ urn: 640007, role: 'supported' as const }],
      title: 'Rhifedd i bawb',
    });
    const invitee = await signIn(t.app, t.db, { schools: [{ urn: 640007, role: 'admin' }] });
    const welsh = async (who: { cookie: string }, url: string) => {
      const res = await t.app.inject({ url, headers: { cookie: `${who.cookie}; s2s-lang=cy` } });
      expect(res.statusCode, url).toBe(200);
      expect(englishLeftIn(res.body), url).toEqual([]);
      return visibleText(res.body);
    };
    const record = await welsh(head, `/partnerships/${running}`);
    expect(record).toContain('Camau gweithredu');
    expect(record).toContain('Problemau, rhwystrau ac anawsterau');
    expect(record).toContain('Llythrennedd (darllen, ysgrifennu, Saesneg)');
    expect(await welsh(head, `/partnerships/${running}/check`)).toContain('Y cynllun a gytunwyd');
    const impact = await welsh(head, `/partnerships/${running}/impact`);
    expect(impact).toContain('Adroddiad effaith');
    expect(impact).toContain('Sut y cyfrifir hyn, a’i gyfyngiadau');
    // Each objective's reading too, with its figures: the published measure's and the partnership's own.
    expect(impact).toContain(
      'Does gan S2S ddim canlyniadau ar gyfer Disgyblion CA2 sy’n cyrraedd y safon ddisgwyliedig mewn darllen, ysgrifennu a mathemateg (%) eto',
    );
    expect(impact).toContain(
      '50% o’r ffordd o’r llinell sylfaen o 30.0 i’r targed o 50.0: y gwerth diweddaraf yw 40.0.',
    );
    for (const form of ['record/actions', 'record/issues', 'record/outcomes', 'record/feedback', 'close'])
      await welsh(head, `/partnerships/${running}/${form}`);
    const setUp = await welsh(head, `/partnerships/${proposed}`);
    expect(setUp).toContain('Sefydlu’r bartneriaeth');
    for (const task of ['focus', 'objectives', 'resources', 'timescales', 'staff', 'exit'])
      await welsh(head, `/partnerships/${proposed}/plan/${task}`);
    await welsh(head, `/partnerships/${proposed}/check`);
    expect(await welsh(invitee, `/partnerships/${proposed}`)).toContain('Gwahoddiad i bartneriaeth');
  });

  it('writes the headings of a partnership CSV in the reader’s language, and the same data', async () => {
    await insertSchool(t.db, { urn: 640008, name: 'Ysgol Treganna' });
    await insertSchool(t.db, { urn: 640009, name: 'Ysgol Pencae' });
    const head = await signIn(t.app, t.db, { schools: [{ urn: 640008, role: 'admin' }] });
    await createPartnership(t.db, {
      type: 'peer-to-peer',
      proposer: { urn: 640008, role: 'reciprocal' },
      invited: [{ urn: 640009, role: 'reciprocal' }],
      createdBy: head.user.id,
      at: '2025-09-01T09:00:00Z',
      title: '=Darllen',
    });
    const csv = async (language: string) =>
      (
        await t.app.inject({
          url: '/api/partnerships/export.csv',
          headers: { cookie: `${head.cookie}; s2s-lang=${language}` },
        })
      ).body.split(/\r?\n/);
    const [welshHead, welshRow] = await csv('cy');
    const [englishHead, englishRow] = await csv('en');
    expect(welshHead).toBe(
      'Rhif,Teitl,Math,Statws,Sut y daeth i ben,Dyddiad dechrau,Dyddiad gorffen,Ysgolion,URNau,Camau gweithredu hwyr',
    );
    expect(englishHead).toBe('id,title,type,status,closure,startDate,endDate,schools,urns,overdueActions');
    expect(welshRow).toBe(englishRow);
    // Still spreadsheet-safe in Welsh: a title that starts like a formula is quoted as text.
    expect(welshRow).toContain("'=Darllen");
  });
});
