import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { draftPractice, practiceForm, submitPracticeForm } from '../../../helpers/practice.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const OWN = 620001;
const OTHER = 620002;

describe('a school shares its practice', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: OWN, name: 'Ashgrove Primary School' });
      await insertSchool(db, { urn: OTHER, name: 'Birchfield Primary School' });
    },
    { fresh: 'test' },
  );

  it('saves a draft that only the school’s members can see', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const id = await draftPractice(t.app, member, OWN);

    const own = await t.app.inject({ url: `/practice/${id}`, headers: { cookie: member.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Daily reading fluency in Year 3');
    expect(own.body).toContain('Draft');
    expect(own.body).toContain('Send for moderation');

    const stranger = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    for (const who of [stranger, admin]) {
      const page = await t.app.inject({ url: `/practice/${id}`, headers: { cookie: who.cookie } });
      expect(page.statusCode).toBe(404);
      expect(page.body).not.toContain('Daily reading fluency');
      const api = await t.app.inject({ url: `/api/practice/${id}`, headers: { cookie: who.cookie } });
      expect(api.statusCode).toBe(404);
    }
    const anonymous = await t.app.inject(`/practice/${id}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/practice/${id}`)}`);
    expect((await t.app.inject('/practice?q=fluency')).body).not.toContain('Daily reading fluency');
  });

  it('re-renders the form with each field’s problem and what was typed', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const response = await postForm(
      t.app,
      '/practice',
      {
        _csrf: member.csrfToken,
        urn: String(OWN),
        ...practiceForm({ title: '', focusAreas: [], links: 'javascript:alert(1)', startedIn: '22' }),
      },
      { cookie: member.cookie },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#title">Enter a title');
    expect(response.body).toContain('href="#focusAreas">Choose at least one focus area');
    expect(response.body).toContain('href="#links">Enter each link as a web address starting https://');
    expect(response.body).toContain('href="#startedIn">Enter the year the practice began as 4 digits');
    expect(response.body).toContain('Ten minutes of paired reading aloud');
    expect(await t.db.selectFrom('practice_records').selectAll().execute()).toEqual([]);
  });

  it('refuses a draft for a school the person is not a member of', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const response = await postForm(
      t.app,
      '/practice',
      { _csrf: member.csrfToken, urn: String(OTHER), ...practiceForm() },
      { cookie: member.cookie },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('You can only share practice for a school you are a member of');
    expect(await t.db.selectFrom('practice_records').selectAll().execute()).toEqual([]);
  });

  it('stops a submission that looks like it holds personal data until the author confirms', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const id = await draftPractice(t.app, member, OWN, {
      whatChanged: 'Mrs Patel saw it first; ask her on 0113 496 0000 or at j.patel@ashgrove.example.',
    });
    const refused = await submitPracticeForm(t.app, member, id);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('This looks like a person’s name: “Mrs Patel”');
    expect(refused.body).toContain('This looks like a telephone number: “0113 496 0000”');
    expect(refused.body).toContain('This looks like an email address: “j.patel@ashgrove.example”');
    const [before] = await t.db.selectFrom('practice_records').select('working_state').execute();
    expect(before!.working_state).toBe('draft');

    const confirmed = await submitPracticeForm(t.app, member, id, 1, true);
    expect(confirmed.statusCode).toBe(303);
    const [after] = await t.db.selectFrom('practice_records').select('working_state').execute();
    expect(after!.working_state).toBe('submitted');
  });

  it('audits each step by record and version, never the words', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const id = await draftPractice(t.app, member, OWN);
    expect((await submitPracticeForm(t.app, member, id)).statusCode).toBe(303);
    const entries = await t.db
      .selectFrom('audit_log')
      .select(['action', 'urn', 'details'])
      .where('action', 'like', 'practice.%')
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { action: 'practice.created', urn: OWN, details: { id, version: 1 } },
      { action: 'practice.submitted', urn: OWN, details: { id, version: 1 } },
    ]);
  });
});
