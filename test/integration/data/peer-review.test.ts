import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../../src/data/peer-review/cycles.ts';
import { createGroup } from '../../../src/data/peer-review/groups.ts';
import { addFinding, moveReport, saveJudgement } from '../../../src/data/peer-review/report.ts';
import { getReview } from '../../../src/data/peer-review/reviews.ts';
import { getReviewer, saveReviewer } from '../../../src/data/peer-review/reviewers.ts';
import { addToTeam } from '../../../src/data/peer-review/team.ts';
import { phrase } from '../../../src/domain/words.ts';
import { createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { insertSchool } from '../../helpers/schools.ts';

const [ASH, BIRCH, CEDAR] = [120001, 120002, 120003];
const conflict = {
  kind: 'same-trust' as const,
  source: 'detected' as const,
  reason: phrase('{{school}} and {{host}} are both in {{trust}}.', { school: 'A', host: 'B', trust: 'One Trust' }),
};

describe('storing peer reviews', () => {
  let t: TestDatabase;
  let reviewId: number;
  let lead: { id: number; email: string };
  let other: { id: number; email: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const urn of [ASH, BIRCH, CEDAR]) await insertSchool(t.db, { urn });
    lead = await createUser(t.db, { schools: [{ urn: BIRCH, role: 'admin' }] });
    other = await createUser(t.db, { schools: [{ urn: CEDAR }] });
    const groupId = await createGroup(
      t.db,
      { name: 'North cluster', model: 'cluster', proposerUrn: ASH, invitedUrns: [BIRCH, CEDAR] },
      lead,
    );
    const cycleId = await createCycle(
      t.db,
      {
        groupId,
        title: '2026 reviews',
        framework: { id: 'collaborative-review', version: 1 },
        startsOn: '2026-01-05',
        endsOn: '2026-07-17',
        moderatorUserId: other.id,
        visits: [{ urn: ASH, visitOn: '2026-02-02', sampled: false }],
      },
      lead,
    );
    reviewId = (await t.db.selectFrom('peer_reviews').select('id').where('cycle_id', '=', cycleId).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.drop());

  it('refuses a conflicted place on a team without an override’s reason, whoever calls', async () => {
    await expect(
      addToTeam(t.db, reviewId, { userId: other.id, role: 'reviewer', conflicts: [conflict], override: null }, lead),
    ).rejects.toThrow(/peer_review_team_conflict_overridden/);
    expect((await getReview(t.db, reviewId))!.team).toEqual([]);
  });

  it('keeps the conflicts and the override’s reason with the place', async () => {
    await addToTeam(
      t.db,
      reviewId,
      { userId: other.id, role: 'reviewer', conflicts: [conflict], override: { reason: 'The link ended in 2019.' } },
      other,
    );
    const place = (await getReview(t.db, reviewId))!.team[0]!;
    expect(place.conflicts).toEqual([conflict]);
    expect(place.override).toEqual({ moderatorUserId: other.id, reason: 'The link ended in 2019.' });
  });

  it('refuses a second lead', async () => {
    await addToTeam(t.db, reviewId, { userId: lead.id, role: 'lead', conflicts: [], override: null }, lead);
    const third = await createUser(t.db);
    await expect(
      addToTeam(t.db, reviewId, { userId: third.id, role: 'lead', conflicts: [], override: null }, lead),
    ).rejects.toThrow(/peer_review_team_one_lead/);
  });

  it('refuses a judgement or finding without evidence', async () => {
    await expect(saveJudgement(t.db, reviewId, { areaId: 'leadership', judgement: 3, evidence: ' ' }, lead)).rejects.toThrow();
    await expect(
      addFinding(
        t.db,
        reviewId,
        { areaId: 'leadership', focusArea: 'leadership', kind: 'strength', finding: 'Clear vision', evidence: '' },
        lead,
      ),
    ).rejects.toThrow();
  });

  it('counts a final review towards each team member’s reviews', async () => {
    await saveReviewer(
      t.db,
      lead.id,
      { homeUrn: BIRCH, trainedOn: '2025-09-01', trainedBy: 'Northern Hub', earlierReviews: 1, experience: '' },
      lead,
    );
    expect((await getReviewer(t.db, lead.id))!.reviewsOnS2S).toBe(0);
    expect(await moveReport(t.db, reviewId, { from: 'planned', to: 'final', today: '2026-02-10' }, lead)).toBe(true);
    expect((await getReviewer(t.db, lead.id))!.reviewsOnS2S).toBe(1);
    expect(await moveReport(t.db, reviewId, { from: 'planned', to: 'final', today: '2026-02-10' }, lead)).toBe(false);
  });
});
