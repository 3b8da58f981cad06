import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeAssessment,
  createAssessment,
  findAssessment,
  grantShare,
  listActions,
  listSchoolAssessments,
  listSharedWith,
  previousCompletedAnswers,
  revokeShare,
  saveAnswers,
  updateAction,
} from '../../../src/data/readiness.ts';
import type { PlannedAction } from '../../../src/domain/readiness/action-plan.ts';
import { listAudit } from '../../../src/data/audit.ts';
import { createOrganisation } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { insertSchool } from '../../helpers/schools.ts';

const OWN = 200001;
const PARTNER = 200002;
const OTHER = 200003;

const action = (itemId: string, priority: number): PlannedAction => ({
  itemId,
  action: `Act on ${itemId}`,
  owner: '',
  dueOn: '2026-03-01',
  status: 'not-started',
  priority,
});

describe('storing readiness assessments', () => {
  let t: TestDatabase;
  const start = (frameworkId = 'estyn-ten-questions') =>
    createAssessment(t.db, {
      urn: OWN,
      frameworkId,
      frameworkVersion: 1,
      partnershipType: 'peer-to-peer',
      startedBy: null,
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const urn of [OWN, PARTNER, OTHER]) await insertSchool(t.db, { urn });
  });
  afterAll(async () => t.drop());

  it('keeps a draft’s answers as they are saved, section by section, replacing earlier ones', async () => {
    const id = await start();
    await saveAnswers(t.db, id, [{ itemId: 'focus', rating: 2, evidence: 'Literacy' }]);
    await saveAnswers(t.db, id, [
      { itemId: 'focus', rating: 3, evidence: 'Literacy in KS2' },
      { itemId: 'need', rating: null, evidence: '' },
    ]);
    const found = await findAssessment(t.db, id);
    expect(found).toMatchObject({ status: 'draft', completedAt: null, schoolName: `School ${OWN}` });
    expect(found!.answers).toEqual([
      { itemId: 'focus', rating: 3, evidence: 'Literacy in KS2' },
      { itemId: 'need', rating: null, evidence: '' },
    ]);
  });

  it('locks and dates a completed assessment with its action plan, and refuses later answers', async () => {
    const id = await start();
    await saveAnswers(t.db, id, [{ itemId: 'focus', rating: 1, evidence: '' }]);
    const at = new Date('2026-02-01T10:00:00Z');
    expect(await completeAssessment(t.db, id, at, [action('focus', 1)])).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await findAssessment(t.db, id)).toMatchObject({ status: 'completed', completedAt: at });
    expect(await saveAnswers(t.db, id, [{ itemId: 'focus', rating: 4, evidence: '' }])).toEqual({
      ok: false,
      reason: 'locked',
    });
    expect((await findAssessment(t.db, id))!.answers[0]!.rating).toBe(1);
    expect(await completeAssessment(t.db, id, at, [])).toEqual({ ok: false, reason: 'locked' });
    expect((await listActions(t.db, id)).map((a) => a.action)).toEqual(['Act on focus']);
  });

  it('completes nothing when the action plan cannot be stored', async () => {
    const id = await start();
    const bad = { ...action('focus', 1), status: 'someday' as PlannedAction['status'] };
    await expect(completeAssessment(t.db, id, new Date(), [bad])).rejects.toThrow();
    expect(await findAssessment(t.db, id)).toMatchObject({ status: 'draft', completedAt: null });
    expect(await listActions(t.db, id)).toEqual([]);
  });

  it('says when an assessment does not exist', async () => {
    expect(await saveAnswers(t.db, 999999, [])).toEqual({ ok: false, reason: 'not-found' });
    expect(await findAssessment(t.db, 999999)).toBeUndefined();
  });

  it('finds the previous completed assessment of the same framework, to show change over time', async () => {
    const first = await start('partnership-enablers');
    await saveAnswers(t.db, first, [{ itemId: 'trust', rating: 1, evidence: 'Early days' }]);
    await completeAssessment(t.db, first, new Date('2026-01-01T00:00:00Z'), []);
    const second = await start('partnership-enablers');
    await saveAnswers(t.db, second, [{ itemId: 'trust', rating: 3, evidence: 'Better' }]);
    await completeAssessment(t.db, second, new Date('2026-06-01T00:00:00Z'), []);
    expect(await previousCompletedAnswers(t.db, (await findAssessment(t.db, second))!)).toEqual([
      { itemId: 'trust', rating: 1, evidence: 'Early days' },
    ]);
    expect(await previousCompletedAnswers(t.db, (await findAssessment(t.db, first))!)).toBeUndefined();
    const listed = await listSchoolAssessments(t.db, OWN);
    expect(listed.filter((a) => a.frameworkId === 'partnership-enablers').map((a) => a.id)).toEqual([
      second,
      first,
    ]);
  });

  it('updates an action’s owner, date and status, but only within its own assessment', async () => {
    const id = await start();
    await completeAssessment(t.db, id, new Date(), [action('need', 1)]);
    const [stored] = await listActions(t.db, id);
    const change = { owner: 'Deputy head', dueOn: '2026-04-01', status: 'in-progress' as const };
    expect(await updateAction(t.db, id, stored!.id, change)).toEqual({ ok: true, value: undefined });
    expect((await listActions(t.db, id))[0]).toMatchObject(change);
    const other = await start();
    expect(await updateAction(t.db, other, stored!.id, change)).toEqual({ ok: false, reason: 'not-found' });
  });

  it('shares an assessment with a partner school or an organisation, once, until revoked', async () => {
    const id = await start();
    await grantShare(t.db, { id, urn: OWN }, { urn: PARTNER });
    await grantShare(t.db, { id, urn: OWN }, { urn: PARTNER });
    const organisationId = await createOrganisation(t.db, { name: 'Leeds City Council' });
    await grantShare(t.db, { id, urn: OWN }, { organisationId });
    const { shares } = (await findAssessment(t.db, id))!;
    expect(shares.map((s) => [s.granteeUrn, s.granteeOrganisationId, s.granteeName])).toEqual([
      [PARTNER, null, `School ${PARTNER}`],
      [null, organisationId, null],
    ]);
    expect((await listSharedWith(t.db, { urns: [PARTNER], organisationIds: [] })).map((a) => a.id)).toEqual([
      id,
    ]);
    expect(
      (await listSharedWith(t.db, { urns: [], organisationIds: [organisationId] })).map((a) => a.id),
    ).toEqual([id]);
    expect(await listSharedWith(t.db, { urns: [OTHER], organisationIds: [organisationId + 1] })).toEqual([]);
    await revokeShare(t.db, { id, urn: OWN }, shares[0]!.id);
    expect(await listSharedWith(t.db, { urns: [PARTNER], organisationIds: [] })).toEqual([]);
    const audit = await listAudit(t.db, { urn: OWN, limit: 10, offset: 0 });
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['readiness.shared', 'readiness.shared', 'readiness.share-revoked']),
    );
    expect(audit.items.filter((a) => a.action === 'readiness.shared')).toHaveLength(2);
  });

  it('keeps a school’s assessments when the school leaves the registry', async () => {
    const id = await start();
    await t.db.deleteFrom('schools').where('urn', '=', OWN).execute();
    expect(await findAssessment(t.db, id)).toMatchObject({ urn: OWN, schoolName: `URN ${OWN}` });
    await insertSchool(t.db, { urn: OWN });
  });
});
