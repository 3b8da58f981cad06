import { beforeEach, describe, expect, it } from 'vitest';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm, postFormAnonymously } from '../../../helpers/forms.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const OAK = 630001;

describe('a platform administrator records who holds a system-leader designation', () => {
  const t = useTestApp((db) => insertSchool(db, { urn: OAK, name: 'Oak Primary' }));
  let platformAdmin: SignedIn;
  let head: SignedIn;
  let others: Record<string, SignedIn>;

  beforeEach(async () => {
    platformAdmin = await signIn(t.app, t.db, { name: 'Pat Admin', platformAdmin: true });
    head = await signIn(t.app, t.db, {
      name: 'Hana Head',
      email: 'hana.head@oak.example.org',
      schools: [{ urn: OAK, role: 'admin' }],
    });
    const organisationId = await createOrganisation(t.db, { schools: [{ urn: OAK, sharesRecords: true }] });
    others = {
      'the person themselves': head,
      'a school member': await signIn(t.app, t.db, { schools: [{ urn: OAK }] }),
      'an organisation officer': await signIn(t.app, t.db, { organisations: [organisationId] }),
      'a system leader': await signIn(t.app, t.db, { systemLeader: 'NLE' }),
      'a stranger': await signIn(t.app, t.db),
    };
  });

  const personPage = () => `/admin/people/${head.user.id}`;
  const choose = (designation: string | undefined, who: SignedIn = platformAdmin) =>
    postForm(
      t.app,
      `${personPage()}/designation`,
      { _csrf: who.csrfToken, ...(designation === undefined ? {} : { designation }) },
      who.headers,
    );
  const designationOf = async (userId: number) =>
    (
      await t.db
        .selectFrom('system_leaders')
        .select('designation')
        .where('user_id', '=', userId)
        .executeTakeFirst()
    )?.designation ?? null;
  const audit = () =>
    t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_email', 'subject', 'details'])
      .where('action', 'like', 'account.designation%')
      .orderBy('id')
      .execute();

  it('sends an anonymous visitor to sign in, and changes nothing', async () => {
    for (const url of ['/admin/people', personPage()]) {
      const response = await t.app.inject(url);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    }
    const post = await postFormAnonymously(t.app, `${personPage()}/designation`, { designation: 'NLE' });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe('/sign-in');
    expect(await designationOf(head.user.id)).toBeNull();
  });

  it('refuses everyone but platform administrators, the person themselves included', async () => {
    for (const [who, user] of Object.entries(others)) {
      for (const url of ['/admin/people', personPage()]) {
        expect((await t.app.inject({ url, headers: user.headers })).statusCode, `${who}: ${url}`).toBe(403);
      }
      expect((await choose('NLE', user)).statusCode, who).toBe(403);
    }
    expect(await designationOf(head.user.id)).toBeNull();
    expect(await audit()).toEqual([]);
  });

  it('finds a person by email, and says when no one has that address', async () => {
    const found = await t.app.inject({
      url: '/admin/people?email=%20Hana.Head@oak.example.org',
      headers: platformAdmin.headers,
    });
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(personPage());
    const missing = await t.app.inject({
      url: '/admin/people?email=nobody@example.org',
      headers: platformAdmin.headers,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('No one has an account with that email address');
    expect(missing.body).toContain('value="nobody@example.org"');
    const empty = await t.app.inject({ url: '/admin/people?email=', headers: platformAdmin.headers });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the email address of the person’s account');
    expect(
      (await t.app.inject({ url: '/admin/people/999999', headers: platformAdmin.headers })).statusCode,
    ).toBe(404);
  });

  it('sets a designation, shows it on the person’s account and in the list, and audits it', async () => {
    const page = await t.app.inject({ url: personPage(), headers: platformAdmin.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Hana Head');
    expect(page.body).toContain('Oak Primary (administrator)');
    expect(page.body).toMatch(/value="none"\s+checked/);

    const saved = await choose('SLE');
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${personPage()}?saved=1`);
    const after = await t.app.inject({ url: saved.headers.location!, headers: platformAdmin.headers });
    expect(after.body).toContain('The designation has been saved');
    expect(after.body).toMatch(/value="SLE"\s+checked/);

    const account = await t.app.inject({ url: '/account', headers: head.headers });
    expect(account.body).toContain('Specialist leader of education (SLE)');
    const list = await t.app.inject({ url: '/admin/people', headers: platformAdmin.headers });
    expect(list.body).toContain(`href="${personPage()}">Hana Head</a>`);

    expect(await audit()).toEqual([
      {
        action: 'account.designation-set',
        actor_email: platformAdmin.user.email,
        subject: 'hana.head@oak.example.org',
        details: { from: null, to: 'SLE' },
      },
    ]);
  });

  it('changes and then removes the designation, recording each change once', async () => {
    expect((await choose('SLE')).statusCode).toBe(303);
    expect((await choose('NLE')).statusCode).toBe(303);
    expect((await choose('NLE')).statusCode).toBe(303);
    expect(await designationOf(head.user.id)).toBe('NLE');
    expect((await choose('none')).statusCode).toBe(303);
    expect(await designationOf(head.user.id)).toBeNull();
    const account = await t.app.inject({ url: '/account', headers: head.headers });
    expect(account.body).toContain('No designation');
    expect((await audit()).slice(1).map((a) => [a.action, a.details])).toEqual([
      ['account.designation-set', { from: 'SLE', to: 'NLE' }],
      ['account.designation-removed', { from: 'NLE', to: null }],
    ]);
  });

  it('asks for a choice when none or an unknown one is sent, changing nothing', async () => {
    for (const designation of [undefined, 'Headteacher']) {
      const response = await choose(designation);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('govuk-error-summary');
      expect(response.body).toContain('href="#designation"');
      expect(response.body).toContain('Choose the person’s designation, or no designation');
    }
    expect(await designationOf(head.user.id)).toBeNull();
    expect(await audit()).toEqual([]);
  });
});
