import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { readOutbox } from '../../../helpers/mail.ts';
import { createPartnership } from '../../../../src/data/partnerships.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { visibleText } from '../../../helpers/page-text.ts';

const ASH = 131001;
const BIRCH = 131002;
const NOBODY = 131003;

/** Nobody claims a school that is not theirs: joining waits for someone who knows the school. */
describe('requests to join a school', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 's2s-join-requests-'));
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: ASH, name: 'Ash Primary' });
      await insertSchool(db, { urn: BIRCH, name: 'Birch Primary' });
      await insertSchool(db, { urn: NOBODY, name: 'Dogwood Primary' });
    },
    { env: { S2S_DATA_DIR: dataDir } },
  );
  const post = (who: SignedIn, url: string, fields: Record<string, string> = {}) =>
    postForm(t.app, url, { _csrf: who.csrfToken, ...fields }, { cookie: who.cookie });
  const get = (who: SignedIn, url: string) => t.app.inject({ url, headers: { cookie: who.cookie } });
  const mailTo = async (address: string) => (await readOutbox(dataDir)).filter((m) => m.to === address);
  const unread = async (who: SignedIn) =>
    (await get(who, '/api/notifications')).json().items.map((i: { subject: string }) => i.subject);

  it('holds a platform administrator’s invitation into a school until one of its administrators approves it', async () => {
    const head = await signIn(t.app, t.db, { schools: [{ urn: ASH, role: 'admin' }] });
    const member = await signIn(t.app, t.db, { schools: [{ urn: ASH, role: 'member' }] });
    const platform = await signIn(t.app, t.db, { name: 'Pat Platform', platformAdmin: true });
    const email = 'pat.joins.ash@example.org';

    const asked = await post(platform, `/schools/${ASH}/invitations`, { email, role: 'admin' });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toContain('asked=');
    expect((await get(platform, asked.headers.location!)).body).toContain(
      'The school’s administrators have been asked to approve inviting',
    );
    expect(await mailTo(email)).toHaveLength(0);
    expect(await unread(head)).toContain(`A platform administrator asks to add ${email} to Ash Primary`);

    // Neither the one who asked, nor a member, nor another platform administrator decides it.
    const other = await signIn(t.app, t.db, { platformAdmin: true });
    for (const who of [platform, member, other]) {
      expect((await get(who, '/join-requests')).body).toContain('No requests wait for your decision');
    }
    const page = await get(head, '/join-requests');
    expect(page.body).toContain(`${email} to join Ash Primary`);
    const id = /action="\/join-requests\/(\d+)"/.exec(page.body)![1];
    for (const who of [platform, member, other])
      expect((await post(who, `/join-requests/${id}`, { decision: 'approve' })).statusCode).toBe(404);
    expect(await mailTo(email)).toHaveLength(0);

    const missing = await post(head, `/join-requests/${id}`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Choose whether to approve or refuse the request');

    const approved = await post(head, `/join-requests/${id}`, { decision: 'approve' });
    expect(approved.statusCode).toBe(303);
    const [invitation] = await mailTo(email);
    if (!invitation) throw new Error('no invitation was emailed');
    expect(invitation.subject).toBe('You are invited to join Ash Primary on S2S');
    expect(invitation.text).toContain('Pat Platform has invited you');
    // Decided once: a second answer finds nothing to decide.
    expect((await post(head, `/join-requests/${id}`, { decision: 'refuse' })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select('action').where('urn', '=', ASH).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['school.join-requested', 'school.join-approved', 'school.member-invited']),
    );
  });

  it('sends nothing when the school’s administrator refuses', async () => {
    const head = await signIn(t.app, t.db, { schools: [{ urn: ASH, role: 'admin' }] });
    const platform = await signIn(t.app, t.db, { platformAdmin: true });
    await post(platform, `/schools/${ASH}/invitations`, { email: 'refused@example.org', role: 'member' });
    const id = /action="\/join-requests\/(\d+)"/.exec((await get(head, '/join-requests')).body)![1];
    const refused = await post(head, `/join-requests/${id}`, { decision: 'refuse' });
    expect(refused.headers.location).toContain('refused=');
    expect(await mailTo('refused@example.org')).toHaveLength(0);
    expect((await get(head, '/join-requests')).body).toContain('No requests wait for your decision');
  });

  it('lets a platform administrator give a school with no administrator its first one, and tells the school’s organisations', async () => {
    const organisation = await createOrganisation(t.db, { name: 'Leeds LA', schools: [{ urn: BIRCH }] });
    const officer = await signIn(t.app, t.db, { organisations: [organisation] });
    const elsewhere = await signIn(t.app, t.db, { organisations: [await createOrganisation(t.db)] });
    const platform = await signIn(t.app, t.db, { name: 'Pat Platform', platformAdmin: true });
    const invited = await post(platform, `/schools/${BIRCH}/invitations`, {
      email: 'first.head@birch.example.org',
      role: 'admin',
    });
    expect(invited.headers.location).toContain('invited=');
    expect(await mailTo('first.head@birch.example.org')).toHaveLength(1);
    const told =
      'Pat Platform, a platform administrator, invited first.head@birch.example.org into Birch Primary';
    expect((await unread(officer)).join()).toContain(told);
    expect((await unread(elsewhere)).join()).not.toContain(told);
    expect((await unread(platform)).join()).not.toContain(told);
  });

  it('lets a partner school ask for a first administrator of a school with nobody on S2S, approved by someone who knows the school', async () => {
    const organisation = await createOrganisation(t.db, {
      name: 'Dogwood Trust',
      schools: [{ urn: NOBODY }],
    });
    const officer = await signIn(t.app, t.db, { organisations: [organisation] });
    const unrelated = await signIn(t.app, t.db, { organisations: [await createOrganisation(t.db)] });
    const head = await signIn(t.app, t.db, { name: 'Ash Head', schools: [{ urn: ASH, role: 'admin' }] });
    const member = await signIn(t.app, t.db, { schools: [{ urn: ASH, role: 'member' }] });
    const id = await createPartnership(t.db, {
      title: 'Ash and Dogwood',
      type: 'peer-to-peer',
      proposer: { urn: ASH, role: 'supporting' },
      invited: [{ urn: NOBODY, role: 'supported' }],
      createdBy: head.user.id,
      at: new Date().toISOString(),
    });

    const page = await get(head, `/partnerships/${id}`);
    expect(visibleText(page.body)).toContain('Nobody from Dogwood Primary uses S2S yet');
    expect(page.body).toContain('Ask for them to be invited');
    expect((await get(member, `/partnerships/${id}`)).body).not.toContain('Ask for them to be invited');

    const wrong = await post(head, `/partnerships/${id}/first-administrator`, {
      urn: String(NOBODY),
      email: 'not an address',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Enter an email address in the correct format');
    expect(wrong.body).toContain('value="not an address"');
    expect(
      (
        await post(member, `/partnerships/${id}/first-administrator`, {
          urn: String(NOBODY),
          email: 'x@example.org',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await post(head, `/partnerships/${id}/first-administrator`, {
          urn: String(BIRCH),
          email: 'x@example.org',
        })
      ).body,
    ).toContain('That school is not in this partnership');

    const email = 'office@dogwood.example.org';
    const asked = await post(head, `/partnerships/${id}/first-administrator`, {
      urn: String(NOBODY),
      email,
      note: 'From the school website',
    });
    expect(asked.statusCode).toBe(303);
    expect(visibleText((await get(head, `/partnerships/${id}`)).body)).toContain('is waiting for approval');
    const again = await post(head, `/partnerships/${id}/first-administrator`, { urn: String(NOBODY), email });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already waiting for approval');
    // The refusal names no field, and a Welsh reader reads it in Welsh with the school's name in it.
    const inWelsh = await postForm(
      t.app,
      `/partnerships/${id}/first-administrator`,
      { _csrf: head.csrfToken, urn: String(NOBODY), email },
      { cookie: `${head.cookie}; s2s-lang=cy` },
    );
    expect(visibleText(inWelsh.body)).toContain(
      'Mae gwahoddiad ar gyfer gweinyddwr cyntaf Dogwood Primary eisoes yn aros am gymeradwyaeth.',
    );
    expect(await mailTo(email)).toHaveLength(0);

    expect(await unread(officer)).toContain(
      'A partner school asks for Dogwood Primary’s first administrator to be invited',
    );
    expect((await get(unrelated, '/join-requests')).body).toContain('No requests wait for your decision');
    expect((await get(head, '/join-requests')).body).toContain('No requests wait for your decision');
    const decide = await get(officer, '/join-requests');
    expect(decide.body).toContain('From the school website');
    const requestId = /action="\/join-requests\/(\d+)"/.exec(decide.body)![1];
    expect((await post(unrelated, `/join-requests/${requestId}`, { decision: 'approve' })).statusCode).toBe(
      404,
    );
    expect((await post(officer, `/join-requests/${requestId}`, { decision: 'approve' })).statusCode).toBe(
      303,
    );
    const [invitation] = await mailTo(email);
    if (!invitation) throw new Error('no invitation was emailed');
    expect(invitation.text).toContain('Ash Head has invited you to join Dogwood Primary');
    const link = /\/invitations\/[\w-]+/.exec(invitation.text)![0];
    expect((await t.app.inject(link)).body).toContain('an administrator');
  });
});
