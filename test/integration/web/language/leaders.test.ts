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
import { englishLeftIn } from '../../../helpers/untranslated.ts';

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

  const welsh = async (who: { headers: { cookie: string } } | null, url: string) => {
    const res = await t.app.inject({
      url,
      headers: { cookie: who ? `${who.headers.cookie}; s2s-lang=cy` : 's2s-lang=cy' },
    });
    expect(res.statusCode, url).toBe(200);
    expect(res.body, url).toContain('<html lang="cy"');
    return res.body;
  };

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

    const directory = await welsh(null, '/system-leaders');
    expect(directory).toContain('Dod o hyd i arweinydd system');
    expect(directory).toMatch(/Cafwyd hyd i 2 /);
    const profile = await welsh(null, `/system-leaders/${profileId}`);
    expect(profile).toContain('Diwrnodau fesul tymor');
    expect(profile).toContain('£450 y dydd');
    const page = await welsh(client, deployment);
    expect(page).toContain('Secondiad Gwen Arwain i Ysgol y Bedw');
    expect(page).toContain('Yn aros am yr arweinydd system');
    expect(page).toContain('Aelod o’r tîm');
    expect(page).toContain('Ychwanegu arweinydd system at y tîm');
    const asMember = await welsh(member.who, deployment);
    expect(asMember).toContain('Heb ateb eto');
    const list = await welsh(client, '/deployments');
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

  const welshHeaders = (who: { headers: Record<string, string> }) => ({
    ...who.headers,
    cookie: `${who.headers.cookie}; s2s-lang=cy`,
  });

  it('shows a leader’s own profile form, commissioning and a school’s needs in Welsh', async () => {
    const leader = await signIn(t.app, t.db, { name: 'Huw Cymorth', email: 'huw@ysgol.example' });
    const empty = await welsh(leader, '/account/system-leader');
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
      const html = await welsh(leader, `/account/system-leader?done=${done}`);
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
    const hidden = await welsh(leader, '/account/system-leader?done=withdrawn');
    expect(visibleText(hidden)).toContain('Cudd Dim ond chi sy’n gallu ei weld.');
    expect(englishLeftIn(hidden), 'a withdrawn profile').toEqual([]);
    await postForm(t.app, '/account/system-leader/publish', { _csrf: leader.csrfToken }, leader.headers);

    const client = await signIn(t.app, t.db, {
      email: 'bedw-needs@ysgol.example',
      schools: [{ urn: BEDW, role: 'admin' }],
    });
    const commission = await welsh(client, `/system-leaders/${id}/commission`);
    expect(visibleText(commission)).toContain(
      'Cyfradd ddyddiol Huw Cymorth yw £450, gyda dim tâl o fewn ein hymddiriedolaeth.',
    );
    expect(englishLeftIn(commission), 'the commissioning form').toEqual([]);

    const noNeeds = await welsh(client, `/schools/${BEDW}/system-leaders`);
    expect(visibleText(noNeeds)).toContain('Nid yw eich ysgol wedi dweud ble yr hoffai gael cymorth.');
    expect(englishLeftIn(noNeeds), 'a school that said no needs').toEqual([]);
    await postForm(
      t.app,
      `/schools/${BEDW}/settings`,
      { _csrf: client.csrfToken, capacityToSupport: '0', needs: ['leadership'] },
      client.headers,
    );
    const needs = await welsh(client, `/schools/${BEDW}/system-leaders`);
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
    const refused = await postForm(
      t.app,
      `/system-leaders/${leader.profileId}/commission`,
      {
        _csrf: client.csrfToken,
        ...deploymentForm({ clientUrn: BEDW, ...spring, days: '20', reportsTo: 'Y pennaeth' }),
        // The school's own words, in Welsh, so that only the page's words are checked.
        scope: 'Hyfforddi’r tîm darllen',
        objectives: 'Darllen yn cael ei addysgu’n gyson',
        successCriteria: 'Pob gwers ddarllen yn dda',
        exitStrategy: 'Mae’r tîm yn parhau â’r hyfforddi',
      },
      welshHeaders(client),
    );
    expect(refused.statusCode).toBe(400);
    const summary = visibleText(
      refused.body.slice(refused.body.indexOf('govuk-error-summary'), refused.body.indexOf('</main>')),
    );
    expect(summary).toContain(
      `Mae hynny’n fwy o ddiwrnodau nag sydd gan yr arweinydd system ar ôl yn nhymor y Gwanwyn ${year} (6 o 6 diwrnod yn rhydd)`,
    );
    expect(summary).not.toContain('more days than');
    expect(englishLeftIn(refused.body), 'the refused commission').toEqual([]);

    const profile = visibleText(await welsh(null, `/system-leaders/${leader.profileId}`));
    expect(profile).toContain(`Gwanwyn ${year}`);
    expect(profile).not.toMatch(/(Autumn|Spring|Summer) \d{4}/);
  });

  it('names the field in Welsh when a Welsh form is sent with mistakes', async () => {
    const leader = await signIn(t.app, t.db, { name: 'Eleri Camgymeriad', email: 'eleri@ysgol.example' });
    const bad = await postForm(
      t.app,
      '/account/system-leader',
      {
        _csrf: leader.csrfToken,
        ...profileForm({ urn: DERW, daysPerTerm: '99', travelKm: '12.5' }),
        'availableFrom-day': '',
        'availableFrom-month': '',
        'availableFrom-year': '',
        'availableTo-day': '31',
        'availableTo-month': '2',
      },
      welshHeaders(leader),
    );
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
    const commission = await postForm(
      t.app,
      `/system-leaders/${id}/commission`,
      {
        _csrf: client.csrfToken,
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
      },
      welshHeaders(client),
    );
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
