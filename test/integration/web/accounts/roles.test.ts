import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { MemoryMailer } from '../../../../src/mail/mailer.ts';
import { buildApp } from '../../../../src/web/app.ts';
import { SESSION_COOKIE } from '../../../../src/web/plugins/session.ts';
import { createUser, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import { anonymousCsrf, postForm, setCookie, postFormAnonymously } from '../../../helpers/forms.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const OAK = 200001;
const ELM = 200002;

describe('invitations, members, sharing, the audit log and platform administration', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const mailer = new MemoryMailer();
  let oakAdmin: SignedIn;
  let oakMember: SignedIn;
  let elmAdmin: SignedIn;
  let stranger: SignedIn;
  let platformAdmin: SignedIn;

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: OAK, name: 'Oak Primary' });
    await insertSchool(t.db, { urn: ELM, name: 'Elm Primary' });
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), db: t.db, mailer });
    oakAdmin = await signIn(app, t.db, {
      name: 'Olive Admin',
      email: 'admin@oak.example.org',
      schools: [{ urn: OAK, role: 'admin' }],
    });
    oakMember = await signIn(app, t.db, { name: 'Otto Member', schools: [{ urn: OAK }] });
    elmAdmin = await signIn(app, t.db, { schools: [{ urn: ELM, role: 'admin' }] });
    stranger = await signIn(app, t.db);
    platformAdmin = await signIn(app, t.db, { platformAdmin: true, email: 'platform@example.org' });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const linkIn = (to: string) => {
    const message = mailer.sent.filter((m) => m.to === to).at(-1);
    return /(\/invitations\/[\w-]+)/.exec(message?.text ?? '')?.[1];
  };
  const get = (url: string, who?: SignedIn) => app.inject({ url, headers: who?.headers ?? {} });

  describe('every private page refuses the wrong people', () => {
    const cases: { url: string; allowed: () => SignedIn; refused: () => SignedIn[] }[] = [
      {
        url: `/schools/${OAK}/members`,
        allowed: () => oakAdmin,
        refused: () => [oakMember, elmAdmin, stranger],
      },
      {
        url: `/schools/${OAK}/audit`,
        allowed: () => oakAdmin,
        refused: () => [oakMember, elmAdmin, stranger],
      },
      {
        url: `/schools/${OAK}/sharing`,
        allowed: () => oakAdmin,
        refused: () => [oakMember, elmAdmin, stranger, platformAdmin],
      },
      { url: '/admin', allowed: () => platformAdmin, refused: () => [oakAdmin, stranger] },
      { url: '/admin/audit', allowed: () => platformAdmin, refused: () => [oakAdmin, stranger] },
    ];
    for (const c of cases) {
      it(`${c.url}: anonymous to sign in, others 403, the right user 200`, async () => {
        const anonymous = await get(c.url);
        expect(anonymous.statusCode).toBe(303);
        expect(anonymous.headers.location).toMatch(/^\/sign-in\?next=/);
        for (const who of c.refused()) expect((await get(c.url, who)).statusCode).toBe(403);
        expect((await get(c.url, c.allowed())).statusCode).toBe(200);
      });
    }

    it('refuses the unsafe requests too, and changes nothing', async () => {
      const before = await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const attempts: [string, Record<string, string>][] = [
        [`/schools/${OAK}/invitations`, { email: 'x@example.org', role: 'admin' }],
        [`/schools/${OAK}/members/${oakMember.user.id}/remove`, {}],
        [`/schools/${OAK}/sharing`, { share: '1' }],
        ['/admin/organisations', { kind: 'trust', name: 'Sneaky Trust' }],
      ];
      for (const [url, fields] of attempts) {
        for (const who of [oakMember, elmAdmin, stranger]) {
          const response = await postForm(app, url, { _csrf: who.csrfToken, ...fields }, who.headers);
          expect(response.statusCode, `${url} as ${who.user.email}`).toBe(403);
        }
        const response = await postFormAnonymously(app, url, { ...fields });
        expect(response.statusCode).toBe(303);
        expect(response.headers.location).toBe('/sign-in');
      }
      const after = await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
      expect(mailer.sent.filter((m) => m.to === 'x@example.org')).toEqual([]);
    });
  });

  it('a school admin invites a new person, who creates an account and joins the school', async () => {
    const invite = await postForm(
      app,
      `/schools/${OAK}/invitations`,
      { _csrf: oakAdmin.csrfToken, email: 'New.Teacher@oak.example.org', role: 'member' },
      oakAdmin.headers,
    );
    expect(invite.statusCode).toBe(303);
    const link = linkIn('New.Teacher@oak.example.org')!;
    expect(mailer.sent.at(-1)?.subject).toBe('You are invited to join Oak Primary on S2S');

    const members = await get(`/schools/${OAK}/members`, oakAdmin);
    expect(members.body).toContain('new.teacher@oak.example.org');
    expect(members.body).toContain('Invitations waiting for an answer');

    const page = await get(link);
    expect(page.body).toContain('Oak Primary');
    expect(page.body).toContain('Create account and accept');
    const csrf = await anonymousCsrf(app);
    const short = await postForm(
      app,
      link,
      { _csrf: csrf.csrfToken, name: 'Nia Teacher', password: 'short', confirmPassword: 'short' },
      { cookie: csrf.cookie },
    );
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Password must be 10 characters or more');
    expect(short.body).toContain('value="Nia Teacher"');
    const accepted = await postForm(
      app,
      link,
      {
        _csrf: csrf.csrfToken,
        name: 'Nia Teacher',
        password: 'a long enough password',
        confirmPassword: 'a long enough password',
      },
      { cookie: csrf.cookie },
    );
    expect(accepted.statusCode).toBe(303);
    const session = setCookie(accepted, SESSION_COOKIE)!;
    const me = await app.inject({ url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${session}` } });
    expect(me.json().user).toMatchObject({
      name: 'Nia Teacher',
      email: 'new.teacher@oak.example.org',
      schools: [{ urn: OAK, role: 'member' }],
    });

    const used = await get(link);
    expect(used.statusCode).toBe(404);
    expect(used.body).toContain('This invitation has already been used');
    expect(used.body).not.toContain('expired');
    expect((await get('/invitations/not-a-real-token')).body).toContain('This invitation has expired');
    const audit = await get(`/schools/${OAK}/audit`, oakAdmin);
    expect(audit.body).toContain('Invited someone to join the school');
    expect(audit.body).toContain('Joined the school');
    expect(audit.body).toContain('New account: yes');
    // Readable descriptions, never the raw record.
    expect(audit.body).not.toMatch(/school\.member-|[{]&quot;|[{]"/);
    expect(audit.body).toContain('admin@oak.example.org');
    expect((await get(`/schools/${ELM}/audit`, elmAdmin)).body).not.toContain('new.teacher@oak.example.org');
  });

  it('someone with an account signs in as the invited address to accept', async () => {
    const existing = await signIn(app, t.db, { email: 'existing@example.org', schools: [{ urn: ELM }] });
    await postForm(
      app,
      `/schools/${OAK}/invitations`,
      { _csrf: oakAdmin.csrfToken, email: 'existing@example.org', role: 'admin' },
      oakAdmin.headers,
    );
    const link = linkIn('existing@example.org')!;
    expect((await get(link)).body).toContain('Sign in as existing@example.org');
    expect((await get(link, stranger)).body).toContain('This invitation is for existing@example.org');
    const refused = await postForm(app, link, { _csrf: stranger.csrfToken }, stranger.headers);
    expect(refused.statusCode).toBe(200);
    expect(
      (await app.inject({ url: '/api/session', headers: stranger.headers })).json().user.schools,
    ).toEqual([]);

    const accepted = await postForm(app, link, { _csrf: existing.csrfToken }, existing.headers);
    expect(accepted.statusCode).toBe(303);
    const session = setCookie(accepted, SESSION_COOKIE)!;
    const me = await app.inject({ url: '/api/session', headers: { cookie: `${SESSION_COOKIE}=${session}` } });
    expect(me.json().user.schools).toEqual(
      [
        { urn: OAK, role: 'admin' },
        { urn: ELM, role: 'member' },
      ].sort((a, b) => a.urn - b.urn),
    );
  });

  it('a school admin removes a member, but not themselves', async () => {
    const leaving = await createUser(t.db, { email: 'leaving@example.org', schools: [{ urn: OAK }] });
    const self = await postForm(
      app,
      `/schools/${OAK}/members/${oakAdmin.user.id}/remove`,
      { _csrf: oakAdmin.csrfToken },
      oakAdmin.headers,
    );
    expect(self.statusCode).toBe(403);
    const removed = await postForm(
      app,
      `/schools/${OAK}/members/${leaving.id}/remove`,
      { _csrf: oakAdmin.csrfToken },
      oakAdmin.headers,
    );
    expect(removed.statusCode).toBe(303);
    const members = await get(`/schools/${OAK}/members?removed=leaving%40example.org`, oakAdmin);
    expect(members.body).toContain('leaving@example.org is no longer a member');
    expect(
      await t.db.selectFrom('school_memberships').where('user_id', '=', leaving.id).selectAll().execute(),
    ).toEqual([]);
    expect((await get(`/schools/${OAK}/audit`, oakAdmin)).body).toContain('Removed a member of the school');
  });

  it('a platform admin sets up an organisation; the school decides whether to share with it', async () => {
    const created = await postForm(
      app,
      '/admin/organisations',
      { _csrf: platformAdmin.csrfToken, kind: 'local-authority', name: 'Leeds City Council' },
      platformAdmin.headers,
    );
    expect(created.statusCode).toBe(303);
    const orgUrl = created.headers.location!;
    const duplicate = await postForm(
      app,
      '/admin/organisations',
      { _csrf: platformAdmin.csrfToken, kind: 'local-authority', name: 'leeds city council' },
      platformAdmin.headers,
    );
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('There is already a local authority called');

    const badUrn = await postForm(
      app,
      `${orgUrl}/schools`,
      { _csrf: platformAdmin.csrfToken, urn: '999999' },
      platformAdmin.headers,
    );
    expect(badUrn.body).toContain('No school has that URN');
    await postForm(
      app,
      `${orgUrl}/schools`,
      { _csrf: platformAdmin.csrfToken, urn: String(OAK) },
      platformAdmin.headers,
    );
    await postForm(
      app,
      `${orgUrl}/invitations`,
      { _csrf: platformAdmin.csrfToken, email: 'officer@leeds.example.org' },
      platformAdmin.headers,
    );
    const link = linkIn('officer@leeds.example.org')!;
    const joined = await postFormAnonymously(app, link, {
      name: 'Omar Officer',
      password: 'officer password 1',
      confirmPassword: 'officer password 1',
    });
    const officerCookie = `${SESSION_COOKIE}=${setCookie(joined, SESSION_COOKIE)}`;
    const officer = (await app.inject({ url: '/api/session', headers: { cookie: officerCookie } })).json()
      .user;
    expect(officer.organisations).toMatchObject([{ name: 'Leeds City Council', kind: 'local-authority' }]);

    const organisationId = officer.organisations[0].id as number;
    const sharesWith = async () =>
      (
        await t.db
          .selectFrom('organisation_schools')
          .select('shares_records')
          .where('urn', '=', OAK)
          .where('organisation_id', '=', organisationId)
          .executeTakeFirstOrThrow()
      ).shares_records;
    expect(await sharesWith()).toBe(false);
    const sharing = await get(`/schools/${OAK}/sharing`, oakAdmin);
    expect(sharing.body).toContain('Leeds City Council');
    await postForm(
      app,
      `/schools/${OAK}/sharing`,
      { _csrf: oakAdmin.csrfToken, share: String(organisationId) },
      oakAdmin.headers,
    );
    expect(await sharesWith()).toBe(true);
    await postForm(app, `/schools/${OAK}/sharing`, { _csrf: oakAdmin.csrfToken }, oakAdmin.headers);
    expect(await sharesWith()).toBe(false);
    const audit = await get(`/schools/${OAK}/audit`, oakAdmin);
    expect(audit.body).toContain('Agreed to share the school’s records with an organisation');
    expect(audit.body).toContain('Stopped sharing the school’s records with an organisation');

    const all = await get('/admin/audit', platformAdmin);
    expect(all.body).toContain('Set up an organisation');
    expect(all.body).toContain('Joined an organisation as an officer');
  });

  it('lets a platform admin open any school’s members page to invite its first administrator', async () => {
    const go = await get(`/admin/school?urn=${ELM}`, platformAdmin);
    expect(go.headers.location).toBe(`/schools/${ELM}/members`);
    expect((await get(`/schools/${ELM}/members`, platformAdmin)).statusCode).toBe(200);
    expect((await get('/admin/school?urn=12', platformAdmin)).body).toContain(
      'Enter the school’s URN (6 digits) or Welsh school number (7 digits)',
    );
  });
});
