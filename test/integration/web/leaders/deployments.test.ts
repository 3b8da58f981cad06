import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createExampleLeader } from '../../../../src/data/leaders.ts';
import { updatePlan } from '../../../../src/data/partnerships.ts';
import type { ProfileDetails } from '../../../../src/domain/leaders/profile.ts';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import {
  aPublishedLeader,
  daysFromToday,
  deploymentForm,
  completeReadiness,
  nextSpring,
  publishProfile,
  type DeploymentFields,
} from '../../../helpers/leaders.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const BASE = 641001;
const CLIENT = 641002;
const TRUST_SCHOOL = 641003;
const OTHER = 641004;

describe('commissioning a system leader', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: BASE, name: 'Base Primary', lat: 53.8, lon: -1.55 });
      await insertSchool(db, { urn: CLIENT, name: 'Client Primary', lat: 53.85, lon: -1.55 });
      await insertSchool(db, { urn: TRUST_SCHOOL, name: 'Trust Primary', lat: 53.82, lon: -1.55 });
      await insertSchool(db, { urn: OTHER, name: 'Other Primary', lat: 53.83, lon: -1.55 });
    },
    { fresh: 'test' },
  );
  const spring = nextSpring();

  /** A published leader with six days a term at £450 a day, and the id of their profile. */
  const aLeader = (name = 'Ada Leader') =>
    aPublishedLeader(t.app, t.db, name, { urn: BASE, daysPerTerm: '6', dayRatePounds: '450' });

  /**
   * A published leader and, around the client school of Leeds Trust, the trust's officer, the
   * school's administrator and a teacher, and another school's administrator.
   */
  async function theParties() {
    const { who: ada, profileId } = await aLeader();
    const organisationId = await createOrganisation(t.db, {
      name: 'Leeds Trust',
      schools: [{ urn: CLIENT }],
    });
    const officer = await signIn(t.app, t.db, { organisations: [organisationId] });
    const head = await signIn(t.app, t.db, { schools: [{ urn: CLIENT, role: 'admin' }] });
    const teacher = await signIn(t.app, t.db, { schools: [{ urn: CLIENT }] });
    const stranger = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    return { ada, profileId, officer, head, teacher, stranger };
  }

  const commission = (who: SignedIn, profileId: number, fields: Partial<DeploymentFields> = {}) =>
    postForm(
      t.app,
      `/system-leaders/${profileId}/commission`,
      { _csrf: who.csrfToken, ...deploymentForm({ clientUrn: CLIENT, ...spring, ...fields }) },
      who.headers,
    );

  const idFrom = (location: unknown) => Number(/\/deployments\/(\d+)/.exec(String(location))![1]);

  const api = (who: SignedIn | null, url: string) => t.app.inject({ url, headers: who ? who.headers : {} });

  it('lets a client school’s administrator commission a deployment the leader then sees and accepts', async () => {
    const { who: ada, profileId } = await aLeader();
    const head = await signIn(t.app, t.db, { name: 'Cal Head', schools: [{ urn: CLIENT, role: 'admin' }] });

    const form = await t.app.inject({
      url: `/system-leaders/${profileId}/commission`,
      headers: head.headers,
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Client Primary');

    const done = await commission(head, profileId, { days: '4' });
    expect(done.statusCode).toBe(303);
    const id = idFrom(done.headers.location);

    const asLeader = await t.app.inject({ url: `/deployments/${id}`, headers: ada.headers });
    expect(asLeader.body).toContain('Waiting for the system leader');
    expect(asLeader.body).toContain('Do you accept this deployment?');
    expect(asLeader.body).toContain('£1,800');

    // The client school's administrator cannot answer for the leader.
    const forged = await postForm(
      t.app,
      `/deployments/${id}/answer`,
      { _csrf: head.csrfToken, answer: 'accepted' },
      head.headers,
    );
    expect(forged.statusCode).toBe(403);

    const publicProfile = () => t.app.inject(`/system-leaders/${profileId}`);
    expect((await publicProfile()).body).not.toContain('Deployments through S2S');

    await completeReadiness(t.db, id);
    const accepted = await postForm(
      t.app,
      `/deployments/${id}/answer`,
      { _csrf: ada.csrfToken, answer: 'accepted' },
      ada.headers,
    );
    expect(accepted.statusCode).toBe(303);
    // Listed on the public profile as experience, the client school not named.
    const listed = (await publicProfile()).body;
    expect(listed).toContain('Deployments through S2S');
    expect(listed).toContain('4 days with a primary school in Leeds');
    expect(listed).not.toContain('Client Primary');
    expect((await api(null, `/api/system-leaders/${profileId}`)).json().deploymentsThroughS2s).toEqual([
      { days: 4, start: spring.start, end: spring.end, school: 'a primary school in Leeds' },
    ]);
    expect((await api(head, `/api/deployments/${id}`)).json()).toMatchObject({
      status: 'agreed',
      client: { urn: CLIENT, name: 'Client Primary' },
      days: 4,
      reportsTo: 'The headteacher',
      costing: { days: 4, dayRatePounds: 450, totalPounds: 1800, paidBy: 'client-school' },
    });
    const partnership = await t.db
      .selectFrom('partnerships')
      .select(['type', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(partnership).toEqual({ type: 'deployment', status: 'agreed' });

    // Each side heard of the other's step, in the service (and by email, as each chose).
    const told = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'subject', 'link'])
      .orderBy('id')
      .execute();
    expect(told).toEqual([
      {
        user_id: ada.user.id,
        kind: 'deployment-commissioned',
        subject: 'Cal Head asks you to work with Client Primary as a system leader',
        link: `/deployments/${id}`,
      },
      {
        user_id: head.user.id,
        kind: 'deployment-answered',
        subject: 'Ada Leader accepted the deployment to Client Primary',
        link: `/deployments/${id}`,
      },
    ]);

    const again = await postForm(
      t.app,
      `/deployments/${id}/answer`,
      { _csrf: ada.csrfToken, answer: 'declined' },
      ada.headers,
    );
    expect(again.statusCode).toBe(409);
  });

  it('gives each side its paired readiness questions, shows both sides’ progress and disagreements, and agrees only once both have completed them', async () => {
    const { ada, profileId, officer, head, teacher, stranger } = await theParties();
    const baseStaff = await signIn(t.app, t.db, { schools: [{ urn: BASE, role: 'admin' }] });
    const id = idFrom((await commission(officer, profileId)).headers.location);
    const sides = await t.db
      .selectFrom('deployment_readiness as r')
      .innerJoin('readiness_assessments as a', 'a.id', 'r.assessment_id')
      .select(['r.side', 'a.id', 'a.urn', 'a.framework_id', 'a.partnership_type'])
      .where('r.partnership_id', '=', id)
      .orderBy('r.side')
      .execute();
    expect(sides.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        side: 'client',
        urn: CLIENT,
        framework_id: 'deployment-client-school',
        partnership_type: 'deployment',
      },
      { side: 'leader', urn: BASE, framework_id: 'deployment-system-leader', partnership_type: 'deployment' },
    ]);
    const [client, leader] = sides.map((r) => r.id) as [number, number];
    const page = async (who: SignedIn) => visibleText((await api(who, `/deployments/${id}`)).body);

    // Each side answers its own questions, through the readiness pages.
    const leaderPage = await page(ada);
    expect(leaderPage).toContain('Client school’s questions 0 of 7 questions answered Not completed');
    expect(leaderPage).toContain('You can accept once both sides have completed their readiness questions');
    expect((await api(ada, `/deployments/${id}`)).body).toContain(`href="/readiness/assessments/${leader}"`);
    expect((await api(ada, `/readiness/assessments/${leader}`)).statusCode).toBe(200);
    expect((await api(teacher, `/readiness/assessments/${client}`)).statusCode).toBe(200);
    const section = await postForm(
      t.app,
      `/readiness/assessments/${leader}/sections/time-and-capacity`,
      {
        _csrf: ada.csrfToken,
        'rating-sl-time-and-capacity': '4',
        'evidence-sl-time-and-capacity': 'Cover arranged',
      },
      ada.headers,
    );
    expect(section.statusCode).toBe(303);
    expect(await page(officer)).toContain('System leader’s questions 1 of 7 questions answered');

    // Accepting before both sides have completed is refused.
    const accept = () =>
      postForm(t.app, `/deployments/${id}/answer`, { _csrf: ada.csrfToken, answer: 'accepted' }, ada.headers);
    await completeReadiness(t.db, id, {
      sides: ['client'],
      rating: 1,
      ratings: { 'client-moral-purpose-and-trust': 4 },
    });
    expect((await accept()).statusCode).toBe(409);

    // Each side's answers are its own and the commissioner's; the other side and strangers are told they do not exist.
    for (const who of [ada, baseStaff, stranger]) {
      expect((await api(who, `/readiness/assessments/${client}/report`)).statusCode).toBe(404);
    }
    for (const who of [head, teacher, stranger]) {
      expect((await api(who, `/readiness/assessments/${leader}/report`)).statusCode).toBe(404);
    }
    expect((await api(stranger, `/deployments/${id}`)).statusCode).toBe(404);
    // The commissioner reads both but answers neither.
    expect((await api(officer, `/readiness/assessments/${client}/report`)).statusCode).toBe(200);
    const readOnly = await postForm(
      t.app,
      `/readiness/assessments/${leader}/sections/time-and-capacity`,
      { _csrf: officer.csrfToken, 'rating-sl-time-and-capacity': '1' },
      officer.headers,
    );
    expect(readOnly.statusCode).toBe(403);

    await completeReadiness(t.db, id, { sides: ['leader'], rating: 4 });
    const done = await page(ada);
    expect(done).toContain('The two sides disagree on these themes');
    expect(done).toContain('Time and capacity');
    // A Welsh reader sees the theme as the framework names it in Welsh.
    const inWelsh = await t.app.inject({
      url: `/deployments/${id}`,
      headers: { cookie: `${ada.cookie}; s2s-lang=cy` },
    });
    expect(inWelsh.body).toContain('<li>Amser a chapasiti</li>');
    expect(done).toContain(
      'Talk the themes where you disagree through with the client school before you accept',
    );
    expect(done).not.toContain('Compare the two sides’ answers');
    const asOfficer = (await api(officer, `/deployments/${id}`)).body;
    expect(asOfficer).toContain(`/readiness/assessments/${leader}/compare/${client}`);
    const compare = await api(officer, `/readiness/assessments/${leader}/compare/${client}`);
    expect(compare.statusCode).toBe(200);
    expect((await api(ada, `/readiness/assessments/${leader}/compare/${client}`)).statusCode).toBe(404);

    expect((await accept()).statusCode).toBe(303);
    expect((await api(officer, `/api/deployments/${id}`)).json().status).toBe('agreed');
  });

  it('titles a deployment’s partnership in the reader’s language, and a title someone wrote as they wrote it', async () => {
    const { profileId, head } = await theParties();
    const id = idFrom((await commission(head, profileId)).headers.location);
    const { page: welsh } = inWelsh(() => t.app);
    for (const url of [`/partnerships/${id}`, `/partnerships/${id}/impact`, '/partnerships']) {
      const page = visibleText(await welsh(url, head));
      expect(page, url).toContain('Secondiad Ada Leader i Client Primary');
      expect(page, url).not.toContain('Deployment of');
    }
    const english = visibleText((await api(head, `/partnerships/${id}`)).body);
    expect(english).toContain('Deployment of Ada Leader to Client Primary');
    expect((await api(head, `/api/partnerships/${id}`)).json().title).toBe(
      'Deployment of Ada Leader to Client Primary',
    );
    // The same title saved again with the plan stays the service's; one the school writes stays theirs.
    await updatePlan(t.db, id, { title: 'Deployment of Ada Leader to Client Primary' });
    expect(visibleText(await welsh(`/partnerships/${id}`, head))).toContain(
      'Secondiad Ada Leader i Client Primary',
    );
    await updatePlan(t.db, id, { title: 'Deployment of Ada Leader to Client Primary, spring' });
    expect(visibleText(await welsh(`/partnerships/${id}`, head))).toContain(
      'Deployment of Ada Leader to Client Primary, spring',
    );
  });

  it('refuses to invite another school into a deployment’s partnership, on the page and to an API client', async () => {
    const { profileId } = await aLeader();
    const head = await signIn(t.app, t.db, { schools: [{ urn: CLIENT, role: 'admin' }] });
    const id = idFrom((await commission(head, profileId)).headers.location);
    const invite = { urn: String(OTHER), role: 'supporting' };

    const show = await api(head, `/partnerships/${id}`);
    expect(show.statusCode).toBe(200);
    expect(show.body).not.toContain(`/partnerships/${id}/plan/schools`);
    expect((await api(head, `/partnerships/${id}/check`)).body).not.toContain(
      `/partnerships/${id}/plan/schools`,
    );
    const form = await api(head, `/partnerships/${id}/plan/schools`);
    expect(form.statusCode).toBe(403);
    expect(visibleText(form.body)).toContain(
      'A deployment’s parties are the client school and its system leader',
    );

    const posted = await postForm(
      t.app,
      `/partnerships/${id}/plan/schools`,
      { _csrf: head.csrfToken, ...invite },
      head.headers,
    );
    expect(posted.statusCode).toBe(403);
    const asApiClient = await t.app.inject({
      method: 'POST',
      url: `/partnerships/${id}/plan/schools`,
      headers: {
        ...head.headers,
        'content-type': 'application/json',
        'csrf-token': head.csrfToken,
        accept: 'application/json',
      },
      payload: JSON.stringify(invite),
    });
    expect(asApiClient.statusCode).toBe(403);
    expect(
      (await api(head, `/api/partnerships/${id}`)).json().members.map((m: { urn: number }) => m.urn),
    ).toEqual([CLIENT]);
    const invited = await t.db
      .selectFrom('partnership_members')
      .select('urn')
      .where('partnership_id', '=', id)
      .execute();
    expect(invited).toEqual([{ urn: CLIENT }]);
  });

  it('shows the costing only to the client’s administrators, the commissioning officers and the leader', async () => {
    const { ada, profileId, officer, head, teacher, stranger } = await theParties();
    const id = idFrom((await commission(officer, profileId, { paidBy: 'organisation' })).headers.location);

    for (const who of [ada, officer, head]) {
      expect((await api(who, `/api/deployments/${id}`)).json().costing).toMatchObject({ totalPounds: 1800 });
      expect((await api(who, `/deployments/${id}`)).body).toContain('£1,800');
    }
    const seenByTeacher = await api(teacher, `/api/deployments/${id}`);
    expect(seenByTeacher.statusCode).toBe(200);
    expect(seenByTeacher.json().costing).toBeNull();
    const page = await api(teacher, `/deployments/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('£');
    expect((await api(teacher, '/api/deployments')).json().items[0].costing).toBeNull();

    expect((await api(stranger, `/api/deployments/${id}`)).statusCode).toBe(404);
    expect((await api(stranger, `/deployments/${id}`)).statusCode).toBe(404);
    expect((await api(stranger, '/api/deployments')).json().total).toBe(0);
    expect((await api(null, `/api/deployments/${id}`)).statusCode).toBe(401);
    expect((await api(null, '/api/deployments')).statusCode).toBe(401);
    const anonymousPage = await api(null, `/deployments/${id}`);
    expect(anonymousPage.statusCode).toBe(303);
    expect(anonymousPage.headers.location).toMatch(/^\/sign-in/);
  });

  it('refuses to commission for a school the person does not administer or oversee', async () => {
    const { profileId } = await aLeader();
    const organisationId = await createOrganisation(t.db, { schools: [{ urn: TRUST_SCHOOL }] });
    const officer = await signIn(t.app, t.db, { organisations: [organisationId] });
    const teacher = await signIn(t.app, t.db, { schools: [{ urn: CLIENT }] });

    // A member who is not an administrator, with no organisation: no school to commission for.
    expect(
      (await t.app.inject({ url: `/system-leaders/${profileId}/commission`, headers: teacher.headers }))
        .statusCode,
    ).toBe(403);
    expect((await commission(teacher, profileId)).statusCode).toBe(403);

    const notTheirs = await commission(officer, profileId, { clientUrn: CLIENT });
    expect(notTheirs.statusCode).toBe(400);
    expect(notTheirs.body).toContain('href="#clientUrn"');
    expect(await t.db.selectFrom('deployments').select('partnership_id').execute()).toEqual([]);

    expect((await t.app.inject({ url: `/system-leaders/${profileId}/commission` })).statusCode).toBe(303);
    expect(
      (await t.app.inject({ url: '/system-leaders/999999/commission', headers: officer.headers })).statusCode,
    ).toBe(404);
  });

  it('refuses more days than the leader has left, naming the field, and frees days declined', async () => {
    const { who: ada, profileId } = await aLeader();
    const head = await signIn(t.app, t.db, { schools: [{ urn: CLIENT, role: 'admin' }] });
    const daysAvailable = async () =>
      (await t.app.inject('/api/system-leaders')).json().items[0].daysAvailable as number;
    const before = await daysAvailable();

    const first = await commission(head, profileId, { days: '4' });
    expect(first.statusCode).toBe(303);
    expect(await daysAvailable()).toBe(before - 4);

    const over = await commission(head, profileId, { days: '3' });
    expect(over.statusCode).toBe(400);
    expect(over.body).toContain('href="#days"');
    expect(over.body).toContain(
      `more days than the system leader has left in ${spring.label} (2 of 6 days free)`,
    );
    // What the person typed is kept.
    expect(over.body).toContain('Coach the English lead');
    expect(await t.db.selectFrom('deployments').select('partnership_id').execute()).toHaveLength(1);

    const outside = await commission(head, profileId, { start: '2090-01-10', end: '2090-02-10' });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('href="#startDate"');

    const declined = await postForm(
      t.app,
      `/deployments/${idFrom(first.headers.location)}/answer`,
      { _csrf: ada.csrfToken, answer: 'declined' },
      ada.headers,
    );
    expect(declined.statusCode).toBe(303);
    expect(await daysAvailable()).toBe(before);
    expect((await commission(head, profileId, { days: '3' })).statusCode).toBe(303);
  });

  it('checks a change of days or dates on the partnership plan pages as commissioning does', async () => {
    const { profileId } = await aLeader();
    const head = await signIn(t.app, t.db, { schools: [{ urn: CLIENT, role: 'admin' }] });
    const other = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    const id = idFrom((await commission(head, profileId, { days: '4' })).headers.location);
    // Another school takes one more of the leader's six spring days.
    expect((await commission(other, profileId, { clientUrn: OTHER, days: '1' })).statusCode).toBe(303);
    const plan = (section: string, fields: Record<string, string>) =>
      postForm(
        t.app,
        `/partnerships/${id}/plan/${section}`,
        { _csrf: head.csrfToken, ...fields },
        head.headers,
      );
    const daysNow = async () =>
      (await api(head, `/api/deployments/${id}`)).json() as { days: number; start: string; end: string };

    const over = await plan('resources', { staffDays: '6', releaseTime: '' });
    expect(over.statusCode).toBe(400);
    expect(over.body).toContain('href="#staffDays"');
    expect(over.body).toContain(`more days than the system leader has left in ${spring.label}`);
    // Blank days, leaving only release time, would hold none of the leader's days.
    const blank = await plan('resources', { staffDays: '', releaseTime: 'Every Friday' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('href="#staffDays"');
    expect((await daysNow()).days).toBe(4);

    const [y] = spring.start.split('-');
    const outside = await plan('timescales', {
      'startDate-day': '10',
      'startDate-month': '1',
      'startDate-year': '2090',
      'endDate-day': '10',
      'endDate-month': '2',
      'endDate-year': '2090',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain('href="#startDate"');
    expect(await daysNow()).toMatchObject({ start: spring.start, end: spring.end });

    // Its own four days are not counted twice: five of the six fit beside the other school's one.
    expect((await plan('resources', { staffDays: '5', releaseTime: '' })).statusCode).toBe(303);
    const moved = await plan('timescales', {
      'startDate-day': '1',
      'startDate-month': '2',
      'startDate-year': y!,
      'endDate-day': '1',
      'endDate-month': '3',
      'endDate-year': y!,
    });
    expect(moved.statusCode).toBe(303);
    expect(await daysNow()).toMatchObject({ days: 5, start: `${y}-02-01`, end: `${y}-03-01` });
  });

  it('lets the deployed leader read the partnership and impact report and keep its running record, not its plan', async () => {
    const { who: ada, profileId } = await aLeader();
    const { who: bo } = await aLeader('Bo Leader');
    const head = await signIn(t.app, t.db, { schools: [{ urn: CLIENT, role: 'admin' }] });
    const stranger = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    const id = idFrom((await commission(head, profileId)).headers.location);
    const send = (who: SignedIn, path: string, fields: Record<string, string>) =>
      postForm(t.app, `/partnerships/${id}${path}`, { _csrf: who.csrfToken, ...fields }, who.headers);
    const update = { body: 'Coached the Year 6 team on guided reading' };

    // The plan is the client school's, before and after the leader answers.
    expect((await send(ada, '/plan/resources', { staffDays: '2', releaseTime: '' })).statusCode).toBe(403);
    await completeReadiness(t.db, id);
    await postForm(
      t.app,
      `/deployments/${id}/answer`,
      { _csrf: ada.csrfToken, answer: 'accepted' },
      ada.headers,
    );

    const page = await api(ada, `/partnerships/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Add a progress update');
    expect(page.body).not.toContain('Give feedback');
    expect((await api(ada, `/partnerships/${id}/impact`)).statusCode).toBe(200);
    expect((await api(ada, `/api/partnerships/${id}`)).statusCode).toBe(200);
    expect((await send(ada, '/record/updates', update)).statusCode).toBe(303);
    expect((await api(head, `/partnerships/${id}`)).body).toContain(update.body);
    // Steering (closing, here) stays with the client school's administrators.
    expect((await send(ada, '/close', { closure: 'ended-early', reason: 'No' })).statusCode).toBe(403);

    // Another leader and another school's administrator are strangers to it.
    for (const who of [bo, stranger]) {
      expect((await api(who, `/partnerships/${id}`)).statusCode).toBe(404);
      expect((await api(who, `/partnerships/${id}/impact`)).statusCode).toBe(404);
      expect((await send(who, '/record/updates', update)).statusCode).toBe(404);
    }
    const updates = await t.db
      .selectFrom('partnership_updates')
      .select('body')
      .where('partnership_id', '=', id)
      .execute();
    expect(updates).toEqual([update]);
  });

  it('lets the commissioner withdraw a deployment before it starts, freeing the days and telling the leader', async () => {
    const { ada, profileId, officer, head, stranger } = await theParties();
    const daysAvailable = async () =>
      (await t.app.inject('/api/system-leaders')).json().items[0].daysAvailable as number;
    const before = await daysAvailable();
    const withdraw = (who: SignedIn, id: number) =>
      postForm(t.app, `/deployments/${id}/withdraw`, { _csrf: who.csrfToken }, who.headers);
    const answer = (id: number, value: string) =>
      postForm(t.app, `/deployments/${id}/answer`, { _csrf: ada.csrfToken, answer: value }, ada.headers);

    const id = idFrom((await commission(officer, profileId, { days: '4' })).headers.location);
    await completeReadiness(t.db, id);
    expect(await answer(id, 'accepted')).toMatchObject({ statusCode: 303 });
    expect((await api(officer, `/deployments/${id}`)).body).toContain('Withdraw the deployment');
    expect((await api(head, `/deployments/${id}`)).body).not.toContain('Withdraw the deployment');
    // The organisation commissioned it: not the school's administrator, nor the leader, nor a stranger.
    expect((await withdraw(head, id)).statusCode).toBe(403);
    expect((await withdraw(ada, id)).statusCode).toBe(403);
    expect((await withdraw(stranger, id)).statusCode).toBe(404);
    expect(await daysAvailable()).toBe(before - 4);

    expect((await withdraw(officer, id)).statusCode).toBe(303);
    expect(await daysAvailable()).toBe(before);
    expect((await api(officer, `/api/deployments/${id}`)).json().status).toBe('withdrawn');
    expect((await withdraw(officer, id)).statusCode).toBe(409);
    const told = await t.db
      .selectFrom('notifications')
      .select('subject')
      .where('user_id', '=', ada.user.id)
      .where('kind', '=', 'deployment-withdrawn')
      .execute();
    expect(told).toEqual([{ subject: 'The deployment to Client Primary is withdrawn before it started' }]);
    // Listed as withdrawn, and left out of the days and cost the organisation commissioned.
    const list = (await api(officer, '/deployments')).body;
    expect(list).toContain('Withdrawn before it started');
    const summary = list.slice(list.indexOf('Days and cost by school'), list.indexOf('Each deployment'));
    expect(summary).not.toContain('Client Primary');

    // One the school commissioned itself, withdrawn before the leader answered: the leader no longer can.
    const second = idFrom((await commission(head, profileId, { days: '2' })).headers.location);
    expect((await withdraw(head, second)).statusCode).toBe(303);
    expect((await api(ada, `/deployments/${second}`)).body).not.toContain('Do you accept this deployment?');
    expect((await answer(second, 'accepted')).statusCode).toBe(409);
  });

  it('shows a deployment as completed or ended early once its partnership has closed', async () => {
    const { who: ada, profileId } = await aLeader();
    const head = await signIn(t.app, t.db, { schools: [{ urn: CLIENT, role: 'admin' }] });
    const agreed = async (days: string) => {
      const id = idFrom((await commission(head, profileId, { days })).headers.location);
      await completeReadiness(t.db, id);
      await postForm(
        t.app,
        `/deployments/${id}/answer`,
        { _csrf: ada.csrfToken, answer: 'accepted' },
        ada.headers,
      );
      return id;
    };
    const ended = await agreed('2');
    const completed = await agreed('1');

    const closing = await postForm(
      t.app,
      `/partnerships/${ended}/close`,
      { _csrf: head.csrfToken, closure: 'ended-early', reason: 'The headteacher left' },
      head.headers,
    );
    expect(closing.statusCode).toBe(303);
    // Completion needs a review after the work; here the partnership is closed as a review would leave it.
    await t.db
      .updateTable('partnerships')
      .set({ status: 'closed', closure: 'completed' })
      .where('id', '=', completed)
      .execute();

    for (const who of [head, ada]) {
      const endedPage = (await api(who, `/deployments/${ended}`)).body;
      expect(endedPage).toContain('Ended early');
      expect(endedPage).not.toContain('Agreed by both sides');
      expect((await api(who, `/deployments/${completed}`)).body).toContain('Completed');
      expect((await api(who, `/api/deployments/${ended}`)).json().status).toBe('ended-early');
      expect((await api(who, `/api/deployments/${completed}`)).json().status).toBe('completed');
      const list = (await api(who, '/deployments')).body;
      expect(list).toContain('Ended early');
      expect(list).toContain('Completed');
      expect(list).not.toContain('Agreed by both sides');
    }
  });

  it('gives an organisation officer the days and cost of what they commissioned, by school', async () => {
    const { profileId } = await aLeader();
    const { profileId: second } = await aLeader('Bo Leader');
    const organisationId = await createOrganisation(t.db, {
      name: 'Leeds Trust',
      schools: [{ urn: CLIENT }, { urn: TRUST_SCHOOL }],
    });
    const officer = await signIn(t.app, t.db, { organisations: [organisationId] });
    const head = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    await commission(officer, profileId, { clientUrn: CLIENT, days: '2' });
    await commission(officer, second, { clientUrn: CLIENT, days: '1.5', dayRatePounds: '400' });
    await commission(officer, second, { clientUrn: TRUST_SCHOOL, days: '3', paidBy: 'organisation' });
    // Commissioned by a school itself: not the organisation's.
    await commission(head, profileId, { clientUrn: OTHER, days: '1' });

    const page = await t.app.inject({ url: '/deployments', headers: officer.headers });
    expect(page.statusCode).toBe(200);
    const summary = page.body.slice(page.body.indexOf('Days and cost by school'));
    const rowOf = (name: string) => {
      const at = summary.indexOf(name);
      return summary.slice(at, summary.indexOf('</tr>', at));
    };
    // 2 days at £450 and 1.5 at £400; 3 days at £450.
    expect(rowOf('Client Primary')).toMatch(/3.5 days[\s\S]*£1,500/);
    expect(rowOf('Trust Primary')).toMatch(/3 days[\s\S]*£1,350/);
    expect(rowOf('All schools')).toMatch(/6.5 days[\s\S]*£2,850/);
    expect(summary).not.toContain('Other Primary');
  });

  it('counts published leaders and the days they have left in each area of GET /api/capacity', async () => {
    const { profileId } = await aLeader();
    const head = await signIn(t.app, t.db, { schools: [{ urn: CLIENT, role: 'admin' }] });
    await commission(head, profileId, { days: '4' });
    const hidden = await signIn(t.app, t.db);
    await publishProfile(t.app, hidden, { urn: BASE }, { publish: false });
    const daysAvailable = (await t.app.inject('/api/system-leaders')).json().items[0].daysAvailable as number;

    const capacity = (await t.app.inject('/api/capacity?by=la')).json();
    expect(capacity.total).toMatchObject({ systemLeaders: 1, systemLeaderDaysAvailable: daysAvailable });
    const withLeaders = capacity.items.filter((i: { systemLeaders: number }) => i.systemLeaders > 0);
    expect(withLeaders).toHaveLength(1);
    expect(withLeaders[0]).toMatchObject({ systemLeaders: 1, systemLeaderDaysAvailable: daysAvailable });
    for (const item of capacity.items) expect(typeof item.systemLeaderDaysAvailable).toBe('number');

    // The leader works with primary schools only.
    const secondary = (await t.app.inject('/api/capacity?by=la&phase=secondary')).json();
    expect(secondary.total).toMatchObject({ systemLeaders: 0, systemLeaderDaysAvailable: 0 });
    // The table and its CSV count them too, in the area of the leader's school.
    const code = withLeaders[0].code as string;
    const page = (await t.app.inject('/capacity?by=la')).body;
    const row = page.slice(page.indexOf(`data-code="${code}"`));
    const cells = [...row.slice(0, row.indexOf('</tr>')).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) =>
      m[1]!.trim(),
    );
    expect(cells.slice(-2)).toEqual(['1', daysAvailable.toFixed(1)]);
    expect(page).toContain('System leaders’ days free');
    const csv = parse((await t.app.inject('/capacity.csv?by=la')).body, { from_line: 2 }) as string[][];
    const [header, ...rows] = csv;
    expect(header!.slice(-2)).toEqual(['System leaders', 'System leaders’ days free']);
    expect(rows.find((r) => r[0] === code)!.slice(-2)).toEqual(['1', String(daysAvailable)]);
  });

  it('leaves the demo’s example leaders out of the capacity figures and says how many', async () => {
    await aLeader();
    const example: ProfileDetails = {
      jobTitle: 'Executive headteacher',
      urn: BASE,
      claimedDesignations: [],
      expertise: ['leadership'],
      phases: ['primary'],
      experience: '',
      availability: { daysPerTerm: 10, from: daysFromToday(0), to: daysFromToday(730) },
      travelKm: 20,
      worksRemotely: false,
      dayRatePounds: null,
      freeWithin: null,
    };
    for (const n of [1, 2]) {
      await createExampleLeader(
        t.db,
        { name: `Example ${n}`, email: `example-${n}@s2s.invalid` },
        example,
        new Date().toISOString(),
      );
    }
    // The directory lists them, as examples.
    expect((await t.app.inject('/api/system-leaders')).json().total).toBe(3);

    const capacity = (await t.app.inject('/api/capacity?by=la')).json();
    expect(capacity.total).toMatchObject({ systemLeaders: 1 });
    const page = (await t.app.inject('/capacity?by=la')).body;
    expect(page.replace(/\s+/g, ' ')).toContain(
      '2 example system leaders made up for the demonstration are left out',
    );
    const csv = (await t.app.inject('/capacity.csv?by=la')).body;
    expect(csv.split('\n')[0]).toContain('2 example system leaders (made up) left out of the counts');
    const welshCsv = (await t.app.inject({ url: '/capacity.csv?by=la', headers: { cookie: 's2s-lang=cy' } }))
      .body;
    expect(welshCsv.split('\n')[0]).toContain(
      '2 arweinydd system enghreifftiol (a luniwyd) wedi’u gadael allan o’r cyfrif',
    );
    expect(englishLeftIn(welshCsv.split('\n')[0]!)).toEqual([]);
    const rows = parse(csv, { from_line: 2 }) as string[][];
    expect(rows.at(-1)![rows[0]!.indexOf('System leaders')]).toBe('1');

    // Where none would have been counted (they work with primary schools), nothing is said.
    expect((await t.app.inject('/capacity?by=la&phase=secondary')).body).not.toContain(
      'example system leader',
    );
  });
});
