import { describe, expect, it } from 'vitest';
import { createOrganisation, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const SCHOOL = 660001;
const OTHER = 660002;

describe('school settings, an organisation’s schools, error pages and the administration pages in Welsh', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: SCHOOL, name: 'Ysgol y Castell' });
    await insertSchool(db, { urn: OTHER, name: 'Ysgol Glan y Môr' });
  });

  const { get: welsh, post } = inWelsh(() => t.app);

  it('shows a school administrator their school’s settings in Welsh', async () => {
    const head = await signIn(t.app, t.db, { schools: [{ urn: SCHOOL, role: 'admin' }] });
    for (const url of [`/schools/${SCHOOL}/settings`, `/schools/${SCHOOL}/settings?saved=1`]) {
      const res = await welsh(url, head);
      expect(res.statusCode, url).toBe(200);
      expect(englishLeftIn(res.body), url).toEqual([]);
    }
    const page = visibleText((await welsh(`/schools/${SCHOOL}/settings`, head)).body);
    expect(page).toContain('Gosodiadau’r ysgol');
    expect(page).toContain('Sawl ysgol allwch chi eu cefnogi ar yr un pryd?');
    expect(page).toContain('Cadw’r gosodiadau');
  });

  it('shows an organisation officer its schools and the bulk addition form in Welsh', async () => {
    const organisation = await createOrganisation(t.db, {
      kind: 'consortium',
      name: 'Consortiwm y Gogledd',
      schools: [{ urn: SCHOOL, sharesRecords: true }, { urn: OTHER }],
    });
    const officer = await signIn(t.app, t.db, { organisations: [organisation] });
    for (const url of [
      `/organisations/${organisation}/schools`,
      `/organisations/${organisation}/schools?added=2`,
    ]) {
      const res = await welsh(url, officer);
      expect(res.statusCode, url).toBe(200);
      expect(englishLeftIn(res.body), url).toEqual([]);
    }
    const page = visibleText((await welsh(`/organisations/${organisation}/schools?added=2`, officer)).body);
    expect(page).toContain('Ychwanegwyd 2 ysgol.');
    expect(page).toContain('Consortiwm y Gogledd: ysgolion');
    expect(page).toContain('Yn rhannu ei chofnodion');
    expect(page).toContain('Nid yw’n rhannu');
    expect(page).toContain('Ychwanegu llawer o ysgolion');
    expect(page).toContain('Dewiswch awdurdod lleol');
  });

  it('shows the error pages in Welsh', async () => {
    const someone = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'member' }] });
    const missing = await welsh('/no-such-page', someone);
    expect(missing.statusCode).toBe(404);
    expect(englishLeftIn(missing.body)).toEqual([]);
    const refused = await welsh('/admin', someone);
    expect(refused.statusCode).toBe(403);
    expect(englishLeftIn(refused.body)).toEqual([]);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/schools/${OTHER}/settings`,
      headers: {
        cookie: `${someone.cookie}; s2s-lang=cy`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'capacityToSupport=1',
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(englishLeftIn(noCsrf.body)).toEqual([]);
    expect(noCsrf.body).toContain('<html lang="cy"');
    expect((await post(`/schools/${OTHER}/settings`, someone, { capacityToSupport: '1' })).statusCode).toBe(
      303,
    );
  });

  it('shows a platform administrator the administration pages in Welsh', async () => {
    await createOrganisation(t.db, { kind: 'hub', name: 'Hyb y Cymoedd', schools: [{ urn: SCHOOL }] });
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    for (const url of ['/admin']) {
      const res = await welsh(url, admin);
      expect(res.statusCode, url).toBe(200);
      expect(englishLeftIn(res.body), url).toEqual([]);
    }
    const index = visibleText((await welsh('/admin', admin)).body);
    expect(index).toContain('Gweinyddu’r platfform');
    expect(index).toContain('Hyb y Cymoedd');
    const refused = await post('/admin/organisations', admin, { name: '' });
    expect(refused.statusCode).toBe(400);
    expect(visibleText(refused.body)).toContain('Dewiswch y math o sefydliad');
    expect(visibleText(refused.body)).toContain('Rhowch enw’r sefydliad');
  });
});
