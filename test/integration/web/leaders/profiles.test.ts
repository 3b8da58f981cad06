import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { profileForm, publishProfile } from '../../../helpers/leaders.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const BASE = 640001;
const NEEDY = 640002;
const FAR = 640003;

describe('system-leader profiles', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: BASE, name: 'Base Primary', lat: 53.8, lon: -1.55 });
      await insertSchool(db, { urn: NEEDY, name: 'Needy Primary', lat: 53.85, lon: -1.55 });
      await insertSchool(db, { urn: FAR, name: 'Far Primary', lat: 54.8, lon: -1.55 });
    },
    { fresh: 'test' },
  );

  const directory = async (query = '') => (await t.app.inject(`/api/system-leaders${query}`)).json();
  const idOf = async (userId: number) =>
    (
      await t.db
        .selectFrom('system_leader_profiles')
        .select('id')
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).id;

  it('keeps a profile private until its owner publishes it', async () => {
    const ada = await signIn(t.app, t.db, { name: 'Ada Leader' });
    await publishProfile(t.app, ada, { urn: BASE }, { publish: false });
    const id = await idOf(ada.user.id);

    expect((await directory()).total).toBe(0);
    const stranger = await signIn(t.app, t.db);
    for (const headers of [{}, stranger.headers]) {
      expect((await t.app.inject({ url: `/system-leaders/${id}`, headers })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/api/system-leaders/${id}`, headers })).statusCode).toBe(404);
    }
    const preview = await t.app.inject({ url: `/system-leaders/${id}`, headers: ada.headers });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Only you can see this profile');
  });

  it('lists a published profile in the directory and the API, with verified designations', async () => {
    const ada = await signIn(t.app, t.db, { name: 'Ada Leader', systemLeader: 'NLE' });
    await publishProfile(t.app, ada, {
      urn: BASE,
      claimedDesignations: ['SLE'],
      expertise: ['literacy', 'leadership'],
      phases: ['primary'],
    });
    const answer = await directory();
    expect(answer.total).toBe(1);
    expect(answer.items[0]).toMatchObject({
      name: 'Ada Leader',
      jobTitle: 'Executive headteacher',
      school: { urn: BASE, name: 'Base Primary' },
      designations: [
        { code: 'NLE', verified: true },
        { code: 'SLE', verified: false },
      ],
      expertise: ['leadership', 'literacy'],
      phases: ['primary'],
      travelKm: 20,
      worksRemotely: false,
    });
    expect(answer.items[0].daysAvailable).toBeGreaterThan(0);
    expect(answer.dataset).toBeDefined();
    const page = await t.app.inject('/system-leaders');
    expect(page.body).toContain('Ada Leader');
    expect(page.body).toContain('NLE verified');
  });

  it('hides a withdrawn profile from everyone else at once', async () => {
    const ada = await signIn(t.app, t.db, { name: 'Ada Leader' });
    await publishProfile(t.app, ada, { urn: BASE });
    const id = await idOf(ada.user.id);
    expect((await t.app.inject(`/system-leaders/${id}`)).statusCode).toBe(200);

    const withdrawn = await postForm(
      t.app,
      '/account/system-leader/withdraw',
      { _csrf: ada.csrfToken },
      ada.headers,
    );
    expect(withdrawn.statusCode).toBe(303);
    expect((await directory()).total).toBe(0);
    expect((await t.app.inject(`/system-leaders/${id}`)).statusCode).toBe(404);
    expect((await t.app.inject('/system-leaders')).body).not.toContain('Ada Leader');
  });

  it('lets only the person change their own profile', async () => {
    const ada = await signIn(t.app, t.db, { name: 'Ada Leader' });
    await publishProfile(t.app, ada, { urn: BASE, jobTitle: 'Headteacher' });
    const admin = await signIn(t.app, t.db, { name: 'Pat Admin', platformAdmin: true });
    // The only form acts on the signed-in person's own profile: another's post makes their own.
    await publishProfile(
      t.app,
      admin,
      { urn: BASE, jobTitle: 'Changed by someone else' },
      { publish: false },
    );
    const rows = await t.db
      .selectFrom('system_leader_profiles')
      .select(['user_id', 'job_title'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { user_id: ada.user.id, job_title: 'Headteacher' },
      { user_id: admin.user.id, job_title: 'Changed by someone else' },
    ]);
    const anonymous = await t.app.inject({ method: 'POST', url: '/account/system-leader/withdraw' });
    expect(anonymous.statusCode).toBe(403);
    expect((await directory()).total).toBe(1);
  });

  it('sends an anonymous visitor of the profile form to sign in', async () => {
    const response = await t.app.inject('/account/system-leader');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Faccount%2Fsystem-leader');
  });

  it('names each field that is wrong and keeps what was typed', async () => {
    const ada = await signIn(t.app, t.db);
    const response = await postForm(
      t.app,
      '/account/system-leader',
      {
        _csrf: ada.csrfToken,
        ...profileForm({ urn: BASE, jobTitle: 'Keep me', expertise: [], daysPerTerm: 'six', travelKm: '' }),
      },
      ada.headers,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#expertise"');
    expect(response.body).toContain('Choose at least one area of expertise');
    expect(response.body).toContain('href="#daysPerTerm"');
    expect(response.body).toContain('value="Keep me"');
    const unknownSchool = await postForm(
      t.app,
      '/account/system-leader',
      { _csrf: ada.csrfToken, ...profileForm({ urn: 999999 }) },
      ada.headers,
    );
    expect(unknownSchool.statusCode).toBe(400);
    expect(unknownSchool.body).toContain('There is no school with URN 999999');
    expect(await t.db.selectFrom('system_leader_profiles').selectAll().execute()).toEqual([]);
  });

  it('finds leaders who reach a school, with the distance and the reasons', async () => {
    const near = await signIn(t.app, t.db, { name: 'Near Leader' });
    await publishProfile(t.app, near, { urn: BASE, expertise: ['literacy'] });
    const far = await signIn(t.app, t.db, { name: 'Far Leader' });
    await publishProfile(t.app, far, { urn: FAR, expertise: ['literacy'] });
    const remote = await signIn(t.app, t.db, { name: 'Remote Leader' });
    await publishProfile(t.app, remote, {
      urn: FAR,
      expertise: ['numeracy'],
      travelKm: '',
      worksRemotely: true,
    });

    const answer = await directory(`?near=${NEEDY}&expertise=literacy,numeracy&available=true`);
    expect(answer.near).toEqual({ urn: NEEDY, name: 'Needy Primary' });
    expect(answer.items.map((i: { name: string }) => i.name)).toEqual(['Near Leader', 'Remote Leader']);
    expect(answer.items[0].distanceKm).toBeCloseTo(5.6, 0);
    expect(answer.items[0].reasons[0]).toBe('Expertise in literacy (reading, writing, English)');
    expect(answer.items[0].reasons[1]).toMatch(/^5\.\d km from Needy Primary, within the 20 km they travel$/);

    const bad = await t.app.inject('/api/system-leaders?near=999999&expertise=cooking');
    expect(bad.statusCode).toBe(400);
    const page = await t.app.inject('/system-leaders?near=999999');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is no open school with URN 999999');
  });

  it("suggests leaders for a school's declared needs, to its members only", async () => {
    const leader = await signIn(t.app, t.db, { name: 'Lit Leader' });
    await publishProfile(t.app, leader, { urn: BASE, expertise: ['literacy'] });
    const member = await signIn(t.app, t.db, { schools: [{ urn: NEEDY }] });
    const none = await t.app.inject({ url: `/schools/${NEEDY}/system-leaders`, headers: member.headers });
    expect(none.body).toContain('has not said where it would like support');

    await postForm(
      t.app,
      `/schools/${NEEDY}/settings`,
      { _csrf: member.csrfToken, capacityToSupport: '0', needs: ['literacy'] },
      member.headers,
    );
    const page = await t.app.inject({ url: `/schools/${NEEDY}/system-leaders`, headers: member.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Lit Leader');

    const stranger = await signIn(t.app, t.db);
    expect(
      (await t.app.inject({ url: `/schools/${NEEDY}/system-leaders`, headers: stranger.headers })).statusCode,
    ).toBe(403);
  });
});
