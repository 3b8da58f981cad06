import { describe, expect, it } from 'vitest';
import { saveReviewer, declareConflict } from '../../../../src/data/peer-review/reviewers.ts';
import { addToTeam } from '../../../../src/data/peer-review/team.ts';
import { createSession } from '../../../../src/data/sessions.ts';
import { SESSION_COOKIE } from '../../../../src/web/plugins/session.ts';
import { createOrganisation, createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { finalReport, joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { encodeForm } from '../../../helpers/site.ts';

const [ASH, BIRCH, CEDAR, DALE] = [142001, 142002, 142003, 142004];
const SECRET = 'Marking is inconsistent in year 5';

/** A cluster of Ash, Birch and Cedar, moderated by a reviewer from Dale; Ash's report is final. */
describe('peer-review pages', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: ASH, name: 'Ash Primary School' });
    await insertSchool(db, { urn: BIRCH, name: 'Birch Primary School' });
    await insertSchool(db, { urn: CEDAR, name: 'Cedar Primary School' });
    await insertSchool(db, { urn: DALE, name: 'Dale Primary School' });
    const ashAdmin = await createUser(db, {
      email: 'ash@example.org',
      schools: [{ urn: ASH, role: 'admin' }],
    });
    const birchLead = await createUser(db, {
      email: 'birch@example.org',
      name: 'Bea Lead',
      schools: [{ urn: BIRCH, role: 'admin' }],
    });
    const cedarReviewer = await createUser(db, {
      email: 'cedar@example.org',
      name: 'Cy Reviewer',
      schools: [{ urn: CEDAR }],
    });
    const moderator = await createUser(db, {
      email: 'dale@example.org',
      name: 'Mo Derator',
      schools: [{ urn: DALE }],
    });
    const trained = { trainedOn: '2025-09-01', trainedBy: 'Northern Hub', experience: '' };
    await saveReviewer(db, birchLead.id, { homeUrn: BIRCH, earlierReviews: 3, ...trained }, birchLead);
    await saveReviewer(
      db,
      cedarReviewer.id,
      { homeUrn: CEDAR, earlierReviews: 0, ...trained },
      cedarReviewer,
    );
    await saveReviewer(db, moderator.id, { homeUrn: DALE, earlierReviews: 4, ...trained }, moderator);
    await declareConflict(db, cedarReviewer.id, { urn: BIRCH, kind: 'worked-at' }, cedarReviewer);
    await createOrganisation(db, {
      name: 'Leeds City Council',
      schools: [{ urn: ASH, sharesRecords: true }],
    });
    const urns = [ASH, BIRCH, CEDAR];
    const groupId = await joinedGroup(db, { name: 'Aire cluster', urns }, ashAdmin);
    const { reviews } = await scheduledCycle(db, { groupId, urns, moderatorUserId: moderator.id }, ashAdmin);
    await addToTeam(
      db,
      reviews.get(ASH)!,
      { userId: birchLead.id, role: 'lead', conflicts: [], override: null },
      ashAdmin,
    );
    await finalReport(
      db,
      reviews.get(ASH)!,
      [{ focusArea: 'leadership', kind: 'area-to-develop', finding: SECRET }],
      birchLead,
    );
  });

  const reviewOf = async (urn: number) =>
    (await t.db.selectFrom('peer_reviews').select('id').where('host_urn', '=', urn).executeTakeFirstOrThrow())
      .id;
  const userId = async (email: string) =>
    (await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  /** A session for a person the seed made. */
  const as = async (email: string) => {
    const token = await createSession(t.db, await userId(email), new Date());
    const sessionCookie = `${SESSION_COOKIE}=${token}`;
    const response = await t.app.inject({ url: '/api/session', headers: { cookie: sessionCookie } });
    const csrf = response.cookies.find((c) => c.name === 's2s-csrf')!;
    return {
      cookie: `${sessionCookie}; s2s-csrf=${csrf.value}`,
      csrfToken: (response.json() as { csrfToken: string }).csrfToken,
    };
  };
  const post = (who: { cookie: string; csrfToken: string }, url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm(
        Object.entries({ ...fields, _csrf: who.csrfToken }).map(([name, value]) => ({ name, value })),
      ),
    });
  const team = async (reviewId: number) =>
    t.db
      .selectFrom('peer_review_team')
      .select(['user_id', 'override_reason', 'override_by'])
      .where('review_id', '=', reviewId)
      .execute();

  it('refuses a conflicted reviewer to the group’s administrators, even with a reason', async () => {
    const reviewId = await reviewOf(BIRCH);
    const ash = await as('ash@example.org');
    const page = await t.app.inject({
      url: `/peer-review/reviews/${reviewId}`,
      headers: { cookie: ash.cookie },
    });
    expect(page.body).toContain('Cy Reviewer, Cedar Primary School (conflict of interest)');
    const cy = String(await userId('cedar@example.org'));
    const refused = await post(ash, `/peer-review/reviews/${reviewId}/team`, {
      userId: cy,
      role: 'reviewer',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('has a conflict of interest with the host school');
    const again = await post(ash, `/peer-review/reviews/${reviewId}/team`, {
      userId: cy,
      role: 'reviewer',
      overrideReason: 'I say so',
    });
    expect(again.statusCode).toBe(400);
    expect(await team(reviewId)).toEqual([]);
  });

  it('lets the named moderator add them, recording the override and its reason', async () => {
    const reviewId = await reviewOf(BIRCH);
    const mo = await as('dale@example.org');
    const cy = await userId('cedar@example.org');
    const withoutReason = await post(mo, `/peer-review/reviews/${reviewId}/team`, {
      userId: String(cy),
      role: 'reviewer',
    });
    expect(withoutReason.statusCode).toBe(400);
    const added = await post(mo, `/peer-review/reviews/${reviewId}/team`, {
      userId: String(cy),
      role: 'reviewer',
      overrideReason: 'Left Birch in 2015; no contact since',
    });
    expect(added.statusCode).toBe(303);
    expect(await team(reviewId)).toEqual([
      {
        user_id: cy,
        override_reason: 'Left Birch in 2015; no contact since',
        override_by: await userId('dale@example.org'),
      },
    ]);
  });

  it('shows the report to the host school, its team and moderator, and not to the rest of the cluster until shared', async () => {
    const reviewId = await reviewOf(ASH);
    const read = async (email: string) =>
      t.app.inject({
        url: `/peer-review/reviews/${reviewId}`,
        headers: { cookie: (await as(email)).cookie },
      });
    for (const email of ['ash@example.org', 'birch@example.org', 'dale@example.org']) {
      const page = await read(email);
      expect(page.statusCode, email).toBe(200);
      expect(page.body, email).toContain(SECRET);
    }
    const cedar = await read('cedar@example.org');
    expect(cedar.statusCode).toBe(200);
    expect(cedar.body).not.toContain(SECRET);
    expect(cedar.body).toContain('you see it once the school shares it with you');

    const ash = await as('ash@example.org');
    expect(
      (await post(ash, `/peer-review/reviews/${reviewId}/sharing`, { withGroup: 'true' })).statusCode,
    ).toBe(303);
    expect((await read('cedar@example.org')).body).toContain(SECRET);
  });

  it('shows the report to an officer only when the host school shares it with their organisation', async () => {
    const reviewId = await reviewOf(ASH);
    const [org] = await t.db.selectFrom('organisations').select('id').execute();
    const officer = await signIn(t.app, t.db, { organisations: [org!.id] });
    const url = `/peer-review/reviews/${reviewId}`;
    expect((await t.app.inject({ url, headers: { cookie: officer.cookie } })).statusCode).toBe(404);
    const ash = await as('ash@example.org');
    expect((await post(ash, `${url}/sharing`, { organisationIds: String(org!.id) })).statusCode).toBe(303);
    const shared = await t.app.inject({ url, headers: { cookie: officer.cookie } });
    expect(shared.statusCode).toBe(200);
    expect(shared.body).toContain(SECRET);
  });

  it('hides the review from a stranger and sends an anonymous visitor to sign in', async () => {
    const reviewId = await reviewOf(ASH);
    const stranger = await signIn(t.app, t.db, { schools: [{ urn: DALE, role: 'admin' }] });
    const page = await t.app.inject({
      url: `/peer-review/reviews/${reviewId}`,
      headers: { cookie: stranger.cookie },
    });
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain(SECRET);
    const anonymous = await t.app.inject(`/peer-review/reviews/${reviewId}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);
  });

  it('lets the host turn an area to develop into an action and a need, with links to support', async () => {
    const reviewId = await reviewOf(ASH);
    const [finding] = await t.db
      .selectFrom('peer_review_findings')
      .select('id')
      .where('review_id', '=', reviewId)
      .execute();
    const ash = await as('ash@example.org');
    const added = await post(ash, `/peer-review/findings/${finding!.id}/actions`, {
      description: 'Moderate year 5 books each half term',
      owner: 'Deputy head',
      dueOn: '2027-02-01',
      declareNeed: 'true',
    });
    expect(added.statusCode).toBe(303);
    const page = await t.app.inject({
      url: `/peer-review/findings/${finding!.id}`,
      headers: { cookie: ash.cookie },
    });
    expect(page.body).toContain('Moderate year 5 books each half term');
    expect(page.body).toContain(`/schools/${ASH}/partners?strategy=support`);
    expect(page.body).toContain('/practice?focus=leadership');
    expect(page.body).toContain('/system-leaders?expertise=leadership');
    const needs = await t.db.selectFrom('school_declarations').selectAll().where('urn', '=', ASH).execute();
    expect(JSON.stringify(needs)).toContain('leadership');
  });
});
