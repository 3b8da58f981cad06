import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sendDailyDigests } from '../../../../src/app/notifications/notifications.ts';
import { createAppContext } from '../../../../src/app/context.ts';
import { loadConfig } from '../../../../src/config.ts';
import { signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { readOutbox } from '../../../helpers/mail.ts';
import { planSections } from '../../../helpers/partnerships.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const LEAD = 140001;
const PARTNER = 140002;
const OTHER = 140003;
/** Words of the plan that must never travel by email. */
const PRIVATE = 'Confidential-plan-words';

const form = (fields: Record<string, string | string[]>, csrf: string) => {
  const body = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body.toString();
};

describe('everyone hears what happens to a partnership, and nobody else', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 's2s-notifications-'));
  const env = { S2S_DATA_DIR: dataDir };
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: LEAD, name: 'Ash Primary' });
      await insertSchool(db, { urn: PARTNER, name: 'Birch Primary' });
      await insertSchool(db, { urn: OTHER, name: 'Cedar Primary' });
    },
    { env },
  );
  let leadAdmin: SignedIn;
  let leadMember: SignedIn;
  let partnerAdmin: SignedIn;
  let partnerMember: SignedIn;
  let otherAdmin: SignedIn;
  /** How many messages the outbox held when the test began: each test reads only its own. */
  let seen = 0;

  const post = (who: SignedIn, url: string, fields: Record<string, string | string[]> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(fields, who.csrfToken),
    });
  const get = (who: SignedIn | null, url: string) =>
    t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
  /** The mail sent since the last look, as who received which subject. */
  const newMail = async () => {
    const all = await readOutbox(dataDir);
    const fresh = all.slice(seen);
    seen = all.length;
    for (const m of fresh) expect(m.text).not.toContain(PRIVATE);
    return fresh;
  };
  const to = (...people: SignedIn[]) => people.map((p) => p.user.email).sort();
  const recipientsOf = (mail: { to: string }[]) => mail.map((m) => m.to).sort();

  const sent = async (who: SignedIn, url: string, fields: Record<string, string | string[]> = {}) =>
    expect((await post(who, url, fields)).statusCode, url).toBe(303);
  const propose = async () => {
    const res = await post(leadAdmin, '/partnerships', {
      title: `Reading ${PRIVATE}`,
      type: 'peer-to-peer',
      proposerUrn: String(LEAD),
      proposerRole: 'reciprocal',
      partnerUrn: String(PARTNER),
      partnerRole: 'reciprocal',
    });
    expect(res.statusCode).toBe(303);
    return Number(res.headers.location!.split('/').pop());
  };
  const accept = (id: number) =>
    sent(partnerAdmin, `/partnerships/${id}/invitation`, { urn: String(PARTNER), answer: 'accept' });
  /** Proposed, accepted and its whole set-up written by the partner's member, in words that must not travel. */
  const planned = async () => {
    const id = await propose();
    await accept(id);
    const focus = { focusAreas: ['literacy'], need: `Need ${PRIVATE}`, priorities: 'Priority 1' };
    await sent(partnerMember, `/partnerships/${id}/plan/focus`, focus);
    for (const [section, fields] of planSections(LEAD, PARTNER, `Objective ${PRIVATE}`))
      await sent(partnerMember, `/partnerships/${id}/plan/${section}`, fields);
    return id;
  };
  /** Agreed by both schools and started, each signing. */
  const running = async () => {
    const id = await planned();
    for (const who of [leadAdmin, partnerAdmin]) await sent(who, `/partnerships/${id}/agree`);
    for (const who of [leadAdmin, partnerAdmin]) await sent(who, `/partnerships/${id}/start`);
    return id;
  };
  /** The partner's member: the start in a daily digest, issues not by email at all. */
  const PARTNER_MEMBER_CHOICES = {
    proposed: 'immediately',
    'invitation-answered': 'immediately',
    'plan-changed': 'daily',
    agreed: 'immediately',
    'signature-needed': 'immediately',
    'milestone-due': 'daily',
    'milestone-overdue': 'immediately',
    'review-due': 'off',
    started: 'daily',
    'issue-raised': 'off',
    closed: 'immediately',
    'join-request': 'daily',
    'administrator-appointed': 'off',
    'deployment-commissioned': 'daily',
    'deployment-answered': 'off',
    'deployment-withdrawn': 'immediately',
    'review-group-invitation': 'immediately',
    'review-team': 'immediately',
    'review-report': 'daily',
    'review-challenge': 'immediately',
  };
  const raiseIssue = (id: number) =>
    sent(leadMember, `/partnerships/${id}/record/issues`, {
      description: `Cover fell through ${PRIVATE}`,
      handling: '',
      'raisedOn-day': '1',
      'raisedOn-month': '10',
      'raisedOn-year': '2024',
      resolved: 'no',
    });

  beforeEach(async () => {
    seen = (await readOutbox(dataDir)).length;
    leadAdmin = await signIn(t.app, t.db, { name: 'Lead Head', schools: [{ urn: LEAD, role: 'admin' }] });
    leadMember = await signIn(t.app, t.db, {
      name: 'Lead Teacher',
      schools: [{ urn: LEAD, role: 'member' }],
    });
    partnerAdmin = await signIn(t.app, t.db, {
      name: 'Partner Head',
      schools: [{ urn: PARTNER, role: 'admin' }],
    });
    partnerMember = await signIn(t.app, t.db, {
      name: 'Partner Teacher',
      schools: [{ urn: PARTNER, role: 'member' }],
    });
    otherAdmin = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
  });

  it('tells the invited school’s administrators of a proposal, without the plan’s words', async () => {
    const id = await propose();
    const mail = await newMail();
    expect(recipientsOf(mail)).toEqual(to(partnerAdmin));
    expect(mail[0]!.subject).toBe('Ash Primary proposes a partnership to your school');
    expect(mail[0]!.text).toContain(`/partnerships/${id}`);
    expect(mail[0]!.text).toContain('/notifications/preferences');
  });

  it('tells the proposer’s administrators the answer', async () => {
    const id = await propose();
    await newMail();
    await accept(id);
    const mail = await newMail();
    expect(recipientsOf(mail)).toEqual(to(leadAdmin));
    expect(mail[0]!.subject).toBe('Birch Primary accepted your partnership invitation');
  });

  it('tells a school whose agreement a plan change withdrew, and only its administrators', async () => {
    const id = await planned();
    await newMail();
    expect((await post(leadAdmin, `/partnerships/${id}/agree`)).statusCode).toBe(303);
    expect(await newMail()).toEqual([]);
    expect(
      (
        await post(partnerMember, `/partnerships/${id}/plan/resources`, {
          staffDays: '24',
          releaseTime: 'Half a day a fortnight',
        })
      ).statusCode,
    ).toBe(303);
    const mail = await newMail();
    expect(recipientsOf(mail)).toEqual(to(leadAdmin));
    expect(mail[0]!.subject).toBe(
      'The partnership plan changed after Ash Primary agreed: check it and agree again',
    );
    expect(mail[0]!.text).toContain(`/partnerships/${id}/check`);
  });

  it('tells everyone in both schools once the partnership is agreed, except the one who agreed last', async () => {
    const id = await planned();
    await newMail();
    expect((await post(leadAdmin, `/partnerships/${id}/agree`)).statusCode).toBe(303);
    expect(await newMail()).toEqual([]);
    expect((await post(partnerAdmin, `/partnerships/${id}/agree`)).statusCode).toBe(303);
    const mail = await newMail();
    expect(recipientsOf(mail)).toEqual(to(leadAdmin, leadMember, partnerMember));
    expect(mail[0]!.subject).toBe('The partnership of Ash Primary and Birch Primary is agreed');
  });

  it('lets people choose a daily digest or no email, but never switch off what needs their action', async () => {
    // Everything else as the member chooses below, but a proposal (which needs action) switched off.
    const refused = await post(partnerMember, '/notifications/preferences', {
      ...PARTNER_MEMBER_CHOICES,
      proposed: 'off',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('needs your action');
    const choices = PARTNER_MEMBER_CHOICES;
    expect((await post(partnerMember, '/notifications/preferences', choices)).statusCode).toBe(303);
    const page = await get(partnerMember, '/notifications/preferences');
    expect(page.body).toMatch(/name="started" type="radio" value="daily" checked/);
  });

  it('asks the partner to confirm the start, then tells everyone it started, holding a digest for those who chose one', async () => {
    await sent(partnerMember, '/notifications/preferences', PARTNER_MEMBER_CHOICES);
    const id = await planned();
    for (const who of [leadAdmin, partnerAdmin]) await sent(who, `/partnerships/${id}/agree`);
    await newMail();
    expect((await post(leadAdmin, `/partnerships/${id}/start`)).statusCode).toBe(303);
    const asked = await newMail();
    expect(recipientsOf(asked)).toEqual(to(partnerAdmin));
    expect(asked[0]!.subject).toBe(
      'Ash Primary asks your school to confirm starting the partnership of Ash Primary and Birch Primary',
    );
    expect(asked[0]!.text).toContain(`/partnerships/${id}#lifecycle`);
    expect((await post(partnerAdmin, `/partnerships/${id}/start`)).statusCode).toBe(303);
    const mail = await newMail();
    expect(recipientsOf(mail)).toEqual(to(leadAdmin, leadMember));
    expect(mail[0]!.subject).toBe('The partnership of Ash Primary and Birch Primary has started');
    const ctx = createAppContext(loadConfig({ NODE_ENV: 'test', ...env }), t.db, {
      log: { info() {}, warn() {} },
    });
    expect(await sendDailyDigests(ctx)).toEqual({ people: 1, notifications: 1 });
    const digest = await newMail();
    expect(recipientsOf(digest)).toEqual(to(partnerMember));
    expect(digest[0]!.subject).toBe('S2S: 1 new notification');
    expect(digest[0]!.text).toContain('has started');
    expect(await sendDailyDigests(ctx)).toEqual({ people: 0, notifications: 0 });
  });

  it('tells everyone else of an issue, except those who switched it off', async () => {
    await sent(partnerMember, '/notifications/preferences', PARTNER_MEMBER_CHOICES);
    const id = await running();
    await newMail();
    await raiseIssue(id);
    const mail = await newMail();
    expect(recipientsOf(mail)).toEqual(to(leadAdmin, partnerAdmin));
    expect(mail[0]!.subject).toBe('An issue was raised in the partnership of Ash Primary and Birch Primary');
  });

  it('tells everyone when it closes', async () => {
    const id = await running();
    await newMail();
    expect(
      (
        await post(partnerAdmin, `/partnerships/${id}/close`, {
          closure: 'ended-early',
          reason: 'Funding ended',
        })
      ).statusCode,
    ).toBe(303);
    const mail = await newMail();
    expect(recipientsOf(mail)).toEqual(to(leadAdmin, leadMember, partnerMember));
    expect(mail[0]!.subject).toBe('The partnership of Ash Primary and Birch Primary has closed');
  });

  it('lists each person’s notifications with the unread count, in the API, the list and the header', async () => {
    await sent(partnerMember, '/notifications/preferences', PARTNER_MEMBER_CHOICES);
    const id = await running();
    await raiseIssue(id);
    await sent(partnerAdmin, `/partnerships/${id}/close`, {
      closure: 'ended-early',
      reason: 'Funding ended',
    });
    expect((await get(null, '/api/notifications')).statusCode).toBe(401);
    const api = (await get(partnerMember, '/api/notifications')).json();
    expect(api).toMatchObject({ total: 4, unread: 4 });
    expect(api.items.map((n: { kind: string }) => n.kind)).toEqual([
      'closed',
      'issue-raised',
      'started',
      'agreed',
    ]);
    expect(api.items[0]).toEqual({
      id: expect.any(Number),
      kind: 'closed',
      createdAt: expect.any(String),
      readAt: null,
      subject: 'The partnership of Ash Primary and Birch Primary has closed',
      link: `/partnerships/${id}`,
    });
    expect((await get(partnerMember, '/partnerships')).body).toContain('Notifications (4 unread)');
    expect((await get(otherAdmin, '/api/notifications')).json()).toEqual({ total: 0, unread: 0, items: [] });
    // Opening one marks it read and leads to the partnership; someone else's is not found.
    expect((await get(otherAdmin, `/notifications/${api.items[0].id}`)).statusCode).toBe(404);
    const opened = await get(partnerMember, `/notifications/${api.items[0].id}`);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(`/partnerships/${id}`);
    expect((await get(partnerMember, '/api/notifications')).json()).toMatchObject({ total: 4, unread: 3 });
    const list = await get(partnerMember, '/notifications');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('An issue was raised in the partnership of Ash Primary and Birch Primary');
    expect((await post(partnerMember, '/notifications/read')).statusCode).toBe(303);
    expect((await get(partnerMember, '/api/notifications')).json()).toMatchObject({ unread: 0 });
    expect((await get(partnerMember, '/partnerships')).body).not.toContain('unread)');
  });

  it('writes each reader’s notifications and emails in their own language, and shows one stored before as it was', async () => {
    const welsh = (who: SignedIn) =>
      t.db.updateTable('users').set({ language: 'cy' }).where('id', '=', who.user.id).execute();
    await welsh(partnerAdmin);
    // A second Welsh administrator of the partner, who chose a daily digest of proposals.
    const partnerDeputy = await signIn(t.app, t.db, { schools: [{ urn: PARTNER, role: 'admin' }] });
    await welsh(partnerDeputy);
    await t.db
      .insertInto('notification_preferences')
      .values({ user_id: partnerDeputy.user.id, kind: 'proposed', delivery: 'daily' })
      .execute();

    const id = await propose();
    const proposed = await newMail();
    expect(recipientsOf(proposed)).toEqual(to(partnerAdmin));
    expect(proposed[0]!.subject).toBe('Mae Ash Primary yn cynnig partneriaeth i’ch ysgol');
    expect(proposed[0]!.text).toContain('Mae Ash Primary yn cynnig partneriaeth i’ch ysgol.');
    expect(proposed[0]!.text).toContain('Mewngofnodwch i S2S i’w weld:');
    expect(proposed[0]!.text).toContain('Dewiswch pa negeseuon e-bost a gewch gan S2S:');
    expect(proposed[0]!.text).not.toContain('Sign in');

    const ctx = createAppContext(loadConfig({ NODE_ENV: 'test', ...env }), t.db, {
      log: { info() {}, warn() {} },
    });
    expect(await sendDailyDigests(ctx)).toEqual({ people: 1, notifications: 1 });
    const digest = await newMail();
    expect(recipientsOf(digest)).toEqual(to(partnerDeputy));
    expect(digest[0]!.subject).toBe('S2S: 1 hysbysiad newydd');
    expect(digest[0]!.text).toContain('Ers eich crynodeb diwethaf:');
    expect(digest[0]!.text).toContain('- Mae Ash Primary yn cynnig partneriaeth i’ch ysgol');

    // The answer reaches the proposer, who never chose Welsh, in English as before.
    await accept(id);
    const answered = await newMail();
    expect(answered[0]!.subject).toBe('Birch Primary accepted your partnership invitation');

    // A notification stored before subjects kept their template is shown as it was written.
    await t.db
      .insertInto('notifications')
      .values({
        user_id: partnerAdmin.user.id,
        kind: 'started',
        partnership_id: id,
        subject: 'The partnership of Ash Primary and Birch Primary has started',
        link: `/partnerships/${id}`,
        delivery: 'off',
        emailed_at: null,
      })
      .execute();
    const list = await get(partnerAdmin, '/notifications');
    expect(list.body).toContain('<html lang="cy"');
    expect(list.body).toContain('Mae Ash Primary yn cynnig partneriaeth i’ch ysgol');
    expect(list.body).toContain('The partnership of Ash Primary and Birch Primary has started');
    expect(list.body).toContain('Hysbysiadau');
    // The API answers in English, with its subject as stored.
    const api = (await get(partnerAdmin, '/api/notifications')).json();
    expect(api.items.map((n: { subject: string }) => n.subject)).toEqual([
      'The partnership of Ash Primary and Birch Primary has started',
      'Ash Primary proposes a partnership to your school',
    ]);
    expect(Object.keys(api.items[0]).sort()).toEqual([
      'createdAt',
      'id',
      'kind',
      'link',
      'readAt',
      'subject',
    ]);
  });
});
