import { describe, expect, it } from 'vitest';
import { createOrganisation, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const SCHOOL = 661001;
const OTHER = 661002;
const MORE = [661003, 661004];

describe('people, a person, an organisation and the audit log, for a platform administrator in Welsh', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: SCHOOL, name: 'Ysgol y Castell' });
    await insertSchool(db, { urn: OTHER, name: 'Ysgol Glan y Môr' });
    for (const urn of MORE) await insertSchool(db, { urn, name: `Ysgol ${urn}` });
  });

  const { get: welsh, post } = inWelsh(() => t.app);
  const noEnglish = (url: string, body: string) => expect(englishLeftIn(body), url).toEqual([]);

  it('lists the system leaders and shows a person, with the designation form and its errors, in Welsh', async () => {
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    const head = await signIn(t.app, t.db, {
      name: 'Siân Prifathro',
      email: 'sian@castell.example.org',
      schools: [{ urn: SCHOOL, role: 'admin' }, { urn: OTHER }],
      systemLeader: 'NLE',
    });
    for (const url of [
      '/admin/people',
      `/admin/people/${head.user.id}`,
      `/admin/people/${head.user.id}?saved=1`,
    ]) {
      const res = await welsh(url, admin);
      expect(res.statusCode, url).toBe(200);
      noEnglish(url, res.body);
    }
    const people = visibleText((await welsh('/admin/people', admin)).body);
    expect(people).toContain('Pobl sydd â dynodiad');
    expect(people).toContain('Arweinydd addysg cenedlaethol (NLE)');
    const person = visibleText((await welsh(`/admin/people/${head.user.id}`, admin)).body);
    expect(person).toContain('Ysgol y Castell (gweinyddwr), Ysgol Glan y Môr (aelod)');
    expect(person).toContain('Dynodiad arweinydd system');
    expect(person).toContain('Arweinydd llywodraethu cenedlaethol (NLG)');
    expect(person).toContain('Dim dynodiad');

    const notFound = await welsh('/admin/people?email=nobody%40example.org', admin);
    expect(notFound.statusCode).toBe(400);
    noEnglish('unknown email', notFound.body);
    expect(visibleText(notFound.body)).toContain('Does gan neb gyfrif gyda’r cyfeiriad e-bost hwnnw');
    const empty = await welsh('/admin/people?email=', admin);
    expect(visibleText(empty.body)).toContain('Rhowch gyfeiriad e-bost cyfrif yr unigolyn');
    const refused = await post(`/admin/people/${head.user.id}/designation`, admin, {});
    expect(refused.statusCode).toBe(400);
    noEnglish('no designation chosen', refused.body);
    expect(visibleText(refused.body)).toContain('Dewiswch ddynodiad yr unigolyn, neu dim dynodiad');
  });

  it('shows an organisation, its officers, the bulk preview and the invitation banner in Welsh', async () => {
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    const organisation = await createOrganisation(t.db, {
      kind: 'consortium',
      name: 'Consortiwm y De',
      schools: [{ urn: SCHOOL, sharesRecords: true }],
    });
    await signIn(t.app, t.db, { name: 'Owain Swyddog', organisations: [organisation] });
    const empty = await createOrganisation(t.db, { kind: 'trust', name: 'Ymddiriedolaeth Wag' });
    for (const url of [
      `/admin/organisations/${organisation}`,
      `/admin/organisations/${organisation}?invited=owain%40example.org&added=2`,
      `/admin/organisations/${empty}`,
    ]) {
      const res = await welsh(url, admin);
      expect(res.statusCode, url).toBe(200);
      noEnglish(url, res.body);
    }
    const page = visibleText(
      (await welsh(`/admin/organisations/${organisation}?invited=owain%40example.org`, admin)).body,
    );
    expect(page).toContain('Rydym wedi anfon gwahoddiad drwy e-bost at owain@example.org.');
    expect(page).toContain('Consortiwm rhanbarthol');
    expect(page).toContain('Owain Swyddog');
    expect(page).toContain('Gwahodd swyddog');
    expect(visibleText((await welsh(`/admin/organisations/${empty}`, admin)).body)).toContain(
      'Dim swyddogion eto.',
    );

    const preview = await post(`/admin/organisations/${organisation}/schools/preview`, admin, {
      by: 'urns',
      urns: `${SCHOOL} ${OTHER} 999999`,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<html lang="cy"');
    noEnglish('bulk preview', preview.body);
    const previewText = visibleText(preview.body);
    expect(previewText).toContain('Bydd 1 ysgol yn cael ei hychwanegu.');
    expect(previewText).toContain('Mae 1 ysgol yn y sefydliad yn barod.');
    expect(previewText).toContain('felly caiff ei adael allan: 999999.');
    // Three to add and two unknown: the plural forms, not the words for one school.
    const more = await post(`/admin/organisations/${organisation}/schools/preview`, admin, {
      by: 'urns',
      urns: `${OTHER} ${MORE.join(' ')} 999998 999999`,
    });
    const moreText = visibleText(more.body);
    expect(moreText).toContain('Bydd 3 ysgol yn cael eu hychwanegu.');
    expect(moreText).toContain('Does gan yr un ysgol agored y ddau URN hyn, felly cânt eu gadael allan');
    noEnglish('bulk preview of three', more.body);
    const badUrn = await post(`/admin/organisations/${organisation}/schools`, admin, { urn: 'abc' });
    expect(badUrn.statusCode).toBe(400);
    noEnglish('bad URN', badUrn.body);
  });

  it('shows the audit log in Welsh: its action names from the catalogue, Welsh dates, the stored details kept', async () => {
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    const head = await signIn(t.app, t.db, { schools: [{ urn: SCHOOL, role: 'admin' }] });
    expect(
      (await post('/admin/organisations', admin, { kind: 'hub', name: 'Hyb y Gorllewin' })).statusCode,
    ).toBe(303);
    expect(
      (await post(`/admin/people/${head.user.id}/designation`, admin, { designation: 'SLE' })).statusCode,
    ).toBe(303);
    const stored = await t.db.selectFrom('audit_log').select(['action', 'details']).orderBy('id').execute();
    expect(stored.map((e) => e.action)).toEqual(['organisation.created', 'account.designation-set']);
    expect(stored[1]!.details).toEqual({ from: null, to: 'SLE' });

    const log = await welsh('/admin/audit', admin);
    expect(log.statusCode).toBe(200);
    noEnglish('/admin/audit', log.body);
    const text = visibleText(log.body);
    expect(text).toContain('Log archwilio');
    expect(text).toContain('2 gofnod.');
    expect(text).toContain('Sefydlu sefydliad');
    expect(text).toContain('Cofnodi dynodiad arweinydd system');
    expect(text).toContain('O: dim');
    expect(text).toContain('I: SLE');
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date());
    expect(text).not.toContain(month);

    const schoolLog = await welsh(`/schools/${SCHOOL}/audit`, head);
    expect(schoolLog.statusCode).toBe(200);
    noEnglish('school audit', schoolLog.body);
    expect(visibleText(schoolLog.body)).toContain('Log archwilio Ysgol y Castell');
  });
});
