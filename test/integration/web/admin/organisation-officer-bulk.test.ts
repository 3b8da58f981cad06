import { beforeEach, describe, expect, it } from 'vitest';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const YORK = [520001, 520002, 520003];
const OAK_TRUST = [520011, 520012];

describe('an organisation officer adds schools to their own organisation in bulk', () => {
  const t = useTestApp(async (db) => {
    for (const urn of YORK)
      await insertSchool(db, { urn, name: `York School ${urn}`, laCode: '816', laName: 'York' });
    for (const urn of OAK_TRUST)
      await insertSchool(db, { urn, name: `Oak School ${urn}`, trust: 'Oak Learning Trust' });
  });
  let officerA: SignedIn;
  let officerB: SignedIn;
  let schoolAdmin: SignedIn;
  let orgA: number;
  let orgB: number;
  const post = (who: SignedIn, org: number, path: string, fields: Record<string, string>) =>
    postForm(t.app, `/organisations/${org}/schools${path}`, { _csrf: who.csrfToken, ...fields }, who.headers);
  const members = async (org: number) =>
    (await t.db.selectFrom('organisation_schools').select('urn').where('organisation_id', '=', org).execute())
      .map((r) => r.urn)
      .sort();

  beforeEach(async () => {
    orgA = await createOrganisation(t.db, { name: 'City of York Council', schools: [{ urn: YORK[0]! }] });
    orgB = await createOrganisation(t.db, { kind: 'trust', name: 'Oak Learning Trust' });
    officerA = await signIn(t.app, t.db, { organisations: [orgA] });
    officerB = await signIn(t.app, t.db, { organisations: [orgB] });
    schoolAdmin = await signIn(t.app, t.db, { schools: [{ urn: YORK[1]!, role: 'admin' }] });
  });

  it('finds the page from the partnerships page, with the schools already in and the form', async () => {
    const index = await t.app.inject({ url: '/partnerships', headers: officerA.headers });
    expect(index.body).toContain(`href="/organisations/${orgA}/schools"`);
    const page = await t.app.inject({ url: `/organisations/${orgA}/schools`, headers: officerA.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('York School 520001');
    expect(page.body).toContain(`action="/organisations/${orgA}/schools/preview"`);
  });

  it('previews a local authority’s schools, then adds them on confirmation, audited', async () => {
    const preview = await post(officerA, orgA, '/preview', { by: 'la', la: '816' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('2 schools will be added.');
    expect(preview.body).toContain(`action="/organisations/${orgA}/schools/bulk"`);
    expect(await members(orgA)).toEqual([YORK[0]]);

    const added = await post(officerA, orgA, '/bulk', { by: 'la', la: '816' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/organisations/${orgA}/schools?added=2`);
    expect((await t.app.inject({ url: added.headers.location!, headers: officerA.headers })).body).toContain(
      'Added 2 schools.',
    );
    expect(await members(orgA)).toEqual(YORK);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['urn', 'actor_user_id'])
      .where('action', '=', 'organisation.school-added')
      .execute();
    expect(audited.map((a) => a.urn).sort()).toEqual([YORK[1], YORK[2]]);
    expect(new Set(audited.map((a) => a.actor_user_id))).toEqual(new Set([officerA.user.id]));
  });

  it('says what is wrong with the choice on the officer’s own page', async () => {
    const bad = await post(officerA, orgA, '/preview', { by: 'urns', urns: '12ab' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Each is a URN (6 digits) or a Welsh school number (7 digits)');
    expect(bad.body).toContain(`action="/organisations/${orgA}/schools/preview"`);
  });

  it('refuses an officer of another organisation with 403, changing nothing', async () => {
    expect(
      (await t.app.inject({ url: `/organisations/${orgB}/schools`, headers: officerA.headers })).statusCode,
    ).toBe(403);
    expect(
      (await post(officerA, orgB, '/preview', { by: 'trust', trust: 'Oak Learning Trust' })).statusCode,
    ).toBe(403);
    expect(
      (await post(officerA, orgB, '/bulk', { by: 'trust', trust: 'Oak Learning Trust' })).statusCode,
    ).toBe(403);
    expect((await post(officerB, orgA, '/bulk', { by: 'urns', urns: String(OAK_TRUST[0]) })).statusCode).toBe(
      403,
    );
    expect(await members(orgB)).toEqual([]);
    // Nothing added: only the school it started with.
    expect(await members(orgA)).toEqual([YORK[0]]);
  });

  it('refuses a school administrator, and sends an anonymous visitor to sign in', async () => {
    expect(
      (await post(schoolAdmin, orgA, '/bulk', { by: 'trust', trust: 'Oak Learning Trust' })).statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({ url: `/organisations/${orgA}/schools` });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);
    // Nothing added: only the school it started with.
    expect(await members(orgA)).toEqual([YORK[0]]);
  });

  it('answers 404 for an organisation that does not exist, to a platform administrator', async () => {
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    expect(
      (await t.app.inject({ url: '/organisations/999999/schools', headers: admin.headers })).statusCode,
    ).toBe(404);
  });
});
