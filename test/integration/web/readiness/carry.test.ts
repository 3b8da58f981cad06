import type { PartnershipStatus } from '../../../../src/domain/partnerships/model.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  completeAssessment,
  createAssessment,
  listActions,
  updateAction,
} from '../../../../src/data/readiness.ts';
import { signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { createAcceptedPartnership } from '../../../helpers/partnerships.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const OWN = 410001;
const PARTNER = 410002;
const OTHER = 410003;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('a readiness action plan carried into a partnership', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: OWN, name: 'Ash Primary' });
    await insertSchool(db, { urn: PARTNER, name: 'Birch Primary' });
    await insertSchool(db, { urn: OTHER, name: 'Cedar Primary' });
  });
  let ownAdmin: SignedIn;
  let ownMember: SignedIn;
  let partnerMember: SignedIn;
  let partnerAdmin: SignedIn;
  let otherAdmin: SignedIn;
  let stranger: SignedIn;
  let assessmentId: number;
  let partnershipId: number;

  const post = (who: SignedIn | null, url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...(who ? who.headers : {}), 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(fields),
    });
  const get = (who: SignedIn | null, url: string) => t.app.inject({ url, headers: who ? who.headers : {} });
  const setStatus = (status: PartnershipStatus) =>
    t.db.updateTable('partnerships').set({ status }).where('id', '=', partnershipId).execute();
  const carriedRows = () =>
    t.db
      .selectFrom('readiness_actions')
      .select(['action', 'status'])
      .where('partnership_id', '=', partnershipId)
      .orderBy('priority')
      .execute();

  /** The partnership agreed and the school's open actions brought into it. */
  async function carried() {
    await setStatus('active');
    const carry = await post(ownAdmin, `/partnerships/${partnershipId}/readiness-actions`, {
      urn: String(OWN),
    });
    expect(carry.statusCode).toBe(303);
  }

  beforeEach(async () => {
    ownAdmin = await signIn(t.app, t.db, { schools: [{ urn: OWN, role: 'admin' }] });
    ownMember = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    partnerMember = await signIn(t.app, t.db, { schools: [{ urn: PARTNER }] });
    partnerAdmin = await signIn(t.app, t.db, { schools: [{ urn: PARTNER, role: 'admin' }] });
    otherAdmin = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    stranger = await signIn(t.app, t.db, {});

    assessmentId = await createAssessment(t.db, {
      urn: OWN,
      frameworkId: 'estyn-ten-questions',
      frameworkVersion: 1,
      partnershipType: 'peer-to-peer',
      startedBy: ownAdmin.user.id,
    });
    const action = (itemId: string, text: string, priority: number) => ({
      itemId,
      action: text,
      owner: '',
      dueOn: '2030-01-31',
      status: 'not-started' as const,
      priority,
    });
    await completeAssessment(t.db, assessmentId, new Date('2029-12-01T10:00:00Z'), [
      action('resources', 'Cost the release time for the work', 1),
      action('culture', 'Open classrooms to visiting colleagues', 2),
      action('barriers', 'Name what could stop the partnership', 3),
    ]);
    const barriers = (await listActions(t.db, assessmentId)).find((a) => a.itemId === 'barriers')!;
    await updateAction(t.db, assessmentId, barriers.id, { owner: 'Head', dueOn: null, status: 'done' });

    partnershipId = await createAcceptedPartnership(t.db, {
      title: 'Reading together',
      type: 'peer-to-peer',
      proposer: { urn: OWN, role: 'reciprocal' },
      invited: [{ urn: PARTNER, role: 'reciprocal' }],
      createdBy: ownAdmin.user.id,
      at: '2029-12-02T09:00:00.000Z',
    });
  });

  it('sends an anonymous visitor to sign in, and refuses their changes', async () => {
    const page = await get(null, `/partnerships/${partnershipId}`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/sign-in/);
    const carry = await post(null, `/partnerships/${partnershipId}/readiness-actions`, { urn: String(OWN) });
    expect(carry.statusCode).toBe(403);
    expect(await carriedRows()).toEqual([]);
  });

  it('does not offer the plan before the partnership is agreed, and refuses it if sent', async () => {
    const page = await get(ownAdmin, `/partnerships/${partnershipId}`);
    expect(page.body).not.toContain('readiness actions (');
    const carry = await post(ownAdmin, `/partnerships/${partnershipId}/readiness-actions`, {
      urn: String(OWN),
    });
    expect(carry.statusCode).toBe(409);
    expect(carry.body).toContain('once the partnership is agreed');
    expect(await carriedRows()).toEqual([]);

    const welsh = await inWelsh(() => t.app).post(
      `/partnerships/${partnershipId}/readiness-actions`,
      ownAdmin,
      {
        urn: String(OWN),
      },
    );
    expect(welsh.statusCode).toBe(409);
    expect(visibleText(welsh.body)).toContain(
      'Gellir dod â chynllun gweithredu parodrwydd i mewn unwaith y bydd y bartneriaeth wedi’i chytuno',
    );
    expect(englishLeftIn(welsh.body)).toEqual([]);
  });

  it('lets only an administrator of the school bring in its plan', async () => {
    await setStatus('active');
    for (const [who, status] of [
      [ownMember, 403],
      [partnerAdmin, 403],
      // Those who may not see the partnership at all are told it does not exist.
      [otherAdmin, 404],
      [stranger, 404],
    ] as const) {
      const carry = await post(who, `/partnerships/${partnershipId}/readiness-actions`, { urn: String(OWN) });
      expect(carry.statusCode).toBe(status);
    }
    expect(await carriedRows()).toEqual([]);
    const memberPage = await get(ownMember, `/partnerships/${partnershipId}`);
    expect(memberPage.body).not.toContain('readiness actions (');
  });

  it('brings in the open actions of the latest completed assessment, once, and audits it', async () => {
    await setStatus('active');
    const page = await get(ownAdmin, `/partnerships/${partnershipId}`);
    expect(page.body).toContain('Bring in Ash Primary’s readiness actions (2 open)');
    const carry = await post(ownAdmin, `/partnerships/${partnershipId}/readiness-actions`, {
      urn: String(OWN),
    });
    expect(carry.statusCode).toBe(303);
    expect(await carriedRows()).toEqual([
      { action: 'Cost the release time for the work', status: 'not-started' },
      { action: 'Open classrooms to visiting colleagues', status: 'not-started' },
    ]);
    const after = await get(ownAdmin, `/partnerships/${partnershipId}`);
    expect(after.body).not.toContain('readiness actions (');
    await post(ownAdmin, `/partnerships/${partnershipId}/readiness-actions`, { urn: String(OWN) });
    expect(await carriedRows()).toHaveLength(2);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('action', '=', 'readiness.actions-carried')
      .execute();
    expect(audit).toEqual([{ action: 'readiness.actions-carried', actor_user_id: ownAdmin.user.id }]);
  });

  it('shows the partner school the carried actions and nothing else of the assessment', async () => {
    await carried();
    const page = await get(partnerMember, `/partnerships/${partnershipId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Open classrooms to visiting colleagues');
    expect(page.body).not.toContain('Name what could stop the partnership');
    expect(page.body).not.toContain(`/readiness/assessments/${assessmentId}`);
    const report = await get(partnerMember, `/readiness/assessments/${assessmentId}/report`);
    expect(report.statusCode).toBe(404);
    const api = await get(partnerMember, `/api/partnerships/${partnershipId}`);
    expect(api.json().readinessActions).toEqual([
      expect.objectContaining({
        urn: OWN,
        action: 'Cost the release time for the work',
        dueOn: '2030-01-31',
      }),
      expect.objectContaining({ urn: OWN, action: 'Open classrooms to visiting colleagues' }),
    ]);
  });

  it('shows a Welsh reader the carried actions the framework wrote in Welsh, the API in English', async () => {
    const NEXT_STEP =
      'Name one senior leader to own partnership working, and give them protected time and training in managing relationships with other schools before the school commits to anything.';
    const enablers = await createAssessment(t.db, {
      urn: PARTNER,
      frameworkId: 'partnership-enablers',
      frameworkVersion: 2,
      partnershipType: 'peer-to-peer',
      startedBy: partnerAdmin.user.id,
    });
    // Completed by an English reader: the plan is stored as the framework writes it, beside a step of the school's own.
    await completeAssessment(t.db, enablers, new Date('2029-12-01T10:00:00Z'), [
      {
        itemId: 'leadership-capacity',
        action: NEXT_STEP,
        owner: '',
        dueOn: '2030-01-31',
        status: 'not-started',
        priority: 1,
      },
      {
        itemId: 'trust',
        action: 'Cinio staff ar y cyd bob tymor',
        owner: '',
        dueOn: '2030-01-31',
        status: 'not-started',
        priority: 2,
      },
    ]);
    await setStatus('active');
    const carry = await post(partnerAdmin, `/partnerships/${partnershipId}/readiness-actions`, {
      urn: String(PARTNER),
    });
    expect(carry.statusCode).toBe(303);

    const { page: welsh } = inWelsh(() => t.app);
    const html = await welsh(`/partnerships/${partnershipId}`, ownMember);
    const page = visibleText(html);
    expect(page).toContain(
      'Enwch un uwch arweinydd i fod yn gyfrifol am weithio mewn partneriaeth, a rhowch amser wedi’i warchod',
    );
    expect(page).toContain('Cinio staff ar y cyd bob tymor');
    expect(page).not.toContain('Name one senior leader');
    // The section, its schools' names ("Birch Primary") aside.
    const section = /id="readiness-actions"[\s\S]*?<h2/.exec(html)![0].replaceAll(/\w+ Primary/g, '');
    expect(section).toContain('Cinio staff ar y cyd bob tymor');
    expect(englishLeftIn(section)).toEqual([]);
    // The English reader and the API keep the words as stored.
    expect(visibleText((await get(ownMember, `/partnerships/${partnershipId}`)).body)).toContain(NEXT_STEP);
    const api = await get(ownMember, `/api/partnerships/${partnershipId}`);
    expect(api.json().readinessActions).toEqual(
      expect.arrayContaining([expect.objectContaining({ urn: PARTNER, action: NEXT_STEP })]),
    );
    expect(api.json().readinessActions[0]).not.toHaveProperty('frameworkId');
  });

  it('keeps the carried actions from strangers and other schools', async () => {
    await carried();
    for (const who of [stranger, otherAdmin]) {
      const page = await get(who, `/partnerships/${partnershipId}`);
      expect(page.statusCode).toBe(404);
      expect(page.body).not.toContain('Open classrooms to visiting colleagues');
    }
    const [first] = await listActions(t.db, assessmentId);
    const change = await post(
      otherAdmin,
      `/partnerships/${partnershipId}/readiness-actions/${first!.id}/status`,
      {
        status: 'done',
      },
    );
    expect(change.statusCode).toBe(404);
    expect((await carriedRows())[0]!.status).toBe('not-started');
  });

  it('lets a member of the partner school update a carried action, shown on the school’s report', async () => {
    await carried();
    const [first, , barriers] = await listActions(t.db, assessmentId);
    const change = await post(
      partnerMember,
      `/partnerships/${partnershipId}/readiness-actions/${first!.id}/status`,
      { status: 'in-progress' },
    );
    expect(change.statusCode).toBe(303);
    const notCarried = await post(
      partnerMember,
      `/partnerships/${partnershipId}/readiness-actions/${barriers!.id}/status`,
      { status: 'not-started' },
    );
    expect(notCarried.statusCode).toBe(404);

    const report = await get(ownMember, `/readiness/assessments/${assessmentId}/report`);
    expect(report.statusCode).toBe(200);
    const row = report.body.slice(report.body.indexOf('Cost the release time for the work'));
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/In progress[\s\S]*Reading together/);
    expect(report.body).toContain('Not carried');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['urn', 'actor_user_id'])
      .where('action', '=', 'readiness.carried-action-updated')
      .execute();
    expect(audit).toEqual([{ urn: OWN, actor_user_id: partnerMember.user.id }]);
  });
});
