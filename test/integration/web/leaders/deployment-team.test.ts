import { describe, expect, it } from 'vitest';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import {
  aPublishedLeader,
  completeReadiness,
  daysFromToday,
  deploymentForm,
  nextSpring,
  type DeploymentFields,
} from '../../../helpers/leaders.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const BASE = 642001;
const CLIENT = 642002;
const OTHER = 642003;

describe('a deployment’s team', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: BASE, name: 'Base Primary', lat: 53.8, lon: -1.55 });
      await insertSchool(db, { urn: CLIENT, name: 'Client Primary', lat: 53.85, lon: -1.55 });
      await insertSchool(db, { urn: OTHER, name: 'Other Primary', lat: 53.83, lon: -1.55 });
    },
    { fresh: 'test' },
  );
  const spring = nextSpring();

  /** A published leader with six days a term at the rate given, and the id of their profile. */
  const aLeader = (name: string, dayRatePounds: string) =>
    aPublishedLeader(t.app, t.db, name, { urn: BASE, daysPerTerm: '6', dayRatePounds });

  /** The lead (£450 a day), two more leaders (£300 and £200), and the people around the client school of Leeds Trust. */
  async function theParties() {
    const lead = await aLeader('Ada Lead', '450');
    const bea = await aLeader('Bea Member', '300');
    const cal = await aLeader('Cal Member', '200');
    const organisationId = await createOrganisation(t.db, {
      name: 'Leeds Trust',
      schools: [{ urn: CLIENT }],
    });
    const officer = await signIn(t.app, t.db, { organisations: [organisationId] });
    const head = await signIn(t.app, t.db, { schools: [{ urn: CLIENT, role: 'admin' }] });
    const teacher = await signIn(t.app, t.db, { schools: [{ urn: CLIENT }] });
    const stranger = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    return { lead, bea, cal, officer, head, teacher, stranger };
  }

  const commission = async (who: SignedIn, profileId: number, fields: Partial<DeploymentFields> = {}) => {
    const done = await postForm(
      t.app,
      `/system-leaders/${profileId}/commission`,
      { _csrf: who.csrfToken, ...deploymentForm({ clientUrn: CLIENT, ...spring, ...fields }) },
      who.headers,
    );
    expect(done.statusCode).toBe(303);
    return Number(/\/deployments\/(\d+)/.exec(String(done.headers.location))![1]);
  };

  const addMember = (who: SignedIn, id: number, profileId: number, days: string, dayRatePounds = '') =>
    postForm(
      t.app,
      `/deployments/${id}/team`,
      { _csrf: who.csrfToken, profileId: String(profileId), days, dayRatePounds },
      who.headers,
    );
  const removeMember = (who: SignedIn, id: number, userId: number) =>
    postForm(t.app, `/deployments/${id}/team/${userId}/remove`, { _csrf: who.csrfToken }, who.headers);
  const answer = (who: SignedIn, id: number, value: string) =>
    postForm(t.app, `/deployments/${id}/answer`, { _csrf: who.csrfToken, answer: value }, who.headers);
  const start = (who: SignedIn, id: number) =>
    postForm(t.app, `/partnerships/${id}/start`, { _csrf: who.csrfToken }, who.headers);
  const get = (who: SignedIn, url: string) => t.app.inject({ url, headers: who.headers });
  const daysAvailable = async (profileId: number) =>
    (await t.app.inject(`/api/system-leaders/${profileId}`)).json().daysAvailable as number;

  it('lets the commissioner add members with their own days and rates, costs the team member by member, and keeps costings to those who pay', async () => {
    const { lead, bea, officer, head, teacher, stranger } = await theParties();
    const id = await commission(officer, lead.profileId, { days: '4', paidBy: 'organisation' });

    // Only the commissioner (here the trust's officer) changes the team; strangers learn nothing.
    expect((await addMember(head, id, bea.profileId, '3')).statusCode).toBe(403);
    expect((await addMember(lead.who, id, bea.profileId, '3')).statusCode).toBe(403);
    expect((await addMember(teacher, id, bea.profileId, '3')).statusCode).toBe(403);
    expect((await addMember(stranger, id, bea.profileId, '3')).statusCode).toBe(404);
    // Bad input names the field.
    const noDays = await addMember(officer, id, bea.profileId, '');
    expect(noDays.statusCode).toBe(400);
    expect(noDays.body).toContain('href="#days"');
    const nobody = await addMember(officer, id, 999999, '2');
    expect(nobody.statusCode).toBe(400);
    expect(nobody.body).toContain('href="#profileId"');
    expect(await t.db.selectFrom('deployment_members').selectAll().execute()).toEqual([]);

    // Blank rate: the member's own published rate.
    expect((await addMember(officer, id, bea.profileId, '3')).statusCode).toBe(303);
    const again = await addMember(officer, id, bea.profileId, '1');
    expect(again.statusCode).toBe(400);
    expect(visibleText(again.body)).toContain('That system leader is already on the team');

    const asOfficer = (await get(officer, `/api/deployments/${id}`)).json();
    expect(asOfficer.costing).toMatchObject({ days: 7, totalPounds: 4 * 450 + 3 * 300 });
    expect(asOfficer.team).toMatchObject([
      {
        name: 'Ada Lead',
        lead: true,
        days: 4,
        answer: null,
        costing: { dayRatePounds: 450, totalPounds: 1800 },
      },
      {
        name: 'Bea Member',
        lead: false,
        days: 3,
        answer: null,
        costing: { dayRatePounds: 300, totalPounds: 900 },
      },
    ]);
    const page = visibleText((await get(officer, `/deployments/${id}`)).body);
    expect(page).toContain('£1,800');
    expect(page).toContain('£900');
    expect(page).toContain('£2,700');
    expect(page).toContain('Not answered yet');

    // The member sees the deployment and their own costing, not the lead's nor the total.
    const asBea = (await get(bea.who, `/api/deployments/${id}`)).json();
    expect(asBea.costing).toBeNull();
    expect(asBea.team[0].costing).toBeNull();
    expect(asBea.team[1].costing).toMatchObject({ totalPounds: 900 });
    const beaPage = visibleText((await get(bea.who, `/deployments/${id}`)).body);
    expect(beaPage).toContain('£900');
    expect(beaPage).not.toContain('£1,800');
    expect(beaPage).toContain('Do you accept this deployment?');
    expect((await get(bea.who, '/api/deployments')).json().total).toBe(1);
    // The client school's teacher sees the team but no costing; a stranger nothing.
    const asTeacher = (await get(teacher, `/api/deployments/${id}`)).json();
    expect(asTeacher.costing).toBeNull();
    expect(asTeacher.team.map((m: { costing: unknown }) => m.costing)).toEqual([null, null]);
    expect((await get(teacher, `/deployments/${id}`)).body).not.toContain('£');
    expect((await get(stranger, `/deployments/${id}`)).statusCode).toBe(404);

    // The officer's days and cost by school count the whole team.
    const list = visibleText((await get(officer, '/deployments')).body);
    expect(list).toMatch(/Client Primary 1 7 days £2,700/);

    // Withdrawn before it starts: the whole team is told.
    const withdrawn = await postForm(
      t.app,
      `/deployments/${id}/withdraw`,
      { _csrf: officer.csrfToken },
      officer.headers,
    );
    expect(withdrawn.statusCode).toBe(303);
    const told = await t.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'deployment-withdrawn')
      .orderBy('user_id')
      .execute();
    expect(told.map((r) => r.user_id)).toEqual([lead.who.user.id, bea.who.user.id].sort((a, b) => a - b));
  });

  it('holds each member’s days against what they declared, and frees them when they decline', async () => {
    const { lead, bea, head } = await theParties();
    const id = await commission(head, lead.profileId, { days: '4' });
    const before = await daysAvailable(bea.profileId);

    const tooMany = await addMember(head, id, bea.profileId, '7');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('href="#days"');
    expect(visibleText(tooMany.body)).toContain('more days than the system leader has left');

    expect((await addMember(head, id, bea.profileId, '4')).statusCode).toBe(303);
    expect(await daysAvailable(bea.profileId)).toBe(before - 4);
    // A deployment of their own in the same term now has only two days left to take.
    const own = await postForm(
      t.app,
      `/system-leaders/${bea.profileId}/commission`,
      { _csrf: head.csrfToken, ...deploymentForm({ clientUrn: CLIENT, ...spring, days: '3' }) },
      head.headers,
    );
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain('href="#days"');

    expect((await answer(bea.who, id, 'declined')).statusCode).toBe(303);
    expect(await daysAvailable(bea.profileId)).toBe(before);
    const asHead = (await get(head, `/api/deployments/${id}`)).json();
    expect(asHead.team[1]).toMatchObject({ answer: 'declined' });
    expect(asHead.costing).toMatchObject({ days: 4, totalPounds: 1800 });
    expect(visibleText((await get(head, `/deployments/${id}`)).body)).toContain('Declined');
  });

  it('starts only once every member has accepted, each for themselves; a member who declines is replaced', async () => {
    const { lead, bea, cal, head, teacher, stranger } = await theParties();
    const id = await commission(head, lead.profileId, {
      days: '2',
      start: daysFromToday(0),
      end: daysFromToday(90),
    });
    expect((await addMember(head, id, bea.profileId, '1')).statusCode).toBe(303);

    // Nobody answers for a member: not the client school, nor the lead.
    expect((await answer(head, id, 'accepted')).statusCode).toBe(403);
    expect((await answer(stranger, id, 'accepted')).statusCode).toBe(404);
    await completeReadiness(t.db, id);
    const accepted = await answer(lead.who, id, 'accepted');
    expect(accepted.statusCode).toBe(303);
    // The lead is not told both sides have agreed while the team has still to answer.
    expect(visibleText((await get(lead.who, accepted.headers.location as string)).body)).toContain(
      'You accepted the deployment. It can start once every member of the team has accepted their place.',
    );
    expect((await get(head, `/api/deployments/${id}`)).json()).toMatchObject({
      status: 'awaiting-team',
      team: [{ answer: 'accepted' }, { answer: null }],
    });

    const tooSoon = await start(head, id);
    expect(tooSoon.statusCode).toBe(409);
    expect(visibleText(tooSoon.body)).toContain(
      'Every member of the deployment’s team must accept their place',
    );

    // Bea declines; she is shown as declined until the commissioner replaces her with Cal.
    expect((await answer(bea.who, id, 'declined')).statusCode).toBe(303);
    expect((await answer(bea.who, id, 'accepted')).statusCode).toBe(409);
    // The list names the whole team, each member with their answer, not only the lead.
    const listed = visibleText((await get(head, '/deployments')).body);
    expect(listed).toContain(
      'Deployment of Ada Lead to Client Primary Ada Lead (Lead) Accepted Bea Member (Team member) Declined',
    );
    expect((await start(head, id)).statusCode).toBe(409);
    expect((await removeMember(teacher, id, bea.who.user.id)).statusCode).toBe(403);
    expect((await removeMember(stranger, id, bea.who.user.id)).statusCode).toBe(404);
    expect((await removeMember(head, id, bea.who.user.id)).statusCode).toBe(303);
    expect((await get(bea.who, `/deployments/${id}`)).statusCode).toBe(404);
    expect((await addMember(head, id, cal.profileId, '1')).statusCode).toBe(303);
    expect((await start(head, id)).statusCode).toBe(409);
    expect((await answer(cal.who, id, 'accepted')).statusCode).toBe(303);
    expect((await get(head, `/api/deployments/${id}`)).json().status).toBe('agreed');
    // Each lists their own days as experience on their public profile; Bea, who declined, none.
    const done = async (profileId: number) =>
      (await t.app.inject(`/api/system-leaders/${profileId}`)).json().deploymentsThroughS2s as {
        days: number;
      }[];
    expect((await done(lead.profileId)).map((d) => d.days)).toEqual([2]);
    expect((await done(cal.profileId)).map((d) => d.days)).toEqual([1]);
    expect(await done(bea.profileId)).toEqual([]);

    expect((await start(head, id)).statusCode).toBe(303);
    // Once started, the team no longer changes.
    expect((await addMember(head, id, bea.profileId, '1')).statusCode).toBe(409);
    expect((await removeMember(head, id, cal.who.user.id)).statusCode).toBe(409);
    // A member reads the partnership as the lead does.
    expect((await get(cal.who, `/partnerships/${id}`)).statusCode).toBe(200);
  });
});
