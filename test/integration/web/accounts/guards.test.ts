import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { buildApp } from '../../../../src/web/app.ts';
import { SESSION_LIMITS } from '../../../../src/web/plugins/session.ts';
import { createOrganisation, signIn } from '../../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import { postForm } from '../../../helpers/forms.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const OWN = 100001;
const OTHER = 100002;

describe('who may see and change a school’s settings', () => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: OWN, name: 'Oak Primary' });
    await insertSchool(t.db, { urn: OTHER, name: 'Elm Primary' });
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), db: t.db });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const post = (url: string, headers: Record<string, string>, fields: Record<string, string | string[]>) =>
    postForm(app, url, fields, headers);

  it('sends an anonymous visitor to sign in, and back afterwards', async () => {
    const page = await app.inject(`/schools/${OWN}/settings`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/schools/${OWN}/settings`)}`);
    expect((await app.inject('/account')).headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('refuses a signed-in stranger and a member of another school', async () => {
    const stranger = await signIn(app, t.db);
    const otherMember = await signIn(app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    for (const who of [stranger, otherMember]) {
      const page = await app.inject({ url: `/schools/${OWN}/settings`, headers: who.headers });
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('You do not have permission');
      const change = await post(`/schools/${OWN}/settings`, who.headers, {
        _csrf: who.csrfToken,
        capacityToSupport: '3',
      });
      expect(change.statusCode).toBe(403);
    }
    const stored = await t.db.selectFrom('school_declarations').selectAll().execute();
    expect(stored).toEqual([]);
  });

  it('refuses a platform administrator and an organisation officer: the records are the school’s', async () => {
    const admin = await signIn(app, t.db, { platformAdmin: true });
    const organisation = await createOrganisation(t.db, { schools: [{ urn: OWN, sharesRecords: true }] });
    const officer = await signIn(app, t.db, { organisations: [organisation] });
    for (const who of [admin, officer]) {
      expect((await app.inject({ url: `/schools/${OWN}/settings`, headers: who.headers })).statusCode).toBe(
        403,
      );
    }
  });

  it('lets a member save the school’s capacity and needs, with an audit entry', async () => {
    const member = await signIn(app, t.db, { email: 'teacher@oak.example.org', schools: [{ urn: OWN }] });
    const page = await app.inject({ url: `/schools/${OWN}/settings`, headers: member.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Oak Primary');

    const saved = await post(`/schools/${OWN}/settings`, member.headers, {
      _csrf: member.csrfToken,
      capacityToSupport: '2',
      needs: ['leadership', 'send'],
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/schools/${OWN}/settings?saved=1`);
    const again = await app.inject({ url: saved.headers.location!, headers: member.headers });
    expect(again.body).toContain('have been saved');
    expect(again.body).toMatch(/value="leadership" checked/);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('urn', '=', OWN).execute();
    expect(audit).toMatchObject([
      {
        actor_email: 'teacher@oak.example.org',
        action: 'school.declaration-updated',
        details: { before: null, after: { capacityToSupport: 2, needs: ['leadership', 'send'] } },
      },
    ]);
  });

  it('re-renders the form with the error and what was typed when the input is bad', async () => {
    const member = await signIn(app, t.db, { schools: [{ urn: OWN }] });
    const bad = await post(`/schools/${OWN}/settings`, member.headers, {
      _csrf: member.csrfToken,
      capacityToSupport: 'lots',
      needs: ['leadership', 'astrology'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Capacity to support must be a whole number');
    expect(bad.body).toContain('href="#capacityToSupport"');
    expect(bad.body).toContain('value="lots"');
  });

  it('answers 404 for a school that is not in the registry, even to a member of that URN', async () => {
    const member = await signIn(app, t.db, { schools: [{ urn: 999999 }] });
    expect((await app.inject({ url: '/schools/999999/settings', headers: member.headers })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ url: '/schools/abc/settings', headers: member.headers })).statusCode).toBe(
      404,
    );
  });

  it('shows a signed-in user their account and roles', async () => {
    const user = await signIn(app, t.db, {
      name: 'Ada Head',
      schools: [{ urn: OWN, role: 'admin' }],
      systemLeader: 'NLE',
    });
    const page = await app.inject({ url: '/account', headers: user.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ada Head');
    expect(page.body).toContain('Oak Primary');
    expect(page.body).toContain('National leader of education');
    expect(page.body).toContain('Sign out');
  });

  it('tells an API client who is signed in, and nobody when the session went idle', async () => {
    const user = await signIn(app, t.db, { schools: [{ urn: OWN }] });
    const me = await app.inject({ url: '/api/session', headers: user.headers });
    expect(me.json().user).toMatchObject({ id: user.user.id, schools: [{ urn: OWN, role: 'member' }] });

    const idleSince = new Date(Date.now() - SESSION_LIMITS.idleMs - 1000);
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: idleSince })
      .where('user_id', '=', user.user.id)
      .execute();
    const later = await app.inject({ url: '/api/session', headers: user.headers });
    expect(later.json().user).toBeNull();
    expect(
      await t.db.selectFrom('sessions').where('user_id', '=', user.user.id).selectAll().execute(),
    ).toEqual([]);
  });

  it('keeps public data public', async () => {
    expect((await app.inject('/')).statusCode).toBe(200);
    expect((await app.inject(`/schools/${OWN}`)).statusCode).toBe(200);
    expect((await app.inject('/api/schools')).statusCode).toBe(200);
    expect((await app.inject('/api/session')).json().user).toBeNull();
  });
});
