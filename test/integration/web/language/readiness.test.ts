import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { createAssessment, saveAnswers } from '../../../../src/data/readiness.ts';
import {
  englishLeftIn,
  frameworkEnglish,
  frameworkEnglishIn as englishOfFrameworksIn,
  inWelsh,
} from '../../../helpers/untranslated.ts';

const DERW = 643101;
const BEDW = 643102;

/** Every text of the readiness frameworks: their questions, summaries and sources stay in English. */
const FRAMEWORK_TEXTS = (() => {
  const dir = new URL('../../../../frameworks/readiness/', import.meta.url);
  const texts = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(texts) : [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => texts(JSON.parse(readFileSync(new URL(name, dir), 'utf8'))))
    .sort((a, b) => b.length - a.length);
})();
const escaped = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&#34;')
    .replaceAll("'", '&#39;');
const FRAMEWORK_ENGLISH = frameworkEnglish(new URL('../../../../frameworks/readiness/', import.meta.url));
const frameworkEnglishIn = (html: string) => englishOfFrameworksIn(html, FRAMEWORK_ENGLISH);

/** The catalogue's English left in a Welsh page, once the frameworks' own (English) words are taken out. */
const englishLeftBesideFrameworks = (html: string) =>
  englishLeftIn(FRAMEWORK_TEXTS.reduce((page, text) => page.replaceAll(escaped(text), ' '), html));

/** The readiness pages in Welsh: none of the catalogue's English may show. */
describe('readiness in Welsh', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: DERW, name: 'Ysgol y Derw' });
    await insertSchool(db, { urn: BEDW, name: 'Ysgol y Bedw' });
  });

  const { page: welsh, post: postInWelsh, get: getInWelsh } = inWelsh(() => t.app);
  const post = (who: SignedIn, url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        ...who.headers,
        cookie: `${who.headers.cookie}; s2s-lang=en`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams(fields).toString(),
    });

  /** Starts a framework (Estyn's ten questions unless named) for Ysgol y Derw; returns the assessment's id. */
  const start = async (
    member: SignedIn,
    frameworkId = 'estyn-ten-questions',
    partnershipType = 'peer-to-peer',
  ) => {
    const started = await post(member, '/readiness/assessments', {
      urn: String(DERW),
      frameworkId,
      partnershipType,
    });
    expect(started.statusCode).toBe(303);
    return Number(started.headers.location!.split('/').pop());
  };

  it('shows the hub, a started assessment, its sections and its report in Welsh', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: DERW, role: 'admin' }] });
    const hubBefore = await welsh('/readiness', member);
    expect(hubBefore).toContain('Parodrwydd i gydweithio');
    expect(englishLeftBesideFrameworks(hubBefore)).toEqual([]);

    const id = await start(member);
    await post(member, `/readiness/assessments/${id}/sections/purpose`, {
      'rating-focus': '2',
      'evidence-focus': 'Darllen yng nghyfnod allweddol 2',
    });

    for (const url of [
      '/readiness',
      `/readiness/assessments/${id}`,
      `/readiness/assessments/${id}/sections/purpose`,
      `/readiness/assessments/${id}/report`,
    ]) {
      expect(englishLeftBesideFrameworks(await welsh(url, member)), url).toEqual([]);
    }

    // The answers' CSV, one question answered: its headings and fixed words in Welsh, in English unchanged.
    const csvUrl = `/readiness/assessments/${id}/answers.csv`;
    const welshCsv = (await getInWelsh(csvUrl, member, false)).body;
    const [welshHeader, ...welshRows] = welshCsv.trim().split('\n');
    expect(welshHeader).toBe('Adran,Eitem,Cwestiwn,Sgôr,Label y sgôr,Tystiolaeth,Bwlch,Cryfder');
    expect(welshRows.find((row) => row.includes(',need,'))).toMatch(/,Heb ei ateb,,na,na$/);
    expect(welshRows.find((row) => row.includes(',focus,'))).toMatch(
      /,Darllen yng nghyfnod allweddol 2,ie,na$/,
    );
    expect(englishLeftBesideFrameworks(welshCsv)).toEqual([]);
    const englishCsv = (
      await t.app.inject({ url: csvUrl, headers: { cookie: `${member.cookie}; s2s-lang=en` } })
    ).body;
    const [englishHeader, ...englishRows] = englishCsv.trim().split('\n');
    expect(englishHeader).toBe('section,item,question,rating,ratingLabel,evidence,gap,strength');
    expect(englishRows.find((row) => row.includes(',need,'))).toMatch(/,Not answered,,no,no$/);
    expect(englishRows.find((row) => row.includes(',focus,'))).toMatch(
      /,Darllen yng nghyfnod allweddol 2,yes,no$/,
    );

    // Completed, with strengths, gaps and an action plan.
    const sections: Record<string, string[]> = {
      purpose: ['focus', 'need', 'priorities', 'outcomes'],
      'resources-and-impact': ['resources', 'evaluate-impact'],
      'partners-and-culture': ['choosing-partners', 'practice-to-share', 'culture', 'barriers'],
    };
    for (const [section, items] of Object.entries(sections)) {
      const fields = Object.fromEntries(
        items.map((item) => [`rating-${item}`, item === 'culture' ? '1' : '4']),
      );
      expect(
        (await post(member, `/readiness/assessments/${id}/sections/${section}`, fields)).statusCode,
      ).toBe(303);
    }
    expect((await post(member, `/readiness/assessments/${id}/complete`, {})).statusCode).toBe(303);
    for (const url of ['/readiness', `/readiness/assessments/${id}/report`]) {
      expect(englishLeftBesideFrameworks(await welsh(url, member)), url).toEqual([]);
    }
  });

  it('asks in Welsh for what to assess the school against', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: DERW, role: 'admin' }] });
    const res = await postInWelsh('/readiness/assessments', member, {
      urn: String(DERW),
      frameworkId: '',
      partnershipType: 'peer-to-peer',
    });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('Mae problem Dewiswch yn erbyn beth i asesu’ch ysgol');
    expect(englishLeftBesideFrameworks(res.body)).toEqual([]);
  });

  it('refuses a section’s rating and evidence in Welsh, naming the question in Welsh', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: DERW, role: 'admin' }] });
    const id = await start(member);
    const section = `/readiness/assessments/${id}/sections/purpose`;
    const item = (await welsh(section, member)).match(/name="rating-([^"]+)"/)![1]!;
    const res = await postInWelsh(section, member, {
      [`rating-${item}`]: '99',
      [`evidence-${item}`]: 'a'.repeat(5001),
    });
    expect(res.statusCode).toBe(400);
    const said = visibleText(res.body);
    expect(said).toMatch(/Dewiswch un o’r sgoriau ar gyfer “[^”]+”/);
    expect(said).toMatch(/Rhaid i’r dystiolaeth ar gyfer “[^”]+” fod yn 5,000 nod neu lai/);
    expect(englishLeftBesideFrameworks(res.body)).toEqual([]);
  });

  it('shows a school’s assessments, the check, an action, sharing and a comparison in Welsh, and names the field in a Welsh error', async () => {
    const member = await signIn(t.app, t.db, {
      schools: [
        { urn: DERW, role: 'admin' },
        { urn: BEDW, role: 'admin' },
      ],
    });
    const started = await post(member, '/readiness/assessments', {
      urn: String(DERW),
      frameworkId: 'estyn-ten-questions',
      partnershipType: 'peer-to-peer',
    });
    const id = Number(started.headers.location!.split('/').pop());
    const check = await welsh(`/readiness/assessments/${id}/check`, member);
    expect(visibleText(check)).toContain('Gwirio eich atebion');
    expect(englishLeftBesideFrameworks(check)).toEqual([]);
    const early = await postInWelsh(`/readiness/assessments/${id}/complete`, member, {});
    expect(early.statusCode).toBe(400);
    expect(visibleText(early.body)).toMatch(/Mae problem Rhowch sgôr i “[^”]+” cyn cwblhau’r asesiad/);
    expect(englishLeftBesideFrameworks(early.body)).toEqual([]);

    for (const section of ['purpose', 'resources-and-impact', 'partners-and-culture']) {
      const html = (await welsh(`/readiness/assessments/${id}/sections/${section}`, member)).match(
        /name="rating-[^"]+"/g,
      )!;
      const fields = Object.fromEntries([...new Set(html)].map((n) => [n.slice(6, -1), '1']));
      expect(
        (await post(member, `/readiness/assessments/${id}/sections/${section}`, fields)).statusCode,
      ).toBe(303);
    }
    expect((await post(member, `/readiness/assessments/${id}/complete`, {})).statusCode).toBe(303);
    const late = await postInWelsh(`/readiness/assessments/${id}/sections/purpose`, member, {});
    expect(late.statusCode).toBe(409);
    expect(visibleText(late.body)).toContain('Mae’r asesiad hwn wedi’i gwblhau');
    expect(englishLeftBesideFrameworks(late.body)).toEqual([]);

    const school = await welsh(`/schools/${DERW}/readiness`, member);
    expect(visibleText(school)).toContain('Asesiadau parodrwydd');
    expect(englishLeftBesideFrameworks(school)).toEqual([]);

    const report = await welsh(`/readiness/assessments/${id}/report`, member);
    const action = report.match(/href="(\/readiness\/assessments\/\d+\/actions\/\d+)"/)![1]!;
    expect(englishLeftBesideFrameworks(await welsh(action, member))).toEqual([]);
    const badAction = await postInWelsh(action, member, {
      owner: 'Dirprwy bennaeth',
      'dueOn-day': '31',
      'dueOn-month': '2',
      'dueOn-year': '2027',
      status: 'done',
    });
    expect(badAction.statusCode).toBe(400);
    expect(visibleText(badAction.body)).toContain(
      'Mae problem Rhaid i’r dyddiad erbyn fod yn ddyddiad go iawn, fel 31 3 2027',
    );
    expect(visibleText(badAction.body)).toContain('Diwrnod Mis Blwyddyn');
    expect(englishLeftBesideFrameworks(badAction.body)).toEqual([]);

    const sharing = `/readiness/assessments/${id}/sharing`;
    expect(englishLeftBesideFrameworks(await welsh(sharing, member))).toEqual([]);
    const badShare = await postInWelsh(sharing, member, { grantee: 'school', urn: '999999' });
    expect(badShare.statusCode).toBe(400);
    expect(visibleText(badShare.body)).toContain('Mae problem Does dim ysgol â’r URN 999999');
    expect(englishLeftBesideFrameworks(badShare.body)).toEqual([]);
    expect((await post(member, sharing, { grantee: 'school', urn: String(BEDW) })).statusCode).toBe(303);
    const shared = await welsh(sharing, member);
    expect(visibleText(shared)).toContain(
      'Ysgol y Bedw (URN 643102) Ysgol bartner Stopio rhannu gyda Ysgol y Bedw',
    );
    expect(englishLeftBesideFrameworks(shared)).toEqual([]);

    const [leaderSide, clientSide] = [
      await createAssessment(t.db, {
        urn: DERW,
        frameworkId: 'deployment-system-leader',
        frameworkVersion: 1,
        partnershipType: 'deployment',
        startedBy: member.user.id,
      }),
      await createAssessment(t.db, {
        urn: BEDW,
        frameworkId: 'deployment-client-school',
        frameworkVersion: 1,
        partnershipType: 'deployment',
        startedBy: member.user.id,
      }),
    ];
    await saveAnswers(t.db, leaderSide, [
      { itemId: 'sl-time-and-capacity', rating: 4, evidence: 'Amser wedi’i neilltuo' },
    ]);
    const compare = await welsh(`/readiness/assessments/${leaderSide}/compare/${clientSide}`, member);
    expect(visibleText(compare)).toContain('Lle mae dwy ochr y secondiad yn anghytuno');
    // The frameworks mark ratings two steps apart: "dau gam", with its mutation.
    expect(visibleText(compare)).toContain('Mae sgoriau sydd 2 gam neu fwy ar wahân');
    expect(englishLeftBesideFrameworks(compare)).toEqual([]);
    // The same side twice is no pair: refused, in Welsh.
    const unpaired = await getInWelsh(`/readiness/assessments/${leaderSide}/compare/${leaderSide}`, member);
    expect(unpaired.statusCode).toBe(400);
    expect(visibleText(unpaired.body)).toContain(
      'Nid yw’r ddau asesiad hyn yn ddwy ochr secondiad, felly ni ellir eu cymharu.',
    );
    expect(englishLeftBesideFrameworks(unpaired.body)).toEqual([]);
  });

  it('shows none of a framework’s English on a Welsh page: guidance, hints, next steps by rating, reasons, sources’ notes and the action plan', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: DERW, role: 'admin' }] });
    expect(frameworkEnglishIn(await welsh('/readiness', member)), '/readiness').toEqual([]);
    // Version 2 of the enablers gives next steps by rating, and weighs gaps more for a federation.
    const id = await start(member, 'partnership-enablers', 'federation');
    const taskList = `/readiness/assessments/${id}`;
    expect(frameworkEnglishIn(await welsh(taskList, member)), taskList).toEqual([]);
    const sections: Record<string, string[]> = {
      enablers: [
        'leadership-capacity',
        'history-of-collaboration',
        'sensitivity-to-context',
        'trust',
        'shared-vision',
      ],
      fundamentals: [
        'staff-expertise',
        'improvement-needs',
        'deploying-leadership',
        'external-expertise',
        'evaluating-impact',
      ],
    };
    for (const [section, items] of Object.entries(sections)) {
      const url = `/readiness/assessments/${id}/sections/${section}`;
      expect(frameworkEnglishIn(await welsh(url, member)), url).toEqual([]);
      // Gaps at both levels, so each level's own next step shows.
      const fields = Object.fromEntries(items.map((item, i) => [`rating-${item}`, String((i % 2) + 1)]));
      expect((await post(member, url, fields)).statusCode).toBe(303);
    }
    // Completed by an English reader: the action plan is stored as the framework writes it.
    expect((await post(member, `/readiness/assessments/${id}/complete`, {})).statusCode).toBe(303);

    const report = await welsh(`/readiness/assessments/${id}/report`, member);
    expect(visibleText(report)).toContain(
      'Y cam nesaf: Enwch un uwch arweinydd i fod yn gyfrifol am weithio mewn partneriaeth',
    );
    expect(visibleText(report)).toContain('Mae angen llywodraethu ar y cyd, cynllunio gwella ar y cyd');
    const action = report.match(/href="(\/readiness\/assessments\/\d+\/actions\/\d+)"/)![1]!;
    for (const [url, html] of [
      [`/readiness/assessments/${id}/report`, report],
      [action, await welsh(action, member)],
    ] as const) {
      expect(frameworkEnglishIn(html), url).toEqual([]);
      expect(html, url).not.toContain('<span lang="en">');
    }
    // The English reader of the same report reads the plan in English.
    const english = (
      await t.app.inject({ url: `/readiness/assessments/${id}/report?lang=en`, headers: member.headers })
    ).body;
    expect(visibleText(english)).toContain('Name one senior leader to own partnership working');
  });

  it('shows Welsh theme titles and questions to a Welsh reader, and marks the English left lang="en"', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: DERW, role: 'admin' }] });
    const hub = await welsh('/readiness', member);
    expect(hub).toContain('Deg cwestiwn Estyn i ysgolion sy’n ystyried cydweithio');
    // The published sources are cited in English, and say so.
    expect(hub).toMatch(/<li><span lang="en">Estyn\./);

    const id = await start(member);

    const taskList = await welsh(`/readiness/assessments/${id}`, member);
    for (const theme of ['Diben ac angen', 'Adnoddau ac effaith', 'Partneriaid, arfer a diwylliant'])
      expect(taskList).toContain(theme);
    expect(taskList).not.toContain('Purpose and need');

    const section = await welsh(`/readiness/assessments/${id}/sections/purpose`, member);
    expect(section).toContain('<h1 class="govuk-heading-xl">Diben ac angen</h1>');
    expect(section).toContain('Pam mae angen y cymorth?');
    expect(section).toContain('Heb ei ystyried eto');
    expect(visibleText(section)).toContain('Sut olwg sydd ar arfer da: Enwch y maes arfer');

    await post(member, `/readiness/assessments/${id}/sections/purpose`, { 'rating-focus': '1' });
    const report = await welsh(`/readiness/assessments/${id}/report`, member);
    expect(report).toContain('Diben ac angen');
    expect(visibleText(report)).toContain('Y cam nesaf: Cytunwch ar un neu ddau faes ffocws');

    // An English reader sees the framework as written, with nothing marked.
    const english = (
      await t.app.inject({
        url: `/readiness/assessments/${id}/sections/purpose?lang=en`,
        headers: member.headers,
      })
    ).body;
    expect(english).toContain('<h1 class="govuk-heading-xl">Purpose and need</h1>');
    expect(english).not.toContain('Diben ac angen');
    expect(english).not.toContain('<span lang="en">');
  });
});
