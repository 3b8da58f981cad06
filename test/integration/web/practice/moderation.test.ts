import { describe, expect, it } from 'vitest';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { draftPractice, insertPractice, submitPracticeForm } from '../../../helpers/practice.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const OWN = 630001;
const OTHER = 630002;

describe('moderating the good-practice library', () => {
  /** The council OWN shares its records with, and one it belongs to but does not share with. */
  let sharing = 0;
  let notSharing = 0;
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: OWN, name: 'Ashgrove Primary School' });
      await insertSchool(db, { urn: OTHER, name: 'Birchfield Primary School' });
      sharing = await createOrganisation(db, {
        name: 'Leeds City Council',
        schools: [{ urn: OWN, sharesRecords: true }],
      });
      notSharing = await createOrganisation(db, { name: 'West Yorkshire Hub', schools: [{ urn: OWN }] });
    },
    { fresh: 'test' },
  );

  const page = (url: string, who?: SignedIn) =>
    t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
  const act = (who: SignedIn, id: number, action: string, fields: Record<string, string> = {}) =>
    postForm(t.app, `/practice/${id}/${action}`, { _csrf: who.csrfToken, ...fields }, { cookie: who.cookie });
  const auditActions = async () =>
    (
      await t.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('action', 'like', 'practice.%')
        .orderBy('id')
        .execute()
    ).map((e) => e.action);

  /** A record sent for moderation by a member of OWN. */
  async function submitted() {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const id = await draftPractice(t.app, member, OWN);
    expect((await submitPracticeForm(t.app, member, id)).statusCode).toBe(303);
    return { member, id };
  }

  it('shows the queue to platform administrators and officers the school shares with, and no one else', async () => {
    const { member, id } = await submitted();
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    const officer = await signIn(t.app, t.db, { organisations: [sharing] });
    for (const moderator of [admin, officer]) {
      const queue = await page('/practice/moderation', moderator);
      expect(queue.statusCode).toBe(200);
      expect(queue.body).toContain(`href="/practice/${id}">Daily reading fluency in Year 3</a>`);
      const record = await page(`/practice/${id}`, moderator);
      expect(record.body).toContain('Approve and publish');
      expect(record.body).toContain('Return to the school');
    }

    const unsharedOfficer = await signIn(t.app, t.db, { organisations: [notSharing] });
    expect((await page('/practice/moderation', unsharedOfficer)).body).toContain(
      'Nothing is waiting for moderation',
    );
    expect((await page(`/practice/${id}`, unsharedOfficer)).statusCode).toBe(404);

    // The school's own people never moderate it, even as officers of an organisation it shares with.
    const ownOfficer = await signIn(t.app, t.db, { schools: [{ urn: OWN }], organisations: [sharing] });
    expect((await page('/practice/moderation', ownOfficer)).body).toContain(
      'Nothing is waiting for moderation',
    );
    expect((await page(`/practice/${id}`, ownOfficer)).body).not.toContain('Approve and publish');
    expect((await act(ownOfficer, id, 'approve', { version: '1' })).statusCode).toBe(403);

    expect((await page('/practice/moderation', member)).statusCode).toBe(403);
    const anonymous = await page('/practice/moderation');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/sign-in?next=%2Fpractice%2Fmoderation');
  });

  it('publishes a record only when a moderator approves it', async () => {
    const { id } = await submitted();
    expect((await page(`/practice/${id}`)).statusCode).toBe(303);
    expect((await page('/api/practice?q=fluency')).json().total).toBe(0);

    const stranger = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    expect((await act(stranger, id, 'approve', { version: '1' })).statusCode).toBe(404);

    const officer = await signIn(t.app, t.db, { organisations: [sharing] });
    const approved = await act(officer, id, 'approve', { version: '1' });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe('/practice/moderation?done=approved');
    expect((await page('/practice/moderation?done=approved', officer)).body).toContain(
      'You approved the record: it is now public.',
    );

    const anonymous = await page(`/practice/${id}`);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('Daily reading fluency in Year 3');
    expect(anonymous.body).not.toContain('Report a problem');
    const found = (await page('/api/practice?q=fluency')).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect(await auditActions()).toEqual(['practice.created', 'practice.submitted', 'practice.approved']);
  });

  it('counts an external evaluation only when the moderator says they checked it', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const id = await draftPractice(t.app, member, OWN, {
      externalEvaluation: 'University of Leeds, Reading fluency evaluation (2024)',
    });
    await submitPracticeForm(t.app, member, id);
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    expect((await page(`/practice/${id}`, admin)).body).toContain('I have checked it: it is real');
    await act(admin, id, 'approve', { version: '1', externalChecked: 'yes' });
    const record = (await page(`/api/practice/${id}`)).json();
    expect(record.evidence).toMatchObject({
      level: 'external',
      label: 'Evaluated externally',
      externalChecked: true,
    });
  });

  it('returns a version to its school with the moderator’s reason, keeping it out of the library', async () => {
    const { member, id } = await submitted();
    const officer = await signIn(t.app, t.db, { organisations: [sharing] });

    const noReason = await act(officer, id, 'return', { version: '1', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#returnReason">Enter what the school should change');

    const returned = await act(officer, id, 'return', {
      version: '1',
      reason: 'Say how many pupils took part.',
    });
    expect(returned.statusCode, returned.body).toBe(303);
    const own = await page(`/practice/${id}`, member);
    expect(own.body).toContain('Returned for changes');
    expect(own.body).toContain('A moderator returned this version: Say how many pupils took part.');
    expect(own.body).toContain('Send for moderation');
    expect((await page(`/practice/${id}`)).statusCode).toBe(303);
    expect((await page('/practice/moderation', officer)).body).toContain('Nothing is waiting for moderation');

    // Back with its school, the version is out of the moderators’ sight until it is sent again.
    expect((await act(officer, id, 'approve', { version: '1' })).statusCode).toBe(404);
    expect(await auditActions()).toEqual(['practice.created', 'practice.submitted', 'practice.returned']);
    const [entry] = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'practice.returned')
      .execute();
    expect(JSON.stringify(entry!.details)).not.toContain('pupils');
  });

  it('refuses to approve a version the school changed after the moderator read it', async () => {
    const { member, id } = await submitted();
    const officer = await signIn(t.app, t.db, { organisations: [sharing] });
    const stale = await act(officer, id, 'approve', { version: '2' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('The record has changed since you read it');
    expect((await page(`/practice/${id}`)).statusCode).toBe(303);
    expect((await page(`/practice/${id}`, member)).body).toContain('Waiting for moderation');
  });

  it('lets anyone signed in report a published record, and moderators close or act on the reports', async () => {
    const id = await insertPractice(t.db, { urn: OWN, state: 'published' });
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const reader = await signIn(t.app, t.db, { schools: [{ urn: OTHER }] });
    expect((await page(`/practice/${id}`, reader)).body).toContain('Report a problem with this record');
    expect((await page(`/practice/${id}`, member)).body).not.toContain('Report a problem');

    const empty = await act(reader, id, 'report', { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#reportReason">Enter what is wrong with the record');
    const reported = await act(reader, id, 'report', { reason: 'It names a pupil in the second paragraph.' });
    expect(reported.statusCode).toBe(303);
    expect((await page(String(reported.headers.location), reader)).body).toContain(
      'The moderators will read your report',
    );
    expect((await act(member, id, 'report', { reason: 'Our own' })).statusCode).toBe(403);

    const officer = await signIn(t.app, t.db, { organisations: [sharing] });
    const queue = await page('/practice/moderation', officer);
    expect(queue.body).toContain(`href="/practice/${id}#reports">Daily reading fluency in Year 3</a>`);
    const shown = await page(`/practice/${id}`, officer);
    expect(shown.body).toContain('It names a pupil in the second paragraph.');
    // Reports are for moderators: the school and other readers do not see what was said.
    for (const who of [member, reader]) {
      expect((await page(`/practice/${id}`, who)).body).not.toContain('It names a pupil');
    }

    expect((await act(officer, id, 'reports/dismiss')).statusCode).toBe(303);
    expect((await page('/practice/moderation', officer)).body).toContain(
      'No published record has an open report',
    );
    expect((await page(`/practice/${id}`)).statusCode).toBe(200);

    await act(reader, id, 'report', { reason: 'Still names a pupil.' });
    const withdrawn = await act(officer, id, 'withdraw', { reason: 'It names a pupil.' });
    expect(withdrawn.statusCode).toBe(303);
    expect((await page(`/practice/${id}`)).statusCode).toBe(303);
    expect((await page(`/practice/${id}`, reader)).statusCode).toBe(404);
    expect((await page('/api/practice')).json().total).toBe(0);
    const own = await page(`/practice/${id}`, member);
    expect(own.body).toContain(
      'only the school and its moderators can see this record. Reason: It names a pupil.',
    );
    expect(await auditActions()).toEqual([
      'practice.created',
      'practice.submitted',
      'practice.approved',
      'practice.reported',
      'practice.reports-dismissed',
      'practice.reported',
      'practice.withdrawn',
    ]);
    const open = await t.db
      .selectFrom('practice_reports')
      .select('id')
      .where('resolved_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
  });

  it('lets the school withdraw its own record, keeping it for the school', async () => {
    const id = await insertPractice(t.db, { urn: OWN, state: 'published' });
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    expect((await act(member, id, 'withdraw', { reason: 'We stopped doing it.' })).statusCode).toBe(303);
    expect((await page(`/practice/${id}`)).statusCode).toBe(303);
    const own = await page(`/practice/${id}`, member);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Reason: We stopped doing it.');
    expect(own.body).not.toContain('Change the record');
  });
});
