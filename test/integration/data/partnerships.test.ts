import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerInvitation } from '../../../src/domain/partnerships/lifecycle.ts';
import {
  addObjective,
  addStaff,
  applyInvitationAnswer,
  applyTransition,
  createPartnership,
  getPartnership,
  listEvents,
  listPartnerships,
  removePlanItem,
  updatePlan,
} from '../../../src/data/partnerships.ts';
import { addAction, addOutcome, listOutcomes } from '../../../src/data/partnership-records.ts';
import { impactReport } from '../../../src/data/partnership-impact.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { createAcceptedPartnership } from '../../helpers/partnerships.ts';
import { insertSchool } from '../../helpers/schools.ts';

const LEAD = 110001;
const PARTNER = 110002;
const OTHER = 110003;
const at = '2021-09-01T09:00:00.000Z';

describe('storing partnerships', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: LEAD, name: 'Ash Primary' });
    await insertSchool(t.db, { urn: PARTNER, name: 'Birch Primary' });
    await insertSchool(t.db, { urn: OTHER, name: 'Cedar Primary' });
  });
  afterAll(() => t.drop());

  const propose = () =>
    createPartnership(t.db, {
      title: 'Reading together',
      type: 'peer-to-peer',
      proposer: { urn: LEAD, role: 'reciprocal' },
      invited: [{ urn: PARTNER, role: 'reciprocal' }],
      createdBy: 1,
      at,
    });

  it('stores a proposal with its schools and the first event', async () => {
    const id = await propose();
    const p = await getPartnership(t.db, id);
    expect(p).toMatchObject({ status: 'proposed', type: 'peer-to-peer', focusAreas: [] });
    expect(p!.members).toEqual([
      { urn: LEAD, name: 'Ash Primary', role: 'reciprocal', invitation: 'proposer', respondedAt: null },
      { urn: PARTNER, name: 'Birch Primary', role: 'reciprocal', invitation: 'invited', respondedAt: null },
    ]);
    expect(await listEvents(t.db, id)).toEqual([
      expect.objectContaining({
        kind: 'proposed',
        toStatus: 'proposed',
        byUserId: 1,
        at,
        schoolName: 'Ash Primary',
      }),
    ]);
  });

  it('records an invitation answer once only', async () => {
    const id = await propose();
    const p = (await getPartnership(t.db, id))!;
    const answer = answerInvitation(p, PARTNER, 'accept', { byUserId: 2, at });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(await applyInvitationAnswer(t.db, id, answer.value)).toBe(true);
    expect(await applyInvitationAnswer(t.db, id, answer.value)).toBe(false);
    const after = (await getPartnership(t.db, id))!;
    expect(after.members[1]).toMatchObject({ invitation: 'accepted', respondedAt: at });
    expect((await listEvents(t.db, id)).map((e) => e.kind)).toEqual(['proposed', 'invitation-accepted']);
  });

  it('applies a lifecycle change only from the status it was decided on', async () => {
    const id = await propose();
    const p = (await getPartnership(t.db, id))!;
    const accepted = answerInvitation(p, PARTNER, 'accept', { byUserId: 2, at });
    if (accepted.ok) await applyInvitationAnswer(t.db, id, accepted.value);
    const transition = {
      status: 'agreed' as const,
      closure: null,
      endReason: null,
      event: {
        kind: 'agreed' as const,
        fromStatus: 'proposed' as const,
        toStatus: 'agreed' as const,
        urn: null,
        byUserId: 1,
        at,
        reason: null,
      },
    };
    expect(await applyTransition(t.db, id, 'active', transition)).toBe(false);
    expect((await getPartnership(t.db, id))!.status).toBe('proposed');
    expect(await applyTransition(t.db, id, 'proposed', transition)).toBe(true);
    expect((await getPartnership(t.db, id))!.status).toBe('agreed');
  });

  it('refuses a closed partnership without saying how it closed', async () => {
    const id = await propose();
    await expect(
      t.db.updateTable('partnerships').set({ status: 'closed' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/partnerships_closed_how/);
  });

  it('lists a school’s partnerships with overdue actions, and invitations only when asked', async () => {
    const id = await propose();
    await addAction(
      t.db,
      id,
      { description: 'Observe', owner: 'A', dueDate: '2021-10-01', status: 'in-progress' },
      1,
    );
    await addAction(t.db, id, { description: 'Plan', owner: 'B', dueDate: '2021-10-01', status: 'done' }, 1);
    await addAction(
      t.db,
      id,
      { description: 'Review', owner: 'B', dueDate: '2021-12-01', status: 'not-started' },
      1,
    );
    const lead = await listPartnerships(t.db, [LEAD], '2021-11-01');
    expect(lead.find((s) => s.id === id)).toMatchObject({ overdueActions: 1, status: 'proposed' });
    expect((await listPartnerships(t.db, [OTHER], '2021-11-01')).map((s) => s.id)).not.toContain(id);
    const partnerWithoutInvites = await listPartnerships(t.db, [PARTNER], '2021-11-01');
    const partnerWithInvites = await listPartnerships(t.db, [PARTNER], '2021-11-01', { invitedToo: true });
    expect(partnerWithoutInvites.map((s) => s.id)).not.toContain(id);
    expect(partnerWithInvites.map((s) => s.id)).toContain(id);
  });

  it('changes only its own plan items and outcomes', async () => {
    const mine = await propose();
    const theirs = await propose();
    await addStaff(t.db, theirs, {
      urn: LEAD,
      name: 'C',
      jobTitle: 'Head',
      seniority: 'headteacher',
      systemLeader: 'NLE',
    });
    await addObjective(t.db, theirs, {
      description: 'x',
      successCriteria: 'y',
      measure: 'custom',
      customMeasureName: 'z',
      baseline: 1,
      target: 2,
    });
    const their = (await getPartnership(t.db, theirs))!;
    await removePlanItem(t.db, mine, 'staff', their.staff[0]!.id);
    expect((await getPartnership(t.db, theirs))!.staff).toHaveLength(1);
    expect(
      await addOutcome(
        t.db,
        mine,
        { objectiveId: their.objectives[0]!.id, recordedOn: '2022-01-01', value: 3, note: '' },
        1,
      ),
    ).toBe(false);
    expect(await listOutcomes(t.db, theirs)).toEqual([]);
  });
});

describe('measuring impact from the registry', () => {
  let t: TestDatabase;
  const MEMBER_NEW = 120001; // academy since 2022: its 2021 result sits on its predecessor
  const MEMBER_OLD = 120000;
  const BUSY = 120002; // in another running partnership: never a comparison school
  const comparison = [120010, 120011, 120012, 120013, 120014];

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: MEMBER_OLD, name: 'Old Oak Primary', open: false, statusName: 'Closed' });
    await insertSchool(t.db, { urn: MEMBER_NEW, name: 'Oak Academy' });
    await insertSchool(t.db, { urn: BUSY, name: 'Busy Primary' });
    await insertSchool(t.db, { urn: LEAD, name: 'Lead Primary' });
    for (const urn of comparison) await insertSchool(t.db, { urn });
    await t.db
      .insertInto('school_links')
      .values({
        urn: MEMBER_NEW,
        link_urn: MEMBER_OLD,
        link_name: 'Old Oak Primary',
        link_type: 'Predecessor',
        link_date: '2022-04-01',
      })
      .execute();
    const result = (urn: number, year: number, value: number) => ({
      urn,
      year,
      key_stage: 2 as const,
      rwm_expected_percent: value,
      raw: '{}',
    });
    await t.db
      .insertInto('performance')
      .values([
        result(MEMBER_OLD, 2021, 40),
        result(MEMBER_NEW, 2023, 52),
        result(LEAD, 2021, 70),
        result(LEAD, 2023, 72),
        result(BUSY, 2021, 40),
        result(BUSY, 2023, 90),
        // Comparison schools change by 1, 2, 3, 2, 2: mean 2.
        ...comparison.flatMap((urn, i) => [
          result(urn, 2021, 40 + i),
          result(urn, 2023, 40 + i + [1, 2, 3, 2, 2][i]!),
        ]),
      ])
      .execute();
    const other = await createPartnership(t.db, {
      title: 'Other',
      type: 'deployment',
      proposer: { urn: BUSY, role: 'supported' },
      invited: [],
      createdBy: 1,
      at,
    });
    await t.db
      .updateTable('partnerships')
      .set({ status: 'active', start_date: '2021-01-01' })
      .where('id', '=', other)
      .execute();
  });
  afterAll(() => t.drop());

  it('follows the predecessor URN, leaves out schools in partnerships, and compares against the rest', async () => {
    const id = await createAcceptedPartnership(t.db, {
      title: 'Maths',
      type: 'deployment',
      proposer: { urn: LEAD, role: 'supporting' },
      invited: [{ urn: MEMBER_NEW, role: 'supported' }],
      createdBy: 1,
      at,
    });
    await updatePlan(t.db, id, { startDate: '2021-09-01', endDate: '2023-12-31' });
    await addObjective(t.db, id, {
      description: 'More pupils at the expected standard',
      successCriteria: '50%',
      measure: 'ks2.rwmExpectedPercent',
      customMeasureName: null,
      baseline: 40,
      target: 50,
    });
    await t.db.updateTable('partnerships').set({ status: 'active' }).where('id', '=', id).execute();

    const report = await impactReport(t.db, (await getPartnership(t.db, id))!, '2024-02-01');
    const impact = report!.objectives[0]!.registry!;
    expect(impact.members).toEqual([
      { urn: LEAD, before: 70, after: 72 },
      { urn: MEMBER_NEW, before: 40, after: 52 },
    ]);
    // Every eligible school is in the comparison; the busy school and the members are not.
    expect(impact.comparison).toMatchObject({
      schools: comparison.length,
      matchedOn: ['fsmPercent', 'pupils', 'phase'],
    });
    // Members change by 2 and 12 (mean 7); comparison by 2 on average.
    expect(impact.result!.estimate).toBeCloseTo(5, 10);
    expect(impact.reading).toContain('Comparing 2021, before the partnership, with 2023, since it started');
  });
});
