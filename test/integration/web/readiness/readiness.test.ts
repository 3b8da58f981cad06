import { beforeEach, describe, expect, it } from 'vitest';
import { createAssessment, saveAnswers } from '../../../../src/data/readiness.ts';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const OWN = 400001;
const PARTNER = 400002;
const OTHER = 400003;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('readiness pages and API', () => {
  const t = useTestApp(async (db) => {
    for (const urn of [OWN, PARTNER, OTHER]) await insertSchool(db, { urn, name: `School ${urn}` });
  });
  let admin: SignedIn;
  let member: SignedIn;
  let stranger: SignedIn;
  let otherAdmin: SignedIn;
  let partner: SignedIn;
  let officer: SignedIn;
  let organisationId: number;

  const post = (who: SignedIn, url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(fields),
    });
  const get = (who: SignedIn | null, url: string) => t.app.inject({ url, headers: who ? who.headers : {} });

  /** Rates every item of Estyn's ten questions: resources and culture low, the rest high. */
  async function answerAll(assessmentId: number) {
    const low = new Set(['resources', 'culture']);
    const sections: Record<string, string[]> = {
      purpose: ['focus', 'need', 'priorities', 'outcomes'],
      'resources-and-impact': ['resources', 'evaluate-impact'],
      'partners-and-culture': ['choosing-partners', 'practice-to-share', 'culture', 'barriers'],
    };
    for (const [section, items] of Object.entries(sections)) {
      const fields: Record<string, string> = {};
      for (const item of items) {
        fields[`rating-${item}`] = low.has(item) ? '1' : '4';
        fields[`evidence-${item}`] = `Evidence on ${item}`;
      }
      const response = await post(
        member,
        `/readiness/assessments/${assessmentId}/sections/${section}`,
        fields,
      );
      expect(response.statusCode).toBe(303);
    }
  }

  /** An assessment the member has started for their school, with one item rated. */
  async function started(): Promise<number> {
    const response = await post(member, '/readiness/assessments', {
      urn: String(OWN),
      frameworkId: 'estyn-ten-questions',
      partnershipType: 'peer-to-peer',
    });
    expect(response.statusCode).toBe(303);
    const id = Number(response.headers.location!.split('/').pop());
    await post(member, `/readiness/assessments/${id}/sections/purpose`, {
      'rating-focus': '2',
      'evidence-focus': 'Reading in KS2',
    });
    return id;
  }

  /** An assessment answered in full and completed. */
  async function completed(): Promise<number> {
    const id = await started();
    await answerAll(id);
    expect((await post(member, `/readiness/assessments/${id}/complete`, {})).statusCode).toBe(303);
    return id;
  }

  /** A completed assessment shared with the partner school and the local authority. */
  async function shared(): Promise<number> {
    const id = await completed();
    await post(admin, `/readiness/assessments/${id}/sharing`, { grantee: 'school', urn: String(PARTNER) });
    await post(admin, `/readiness/assessments/${id}/sharing`, {
      grantee: 'organisation',
      organisationId: String(organisationId),
    });
    return id;
  }

  /** A deployment client-school assessment of OWN, shared with the partner school (a system leader's). */
  async function clientAssessmentSharedWithPartner(): Promise<number> {
    const client = await createAssessment(t.db, {
      urn: OWN,
      frameworkId: 'deployment-client-school',
      frameworkVersion: 1,
      partnershipType: 'deployment',
      startedBy: member.user.id,
    });
    await saveAnswers(t.db, client, [
      { itemId: 'client-time-and-capacity', rating: 1, evidence: 'No time set aside' },
      { itemId: 'client-exit-and-sustainability', rating: 3, evidence: '' },
    ]);
    await post(admin, `/readiness/assessments/${client}/sharing`, {
      grantee: 'school',
      urn: String(PARTNER),
    });
    return client;
  }

  beforeEach(async () => {
    organisationId = await createOrganisation(t.db, { name: 'Leeds City Council' });
    admin = await signIn(t.app, t.db, { schools: [{ urn: OWN, role: 'admin' }] });
    member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    stranger = await signIn(t.app, t.db, {});
    otherAdmin = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }], platformAdmin: true });
    partner = await signIn(t.app, t.db, { schools: [{ urn: PARTNER }] });
    officer = await signIn(t.app, t.db, { organisations: [organisationId] });
  });

  it('sends an anonymous visitor to sign in, and answers the API with 401', async () => {
    const page = await get(null, '/readiness');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/sign-in/);
    expect((await get(null, '/api/readiness/assessments/1')).statusCode).toBe(401);
    expect((await get(null, '/api/readiness/frameworks')).statusCode).toBe(200);
  });

  it('explains what is missing when the start form is sent empty', async () => {
    const response = await post(member, '/readiness/assessments', {});
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Choose what to assess your school against');
    expect(response.body).toContain('Choose the kind of partnership you are considering');
  });

  it('refuses to start an assessment for a school the user does not belong to', async () => {
    const response = await post(member, '/readiness/assessments', {
      urn: String(OTHER),
      frameworkId: 'estyn-ten-questions',
      partnershipType: 'peer-to-peer',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Choose a school you are a member of');
  });

  it('lets a member start, answer section by section, and see progress on the task list', async () => {
    const started = await post(member, '/readiness/assessments', {
      urn: String(OWN),
      frameworkId: 'estyn-ten-questions',
      partnershipType: 'peer-to-peer',
    });
    expect(started.statusCode).toBe(303);
    const id = Number(started.headers.location!.split('/').pop());
    const saved = await post(member, `/readiness/assessments/${id}/sections/purpose`, {
      'rating-focus': '2',
      'evidence-focus': 'Reading in KS2',
    });
    expect(saved.headers.location).toBe(`/readiness/assessments/${id}/sections/resources-and-impact`);
    const taskList = await get(member, `/readiness/assessments/${id}`);
    expect(taskList.body).toContain('1 of 4 rated');
    expect(taskList.body).toContain('In progress');
    const section = await get(member, `/readiness/assessments/${id}/sections/purpose`);
    expect(section.body).toContain('Reading in KS2');
  });

  it('keeps what was typed and names the field when a rating is not on the scale or evidence is too long', async () => {
    const id = await started();
    const response = await post(member, `/readiness/assessments/${id}/sections/purpose`, {
      'rating-focus': '9',
      'evidence-need': 'x'.repeat(5001),
      'evidence-outcomes': 'Kept after the error',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#rating-focus"');
    expect(response.body).toContain(
      'Evidence for “Why is the support needed?” must be 5,000 characters or fewer',
    );
    expect(response.body).toContain('Kept after the error');
  });

  it('will not complete until every item is rated, listing each one', async () => {
    const id = await started();
    const response = await post(member, `/readiness/assessments/${id}/complete`, {});
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Rate “Why is the support needed?” before completing the assessment');
  });

  it('completes, locks and reports: scores, gaps ranked for the partnership, and an action plan', async () => {
    const id = await started();
    await answerAll(id);
    const completed = await post(member, `/readiness/assessments/${id}/complete`, {});
    expect(completed.statusCode).toBe(303);
    const report = await get(member, `/readiness/assessments/${id}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Completed on');
    expect(report.body).toMatch(/<svg\s+class="s2s-chart"/);
    expect(report.body).toMatch(/Resources and impact[\s\S]*?50%/);
    // Resources weighs double (Estyn's main barrier), so it leads the gaps and the plan.
    const gaps = report.body.slice(report.body.indexOf('Gaps that matter most'));
    expect(gaps.indexOf('What are the resources required')).toBeLessThan(
      gaps.indexOf('Have you a culture within your school'),
    );
    expect(report.body).toContain('Cost the staff time needed');
    // A gap in collaborative culture leads to other schools' practice in leadership.
    expect(gaps).toContain('href="/practice?focus=leadership"');
    const locked = await post(member, `/readiness/assessments/${id}/sections/purpose`, {
      'rating-focus': '1',
    });
    expect(locked.statusCode).toBe(409);
  });

  it('exports the answers as CSV and the report as JSON for the school’s members', async () => {
    const id = await completed();
    const csv = await get(member, `/readiness/assessments/${id}/answers.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\n')).toHaveLength(11);
    const json = (await get(member, `/api/readiness/assessments/${id}`)).json();
    expect(json.gaps[0]).toMatchObject({ itemId: 'resources', rating: 1 });
    expect(json.actions).toHaveLength(2);
  });

  it('hides the assessment from strangers and other schools, platform administrators included', async () => {
    const id = await completed();
    for (const who of [stranger, otherAdmin, partner, officer]) {
      expect((await get(who, `/readiness/assessments/${id}/report`)).statusCode).toBe(404);
      expect((await get(who, `/api/readiness/assessments/${id}`)).statusCode).toBe(404);
      expect((await get(who, `/readiness/assessments/${id}/answers.csv`)).statusCode).toBe(404);
    }
  });

  it('lets only the school’s administrators share, and lets those shared with read but not change', async () => {
    const id = await completed();
    expect((await get(member, `/readiness/assessments/${id}/sharing`)).statusCode).toBe(403);
    const bad = await post(admin, `/readiness/assessments/${id}/sharing`, { grantee: 'school', urn: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(
      'Enter the partner school’s URN or Welsh school number, a 6 or 7 digit number',
    );
    expect(
      (await post(admin, `/readiness/assessments/${id}/sharing`, { grantee: 'school', urn: String(PARTNER) }))
        .statusCode,
    ).toBe(303);
    expect(
      (
        await post(admin, `/readiness/assessments/${id}/sharing`, {
          grantee: 'organisation',
          organisationId: String(organisationId),
        })
      ).statusCode,
    ).toBe(303);
    for (const who of [partner, officer]) {
      const listed = (await get(who, '/api/readiness/assessments')).json();
      expect(listed.items.map((a: { id: number; ownSchool: boolean }) => [a.id, a.ownSchool])).toEqual([
        [id, false],
      ]);
      expect((await get(who, `/readiness/assessments/${id}/report`)).statusCode).toBe(200);
      expect((await get(who, `/api/readiness/assessments/${id}`)).statusCode).toBe(200);
      expect((await get(who, `/readiness/assessments/${id}/sharing`)).statusCode).toBe(403);
    }
    const draft = await createAssessment(t.db, {
      urn: OWN,
      frameworkId: 'partnership-enablers',
      frameworkVersion: 1,
      partnershipType: 'peer-to-peer',
      startedBy: null,
    });
    expect((await get(partner, `/readiness/assessments/${draft}/report`)).statusCode).toBe(404);
    expect((await get(stranger, `/readiness/assessments/${id}/report`)).statusCode).toBe(404);
    expect((await get(stranger, '/api/readiness/assessments')).json()).toMatchObject({ total: 0, items: [] });
  });

  it('updates an action’s owner, date and status, refusing a date that does not exist', async () => {
    const id = await shared();
    const { actions } = (await get(member, `/api/readiness/assessments/${id}`)).json() as {
      actions: Array<{ priority: number }>;
    };
    expect(actions[0]!.priority).toBe(1);
    const page = await get(member, `/readiness/assessments/${id}/report`);
    const actionUrl = page.body.match(/href="(\/readiness\/assessments\/\d+\/actions\/\d+)"/)![1]!;
    const bad = await post(member, actionUrl, {
      owner: 'Deputy head',
      'dueOn-day': '31',
      'dueOn-month': '2',
      'dueOn-year': '2027',
      status: 'in-progress',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Due date must be a real date');
    expect(bad.body).toContain('value="Deputy head"');
    const good = await post(member, actionUrl, {
      owner: 'Deputy head',
      'dueOn-day': '28',
      'dueOn-month': '2',
      'dueOn-year': '2027',
      status: 'in-progress',
    });
    expect(good.statusCode).toBe(303);
    const report = await get(member, `/readiness/assessments/${id}/report`);
    expect(report.body).toContain('Deputy head');
    expect(report.body).toContain('28 February 2027');
    expect((await post(partner, actionUrl, { status: 'done' })).statusCode).toBe(403);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['urn', 'actor_user_id', 'details'])
      .where('action', '=', 'readiness.action-updated')
      .execute();
    expect(audit).toEqual([
      { urn: OWN, actor_user_id: member.user.id, details: { assessmentId: id, status: 'in-progress' } },
    ]);
  });

  it('shows where a system leader’s and a client school’s answers disagree', async () => {
    const leader = await createAssessment(t.db, {
      urn: PARTNER,
      frameworkId: 'deployment-system-leader',
      frameworkVersion: 1,
      partnershipType: 'deployment',
      startedBy: partner.user.id,
    });
    await saveAnswers(t.db, leader, [
      { itemId: 'sl-time-and-capacity', rating: 4, evidence: 'Cover arranged' },
      { itemId: 'sl-exit-and-sustainability', rating: 3, evidence: '' },
    ]);
    const client = await clientAssessmentSharedWithPartner();
    const report = await get(partner, `/readiness/assessments/${leader}/report`);
    expect(report.body).toContain(`/readiness/assessments/${leader}/compare/${client}`);
    const compare = await get(partner, `/readiness/assessments/${leader}/compare/${client}`);
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain('1 of 7 themes disagree');
    expect(compare.body).toContain('No time set aside');
    expect((await get(stranger, `/readiness/assessments/${leader}/compare/${client}`)).statusCode).toBe(404);
  });

  it('links the school profile to its assessments for those who may see them, listing only what each may read', async () => {
    const id = await shared();
    await clientAssessmentSharedWithPartner();
    await createAssessment(t.db, {
      urn: OWN,
      frameworkId: 'partnership-enablers',
      frameworkVersion: 1,
      partnershipType: 'peer-to-peer',
      startedBy: null,
    });
    const link = `href="/schools/${OWN}/readiness"`;
    const seen = async (who: SignedIn) => {
      const page = await get(who, `/schools/${OWN}/readiness`);
      expect(page.statusCode).toBe(200);
      return [...page.body.matchAll(/href="\/readiness\/assessments\/(\d+)(?:\/report)?"/g)].map((m) =>
        Number(m[1]),
      );
    };
    const profile = await get(member, `/schools/${OWN}`);
    expect(profile.body).toContain(link);
    expect(profile.body).toContain('Readiness assessments (3)');
    expect(await seen(member)).toHaveLength(3);

    expect((await get(partner, `/schools/${OWN}`)).body).toContain('Readiness assessments (2)');
    // The partner was given this assessment and the deployment one, not the unshared draft.
    const unshared = await t.db
      .selectFrom('readiness_assessments')
      .select('id')
      .where('framework_id', '=', 'partnership-enablers')
      .executeTakeFirstOrThrow();
    const partnerSees = await seen(partner);
    expect(partnerSees).toHaveLength(2);
    expect(partnerSees).toContain(id);
    expect(partnerSees).not.toContain(unshared.id);
    expect(await seen(officer)).toEqual([id]);

    for (const who of [stranger, otherAdmin]) {
      expect((await get(who, `/schools/${OWN}`)).body).not.toContain(link);
      expect(await seen(who)).toEqual([]);
    }
    expect((await get(null, `/schools/${OWN}`)).body).not.toContain(link);
    const anonymous = await get(null, `/schools/${OWN}/readiness`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);
  });
});
