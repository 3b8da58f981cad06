import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import {
  aPublishedLeader,
  deploymentForm,
  nextSpring,
  profileForm,
  publishProfile,
} from '../../../helpers/leaders.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const [DERW, BEDW] = [644001, 644002];

/** The system leaders' pages in Welsh: none of the catalogue's English may show. */
describe('system leaders in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: DERW, name: 'Ysgol y Derw', lat: 51.6, lon: -3.9 });
      await insertSchool(db, { urn: BEDW, name: 'Ysgol y Bedw', lat: 51.62, lon: -3.9 });
    },
    { fresh: 'test' },
  );

  const { page: welsh, post } = inWelsh(() => t.app);

  it('shows the directory, a profile, a deployment and the deployments list in Welsh', async () => {
    const leader = await signIn(t.app, t.db, {
      name: 'Gwen Arwain',
      email: 'gwen@ysgol.example',
    });
    await publishProfile(t.app, leader, { urn: DERW, jobTitle: 'Pennaeth', daysPerTerm: '6' });
    const { id: profileId } = await t.db
      .selectFrom('system_leader_profiles')
      .select('id')
      .where('user_id', '=', leader.user.id)
      .executeTakeFirstOrThrow();
    const client = await signIn(t.app, t.db, {
      email: 'bedw@ysgol.example',
      schools: [{ urn: BEDW, role: 'admin' }],
    });
    const commissioned = await postForm(
      t.app,
      `/system-leaders/${profileId}/commission`,
      {
        _csrf: client.csrfToken,
        ...deploymentForm({ clientUrn: BEDW, ...nextSpring(), reportsTo: 'Y pennaeth' }),
        // What the school writes is its own words, in Welsh here.
        scope: 'Hyfforddi’r arweinydd Saesneg a thîm blwyddyn 6 ar ddarllen',
        objectives: 'Darllen yn cael ei addysgu’n gyson',
        successCriteria: 'Pob gwers ddarllen yn dda erbyn y Pasg',
        exitStrategy: 'Mae’r arweinydd Saesneg yn parhau â’r hyfforddi',
      },
      client.headers,
    );
    expect(commissioned.statusCode).toBe(303);
    const deployment = String(commissioned.headers.location).replace(/\?.*/, '');
    // A second leader on the deployment's team, with their own days and answer to give.
    const member = await aPublishedLeader(t.app, t.db, 'Huw Tîm', {
      urn: DERW,
      jobTitle: 'Dirprwy',
      daysPerTerm: '6',
    });
    const added = await postForm(
      t.app,
      `${deployment}/team`,
      { _csrf: client.csrfToken, profileId: String(member.profileId), days: '2', dayRatePounds: '' },
      client.headers,
    );
    expect(added.statusCode).toBe(303);

    const directory = await welsh('/system-leaders');
    expect(directory).toContain('Dod o hyd i arweinydd system');
    expect(directory).toContain('Cafwyd hyd i 2 arweinydd system');
    const profile = await welsh(`/system-leaders/${profileId}`);
    expect(profile).toContain('Diwrnodau fesul tymor');
    expect(profile).toContain('£450 y dydd');
    const page = await welsh(deployment, client);
    expect(page).toContain('Secondiad Gwen Arwain i Ysgol y Bedw');
    expect(page).toContain('Yn aros am yr arweinydd system');
    expect(page).toContain('Aelod o’r tîm');
    expect(page).toContain('Ychwanegu arweinydd system at y tîm');
    const asMember = await welsh(deployment, member.who);
    expect(asMember).toContain('Heb ateb eto');
    const list = await welsh('/deployments', client);
    expect(list).toContain('Ar gyfer eich ysgolion');
    for (const [url, html] of [
      ['/system-leaders', directory],
      [`/system-leaders/${profileId}`, profile],
      [deployment, page],
      [`${deployment} (as a team member)`, asMember],
      ['/deployments', list],
    ] as const)
      expect(englishLeftIn(html), url).toEqual([]);
  });

  it('shows a leader’s own profile form, commissioning and a school’s needs in Welsh', async () => {
    const leader = await signIn(t.app, t.db, { name: 'Huw Cymorth', email: 'huw@ysgol.example' });
    const empty = await welsh('/account/system-leader', leader);
    expect(visibleText(empty)).toContain('Llenwi eich proffil');
    expect(visibleText(empty)).toContain('Diwrnod Mis Blwyddyn');
    expect(englishLeftIn(empty), 'an empty profile form').toEqual([]);

    await publishProfile(t.app, leader, { urn: DERW, jobTitle: 'Pennaeth gweithredol', freeWithin: 'trust' });
    const { id } = await t.db
      .selectFrom('system_leader_profiles')
      .select('id')
      .where('user_id', '=', leader.user.id)
      .executeTakeFirstOrThrow();
    for (const done of ['saved', 'published', 'withdrawn']) {
      const html = await welsh(`/account/system-leader?done=${done}`, leader);
      expect(html).toContain('Wedi’i gyhoeddi');
      expect(englishLeftIn(html), done).toEqual([]);
    }
    const withdrawn = await postForm(
      t.app,
      '/account/system-leader/withdraw',
      { _csrf: leader.csrfToken },
      leader.headers,
    );
    expect(withdrawn.statusCode).toBe(303);
    const hidden = await welsh('/account/system-leader?done=withdrawn', leader);
    expect(visibleText(hidden)).toContain('Cudd Dim ond chi sy’n gallu ei weld.');
    expect(englishLeftIn(hidden), 'a withdrawn profile').toEqual([]);
    await postForm(t.app, '/account/system-leader/publish', { _csrf: leader.csrfToken }, leader.headers);

    const client = await signIn(t.app, t.db, {
      email: 'bedw-needs@ysgol.example',
      schools: [{ urn: BEDW, role: 'admin' }],
    });
    const commission = await welsh(`/system-leaders/${id}/commission`, client);
    expect(visibleText(commission)).toContain(
      'Cyfradd ddyddiol Huw Cymorth yw £450, gyda dim tâl o fewn ein hymddiriedolaeth.',
    );
    expect(englishLeftIn(commission), 'the commissioning form').toEqual([]);

    const noNeeds = await welsh(`/schools/${BEDW}/system-leaders`, client);
    expect(visibleText(noNeeds)).toContain('Nid yw eich ysgol wedi dweud ble yr hoffai gael cymorth.');
    expect(englishLeftIn(noNeeds), 'a school that said no needs').toEqual([]);
    await postForm(
      t.app,
      `/schools/${BEDW}/settings`,
      { _csrf: client.csrfToken, capacityToSupport: '0', needs: ['leadership'] },
      client.headers,
    );
    const needs = await welsh(`/schools/${BEDW}/system-leaders`, client);
    expect(visibleText(needs)).toContain('Dywedodd eich ysgol yr hoffai gael cymorth gyda: arweinyddiaeth.');
    expect(needs).toContain('Huw Cymorth');
    expect(visibleText(needs)).toContain('Arbenigedd mewn arweinyddiaeth');
    expect(visibleText(needs)).toMatch(/[\d.]+ km o Ysgol y Bedw, o fewn y 20 km y mae’n barod i’w teithio/);
    expect(englishLeftIn(needs), 'a school’s suggested leaders').toEqual([]);
  });

  it('refuses, in Welsh, days a leader has not got left, and names the terms in Welsh', async () => {
    const leader = await aPublishedLeader(t.app, t.db, 'Mair Prysur', {
      urn: DERW,
      jobTitle: 'Pennaeth',
      daysPerTerm: '6',
    });
    const client = await signIn(t.app, t.db, {
      email: 'bedw-busy@ysgol.example',
      schools: [{ urn: BEDW, role: 'admin' }],
    });
    const spring = nextSpring();
    const year = spring.start.slice(0, 4);
    const refused = await post(`/system-leaders/${leader.profileId}/commission`, client, {
      ...deploymentForm({ clientUrn: BEDW, ...spring, days: '20', reportsTo: 'Y pennaeth' }),
      // The school's own words, in Welsh, so that only the page's words are checked.
      scope: 'Hyfforddi’r tîm darllen',
      objectives: 'Darllen yn cael ei addysgu’n gyson',
      successCriteria: 'Pob gwers ddarllen yn dda',
      exitStrategy: 'Mae’r tîm yn parhau â’r hyfforddi',
    });
    expect(refused.statusCode).toBe(400);
    const summary = visibleText(
      refused.body.slice(refused.body.indexOf('govuk-error-summary'), refused.body.indexOf('</main>')),
    );
    expect(summary).toContain(
      `Mae hynny’n fwy o ddiwrnodau nag sydd gan yr arweinydd system ar ôl yn nhymor y Gwanwyn ${year} (6 o 6 diwrnod yn rhydd)`,
    );
    expect(summary).not.toContain('more days than');
    expect(englishLeftIn(refused.body), 'the refused commission').toEqual([]);

    const profile = visibleText(await welsh(`/system-leaders/${leader.profileId}`));
    expect(profile).toContain(`Gwanwyn ${year}`);
    expect(profile).not.toMatch(/(Autumn|Spring|Summer) \d{4}/);
  });

  it('refuses, in Welsh, new dates that take a team member past their days in two terms, naming both terms', async () => {
    const ada = await aPublishedLeader(t.app, t.db, 'Ada Arwain', { urn: DERW, daysPerTerm: '6' });
    const bea = await aPublishedLeader(t.app, t.db, 'Bea Aelod', { urn: DERW, daysPerTerm: '6' });
    const head = await signIn(t.app, t.db, {
      email: 'bedw-team@ysgol.example',
      schools: [{ urn: BEDW, role: 'admin' }],
    });
    const year = nextSpring().start.slice(0, 4);
    // The school's own words, in Welsh, so that only the page's words are checked.
    const commission = (profileId: number, days: string, start: string, end: string) =>
      post(`/system-leaders/${profileId}/commission`, head, {
        ...deploymentForm({ clientUrn: BEDW, start, end, days, reportsTo: 'Y pennaeth' }),
        scope: 'Hyfforddi’r tîm darllen',
        objectives: 'Darllen yn cael ei addysgu’n gyson',
        successCriteria: 'Pob gwers ddarllen yn dda',
        exitStrategy: 'Mae’r tîm yn parhau â’r hyfforddi',
      });
    const summaryOf = (html: string) =>
      visibleText(html.slice(html.indexOf('govuk-error-summary'), html.indexOf('</main>')));
    // Bea's own deployment takes all but a few tenths of a day of her spring and summer.
    expect((await commission(bea.profileId, '11', `${year}-03-01`, `${year}-04-30`)).statusCode).toBe(303);
    const twoTerms =
      /yn nhymhorau Gwanwyn (\d{4}) \(0\.41 o 6 diwrnod yn rhydd\) a Haf (\d{4}) \(0\.59 o 6 diwrnod yn rhydd\): dewiswch lai o ddiwrnodau neu ddyddiadau eraill/;

    // Four more days across both terms: refused, each term named in Welsh with its days free.
    const more = await commission(bea.profileId, '4', `${year}-03-01`, `${year}-04-30`);
    expect(more.statusCode).toBe(400);
    expect(summaryOf(more.body)).toMatch(
      new RegExp(`Mae hynny’n fwy o ddiwrnodau nag sydd gan yr arweinydd system ar ôl ${twoTerms.source}`),
    );
    expect(englishLeftIn(more.body), 'the refused commission').toEqual([]);

    // Ada's deployment in the autumn, with Bea on its team for two days.
    const made = await commission(ada.profileId, '2', `${year}-09-01`, `${year}-09-30`);
    const id = Number(/\/deployments\/(\d+)/.exec(String(made.headers.location))![1]);
    const added = await post(`/deployments/${id}/team`, head, {
      profileId: String(bea.profileId),
      days: '2',
      dayRatePounds: '',
    });
    expect(added.statusCode).toBe(303);
    // Moved into spring and summer, Bea's two days no longer fit either term.
    const moved = await post(`/partnerships/${id}/plan/timescales`, head, {
      'startDate-day': '1',
      'startDate-month': '3',
      'startDate-year': year,
      'endDate-day': '30',
      'endDate-month': '4',
      'endDate-year': year,
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.body).toContain('href="#startDate"');
    expect(summaryOf(moved.body)).toMatch(
      new RegExp(
        `Ar gyfer aelod o’r tîm: Mae hynny’n fwy o ddiwrnodau nag sydd gan yr arweinydd system ar ôl ${twoTerms.source}`,
      ),
    );
    expect(summaryOf(moved.body)).not.toMatch(/member of the team|more days than|Spring|Summer/);
    // The page's words, not the partnership's title, which is stored as it was written when commissioned.
    const withoutTitle = moved.body.replace(/<span class="govuk-caption-l">[^<]*<\/span>/, '');
    expect(englishLeftIn(withoutTitle), 'the refused dates').toEqual([]);
  });

  it('names the field in Welsh when a Welsh form is sent with mistakes', async () => {
    const leader = await signIn(t.app, t.db, { name: 'Eleri Camgymeriad', email: 'eleri@ysgol.example' });
    const bad = await post('/account/system-leader', leader, {
      ...profileForm({ urn: DERW, daysPerTerm: '99', travelKm: '12.5' }),
      'availableFrom-day': '',
      'availableFrom-month': '',
      'availableFrom-year': '',
      'availableTo-day': '31',
      'availableTo-month': '2',
    });
    expect(bad.statusCode).toBe(400);
    const summary = visibleText(
      bad.body.slice(bad.body.indexOf('govuk-error-summary'), bad.body.indexOf('</main>')),
    );
    expect(summary).toContain('Mae problem');
    for (const said of [
      'Rhaid i’r diwrnodau y tymor fod yn 60 neu lai',
      'Rhowch y dyddiad rydych chi ar gael ohono',
      'Rhaid i’r dyddiad rydych chi ar gael tan fod yn ddyddiad go iawn',
      'Rhaid i ba mor bell y byddwch chi’n teithio fod yn rhif cyfan',
    ])
      expect(summary, said).toContain(said);
    expect(bad.body).toContain(
      '<span class="govuk-visually-hidden">Gwall:</span> Rhowch y dyddiad rydych chi ar gael ohono',
    );
    expect(bad.body).toMatch(/<title[^>]*>\s*Gwall: Eich proffil arweinydd system/);
    expect(englishLeftIn(bad.body)).toEqual([]);

    await publishProfile(t.app, leader, { urn: DERW });
    const { id } = await t.db
      .selectFrom('system_leader_profiles')
      .select('id')
      .where('user_id', '=', leader.user.id)
      .executeTakeFirstOrThrow();
    const client = await signIn(t.app, t.db, {
      email: 'bedw-errors@ysgol.example',
      schools: [{ urn: BEDW, role: 'admin' }],
    });
    const commission = await post(`/system-leaders/${id}/commission`, client, {
      ...deploymentForm({ clientUrn: BEDW, ...nextSpring() }),
      // What the school typed is shown again as it wrote it: in Welsh here.
      scope: 'Hyfforddi tîm blwyddyn 6 ar ddarllen',
      successCriteria: 'Pob gwers ddarllen yn dda erbyn y Pasg',
      exitStrategy: 'Mae’r arweinydd Saesneg yn parhau â’r hyfforddi',
      objectives: '',
      days: '500',
      'endDate-day': '',
      'endDate-month': '',
      'endDate-year': '',
    });
    expect(commission.statusCode).toBe(400);
    for (const said of [
      'Rhowch yr amcanion',
      'Rhaid i’r diwrnodau fod yn 180 neu lai',
      'Rhowch y diwrnod olaf',
    ])
      expect(visibleText(commission.body), said).toContain(said);
    expect(englishLeftIn(commission.body)).toEqual([]);
  });
});
