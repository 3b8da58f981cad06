import { describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { caseStudyPartnership } from '../../../helpers/practice.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const OWN = 661001;
const PARTNER = 661002;
const OTHER = 661003;

/**
 * A completed partnership's case study reaches the library only when an administrator of each of
 * its schools has approved it (and then a moderator); either school withdraws it.
 */
describe('a case study both partner schools must approve', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: OWN, name: 'Ashgrove Primary School' });
      await insertSchool(db, { urn: PARTNER, name: 'Birchfield Primary School' });
      await insertSchool(db, { urn: OTHER, name: 'Cedar Primary School' });
    },
    { fresh: 'test' },
  );

  const completed = () => caseStudyPartnership(t.app, t.db, { own: OWN, partner: PARTNER });
  const page = (who: SignedIn | null, id: number) =>
    t.app.inject({ url: `/partnerships/${id}/case-study`, headers: who ? who.headers : {} });
  const post = (who: SignedIn, id: number, path: string, fields: Record<string, string | string[]>) =>
    postForm(
      t.app,
      `/partnerships/${id}/case-study${path}`,
      { _csrf: who.csrfToken, ...fields },
      who.headers,
    );
  const start = (who: SignedIn, id: number, parts: string[]) => post(who, id, '', { parts });
  const approve = (who: SignedIn, id: number, urn: number, parts: string[]) =>
    post(who, id, '/approve', { urn: String(urn), partsKey: parts.join(',') });
  const records = () =>
    t.db.selectFrom('practice_records').select(['id', 'working_state', 'withdrawn_at', 'urn']).execute();
  /** A record's page as a signed-in reader from another school: 404 unless the library shows it. */
  const readerSees = async (recordId: number) => {
    const reader = await signIn(t.app, t.db, { schools: [{ urn: OTHER }] });
    return (await t.app.inject({ url: `/practice/${recordId}`, headers: reader.headers })).statusCode;
  };
  const stage = async (who: SignedIn, id: number) =>
    /id="case-study-stage">([^<]*)</.exec((await page(who, id)).body)?.[1];

  it('is published only after each school’s administrator approves it, and then a moderator', async () => {
    const { lead, partner, id } = await completed();
    expect(await stage(lead, id)).toContain('Not started');

    const started = await start(lead, id, ['need', 'results']);
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(`/partnerships/${id}/case-study?done=case-study-saved`);
    const draft = await page(lead, id);
    expect(draft.body).toContain('Waiting for each school’s approval.');
    expect(draft.body).toContain('Approve the draft below for Ashgrove Primary School');
    expect(draft.body).not.toContain('for Birchfield Primary School');

    expect((await approve(lead, id, OWN, ['need', 'results'])).headers.location).toContain(
      'done=case-study-approved',
    );
    expect(await records()).toEqual([]);
    expect(await stage(partner, id)).toContain('Waiting for each school’s approval.');
    expect((await page(partner, id)).body).toContain('Approve the draft below for Birchfield Primary School');

    const last = await approve(partner, id, PARTNER, ['need', 'results']);
    expect(last.headers.location).toContain('done=case-study-sent');
    const [record] = await records();
    expect(record).toMatchObject({ working_state: 'submitted', withdrawn_at: null, urn: OWN });
    expect(await stage(lead, id)).toContain('It is with the moderators');
    // Not public until a moderator approves it.
    expect(await readerSees(record!.id)).toBe(404);
    expect((await t.app.inject('/api/practice?q=reading')).json().total).toBe(0);

    const moderator = await signIn(t.app, t.db, { platformAdmin: true });
    const moderated = await postForm(
      t.app,
      `/practice/${record!.id}/approve`,
      { _csrf: moderator.csrfToken, version: '1' },
      moderator.headers,
    );
    expect(moderated.statusCode).toBe(303);
    const shown = await t.app.inject(`/practice/${record!.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Why: Reading results had fallen for three years.');
    expect(await stage(partner, id)).toBe('Published in the library.');

    const actions = (
      await t.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'practice.case-study%')
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual([
      'practice.case-study-started',
      'practice.case-study-approved',
      'practice.case-study-approved',
    ]);
  });

  it('asks every school again when the parts change, and refuses an approval of parts no longer shown', async () => {
    const { lead, partner, id } = await completed();
    await start(lead, id, ['need']);
    await approve(lead, id, OWN, ['need']);
    expect((await start(partner, id, ['need', 'milestones'])).statusCode).toBe(303);
    expect((await page(lead, id)).body).toContain('Approve the draft below for Ashgrove Primary School');
    // The partner approves what it read before its own change: refused, nothing written.
    expect((await approve(lead, id, OWN, ['need'])).statusCode).toBe(409);
    await approve(partner, id, PARTNER, ['need', 'milestones']);
    expect(await records()).toEqual([]);
    await approve(lead, id, OWN, ['need', 'milestones']);
    expect(await records()).toHaveLength(1);
    // Once sent, the parts are settled.
    expect((await start(lead, id, ['need'])).statusCode).toBe(409);
  });

  it('lets only each school’s own administrators approve for it', async () => {
    const { lead, partner, id } = await completed();
    await start(lead, id, ['need']);
    const member = await signIn(t.app, t.db, { schools: [{ urn: PARTNER, role: 'member' }] });
    const stranger = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    const platform = await signIn(t.app, t.db, { platformAdmin: true });

    expect((await approve(partner, id, OWN, ['need'])).statusCode).toBe(403);
    expect((await approve(member, id, PARTNER, ['need'])).statusCode).toBe(403);
    expect((await approve(stranger, id, OTHER, ['need'])).statusCode).toBe(404);
    expect((await approve(platform, id, OWN, ['need'])).statusCode).toBe(404);
    expect((await start(member, id, ['results'])).statusCode).toBe(403);
    expect((await post(member, id, '/withdraw', {})).statusCode).toBe(403);
    expect((await post(stranger, id, '/withdraw', {})).statusCode).toBe(404);
    expect((await page(member, id)).body).not.toContain('Approve the draft below');
    expect((await page(null, id)).statusCode).toBe(303);
    const approvals = await t.db.selectFrom('practice_case_study_approvals').selectAll().execute();
    expect(approvals).toEqual([]);
    expect(await stage(lead, id)).toContain('Waiting for each school’s approval.');
  });

  it('is withdrawn by either school, taking the published record out of the library', async () => {
    const { lead, partner, id } = await completed();
    await start(lead, id, ['need']);
    await approve(lead, id, OWN, ['need']);
    await approve(partner, id, PARTNER, ['need']);
    const [record] = await records();
    const moderator = await signIn(t.app, t.db, { platformAdmin: true });
    await postForm(
      t.app,
      `/practice/${record!.id}/approve`,
      { _csrf: moderator.csrfToken, version: '1' },
      moderator.headers,
    );
    expect(await readerSees(record!.id)).toBe(200);

    const withdrawn = await post(partner, id, '/withdraw', {});
    expect(withdrawn.headers.location).toContain('done=case-study-withdrawn');
    expect(await readerSees(record!.id)).toBe(404);
    expect((await records())[0]!.withdrawn_at).not.toBeNull();
    expect(await stage(lead, id)).toBe(
      'Withdrawn by Birchfield Primary School. It is not shown in the library.',
    );
    expect((await post(lead, id, '/withdraw', {})).statusCode).toBe(409);
    expect((await approve(lead, id, OWN, ['need'])).statusCode).toBe(409);
  });

  it('is withdrawn as a draft before anyone approves, and then never written', async () => {
    const { lead, partner, id } = await completed();
    await start(lead, id, ['need']);
    expect((await post(partner, id, '/withdraw', {})).statusCode).toBe(303);
    expect((await approve(lead, id, OWN, ['need'])).statusCode).toBe(409);
    expect(await records()).toEqual([]);
  });
});
