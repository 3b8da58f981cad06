import { beforeEach, describe, expect, it } from 'vitest';
import { addMilestone, getPartnership } from '../../../../src/data/partnerships.ts';
import { signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { createAcceptedPartnership } from '../../../helpers/partnerships.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { visibleText } from '../../../helpers/page-text.ts';

const LEAD = 420001;
const PARTNER = 420002;
const OTHER = 420003;

describe('ticking off a partnership’s milestones', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: LEAD, name: 'Ash Primary' });
    await insertSchool(db, { urn: PARTNER, name: 'Birch Primary' });
    await insertSchool(db, { urn: OTHER, name: 'Cedar Primary' });
  });
  let leadMember: SignedIn;
  let partnerMember: SignedIn;
  let otherAdmin: SignedIn;
  let id: number;
  let milestoneId: number;

  const mark = (who: SignedIn, done: string) =>
    t.app.inject({
      method: 'POST',
      url: `/partnerships/${id}/milestones/${milestoneId}`,
      headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ done }).toString(),
    });
  const doneOn = async () =>
    (await getPartnership(t.db, id))!.milestones.find((m) => m.id === milestoneId)!.doneOn;
  const today = () => new Date().toISOString().slice(0, 10);
  /** Agreed and started: milestones are marked while a partnership runs. */
  const running = () =>
    t.db.updateTable('partnerships').set({ status: 'active' }).where('id', '=', id).execute();

  // Each test starts from a proposed partnership of two schools with two milestones, one missed.
  beforeEach(async () => {
    leadMember = await signIn(t.app, t.db, { name: 'Ada Lead', schools: [{ urn: LEAD }] });
    partnerMember = await signIn(t.app, t.db, { schools: [{ urn: PARTNER }] });
    otherAdmin = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    id = await createAcceptedPartnership(t.db, {
      title: 'Maths together',
      type: 'peer-to-peer',
      proposer: { urn: LEAD, role: 'reciprocal' },
      invited: [{ urn: PARTNER, role: 'reciprocal' }],
      createdBy: leadMember.user.id,
      at: '2024-09-01T09:00:00.000Z',
    });
    await addMilestone(t.db, id, { title: 'First joint lesson study', dueDate: '2024-10-01', doneOn: null });
    await addMilestone(t.db, id, {
      title: 'Termly review with governors',
      dueDate: '2099-12-01',
      doneOn: null,
    });
    milestoneId = (await getPartnership(t.db, id))!.milestones.find((m) => m.title.startsWith('First'))!.id;
  });

  it('cannot be ticked before the partnership is agreed', async () => {
    const res = await mark(leadMember, 'yes');
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Milestones are marked while the partnership runs; this one is proposed');
    expect(await doneOn()).toBeNull();
  });

  it('says why in Welsh to a Welsh reader', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/partnerships/${id}/milestones/${milestoneId}`,
      headers: {
        ...leadMember.headers,
        cookie: `${leadMember.cookie}; s2s-lang=cy`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ done: 'yes' }).toString(),
    });
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain(
      'Caiff cerrig milltir eu marcio tra bo’r bartneriaeth yn rhedeg; un arfaethedig yw hon.',
    );
  });

  it('writes the milestone dates in full on the plan', async () => {
    const page = await t.app.inject({
      url: `/partnerships/${id}/plan/milestones`,
      headers: leadMember.headers,
    });
    expect(page.body).toContain('1 October 2024');
    expect(page.body).not.toContain('2024-10-01<');
  });

  it('shows the milestones on the running record, the missed one overdue', async () => {
    await running();
    const page = await t.app.inject({ url: `/partnerships/${id}`, headers: partnerMember.headers });
    const section = page.body.slice(page.body.indexOf('id="milestones"'), page.body.indexOf('id="actions"'));
    expect(section).toMatch(/First joint lesson study[\s\S]*Overdue[\s\S]*Mark as done/);
    expect(section).toMatch(/Termly review with governors[\s\S]*Not yet done/);
  });

  it('is ticked off by a member of either school, audited, and can be undone', async () => {
    await running();
    expect((await mark(partnerMember, 'yes')).statusCode).toBe(303);
    expect(await doneOn()).toBe(today());
    const page = await t.app.inject({ url: `/partnerships/${id}`, headers: leadMember.headers });
    const section = page.body.slice(page.body.indexOf('id="milestones"'), page.body.indexOf('id="actions"'));
    expect(section).toMatch(/First joint lesson study[\s\S]*Done[\s\S]*Mark as not done/);

    expect((await mark(leadMember, 'no')).statusCode).toBe(303);
    expect(await doneOn()).toBeNull();
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('action', 'like', 'partnership.milestone-%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'partnership.milestone-done', actor_user_id: partnerMember.user.id },
      { action: 'partnership.milestone-reopened', actor_user_id: leadMember.user.id },
    ]);
  });

  it('refuses another school and anonymous visitors', async () => {
    await running();
    expect((await mark(otherAdmin, 'yes')).statusCode).toBe(404);
    const anonymous = await t.app.inject({ url: `/partnerships/${id}` });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);
    expect(await doneOn()).toBeNull();
  });

  it('shows who wrote each progress update', async () => {
    await running();
    const written = await t.app.inject({
      method: 'POST',
      url: `/partnerships/${id}/record/updates`,
      headers: { ...leadMember.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ body: 'First lesson study went well' }).toString(),
    });
    expect(written.statusCode).toBe(303);
    const page = await t.app.inject({ url: `/partnerships/${id}`, headers: partnerMember.headers });
    const progress = page.body.slice(page.body.indexOf('id="progress"'));
    expect(progress).toMatch(/, by Ada Lead[\s\S]*First lesson study went well/);
  });
});
