import { beforeEach, describe, expect, it } from 'vitest';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { visibleText } from '../../../helpers/page-text.ts';

const YORK = [510001, 510002, 510003];
const CLOSED_IN_YORK = 510004;
const OAK_TRUST = [510011, 510012];

describe('adding schools to an organisation in bulk', () => {
  const t = useTestApp(async (db) => {
    for (const urn of YORK)
      await insertSchool(db, { urn, name: `York School ${urn}`, laCode: '816', laName: 'York' });
    await insertSchool(db, { urn: CLOSED_IN_YORK, laCode: '816', laName: 'York', open: false });
    for (const urn of OAK_TRUST)
      await insertSchool(db, { urn, name: `Oak School ${urn}`, trust: 'Oak Learning Trust' });
  });
  let admin: SignedIn;
  let officer: SignedIn;
  let id: number;
  const post = (who: SignedIn, path: string, fields: Record<string, string>) =>
    postForm(t.app, `/admin/organisations/${id}${path}`, { _csrf: who.csrfToken, ...fields }, who.headers);
  const members = async () =>
    (await t.db.selectFrom('organisation_schools').select('urn').where('organisation_id', '=', id).execute())
      .map((r) => r.urn)
      .sort();

  beforeEach(async () => {
    id = await createOrganisation(t.db, { name: 'City of York Council', schools: [{ urn: YORK[0]! }] });
    admin = await signIn(t.app, t.db, { platformAdmin: true });
    officer = await signIn(t.app, t.db, { organisations: [id] });
  });

  it('previews every open school of a local authority, saying which are in already, and changes nothing', async () => {
    const preview = await post(admin, '/schools/preview', { by: 'la', la: '816' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('2 schools will be added.');
    expect(visibleText(preview.body)).toContain('1 school is in the organisation already.');
    expect(preview.body).toContain('York School 510002');
    expect(preview.body).not.toContain(String(CLOSED_IN_YORK));
    expect(await members()).toEqual([YORK[0]]);
  });

  it('adds them on confirmation, audited, and says how many', async () => {
    const added = await post(admin, '/schools/bulk', { by: 'la', la: '816' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/admin/organisations/${id}?added=2`);
    expect((await t.app.inject({ url: added.headers.location!, headers: admin.headers })).body).toContain(
      'Added 2 schools.',
    );
    expect(await members()).toEqual(YORK);
    const audited = await t.db
      .selectFrom('audit_log')
      .select('urn')
      .where('action', '=', 'organisation.school-added')
      .execute();
    expect(audited.map((a) => a.urn).sort()).toEqual([YORK[1], YORK[2]]);
  });

  it('adds every school of a trust, named in any case', async () => {
    expect(
      (await post(admin, '/schools/preview', { by: 'trust', trust: 'oak learning trust' })).body,
    ).toContain('Oak School 510012');
    await post(admin, '/schools/bulk', { by: 'trust', trust: 'Oak Learning Trust' });
    expect(await members()).toEqual([YORK[0], ...OAK_TRUST]);
  });

  it('takes a pasted list of URNs, naming those that match no open school', async () => {
    const preview = await post(admin, '/schools/preview', {
      by: 'urns',
      urns: `${YORK[0]}, 999999\n${CLOSED_IN_YORK}`,
    });
    expect(preview.body).toContain('0 schools will be added.');
    expect(preview.body).toContain('left out: 999999, 510004');
  });

  it('names what is wrong with the choice', async () => {
    const none = await post(admin, '/schools/preview', {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose how to pick the schools');
    const bad = await post(admin, '/schools/preview', { by: 'urns', urns: '12ab' });
    expect(bad.body).toContain('Each is a URN (6 digits) or a Welsh school number (7 digits)');
    const unknownTrust = await post(admin, '/schools/preview', { by: 'trust', trust: 'No Such Trust' });
    expect(unknownTrust.body).toContain('No open school records that trust');
  });

  it('is for platform administrators only', async () => {
    expect((await post(officer, '/schools/preview', { by: 'la', la: '816' })).statusCode).toBe(403);
    expect((await post(officer, '/schools/bulk', { by: 'la', la: '383' })).statusCode).toBe(403);
    expect(await members()).toEqual([YORK[0]]);
  });
});
