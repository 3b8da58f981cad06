import { describe, expect, it } from 'vitest';
import { saveReviewer, declareConflict } from '../../../../src/data/peer-review/reviewers.ts';
import type { NotificationKind } from '../../../../src/domain/notifications.ts';
import { addFinding, saveSelfEvaluation } from '../../../../src/data/peer-review/report.ts';
import { addToTeam } from '../../../../src/data/peer-review/team.ts';
import { createSession } from '../../../../src/data/sessions.ts';
import { MemoryMailer } from '../../../../src/mail/mailer.ts';
import { SESSION_COOKIE } from '../../../../src/web/plugins/session.ts';
import { createOrganisation, createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { compactMarkup } from '../../../helpers/page-text.ts';
import { finalReport, joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { encodeForm } from '../../../helpers/site.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const [ASH, BIRCH, CEDAR, DALE] = [142001, 142002, 142003, 142004];
const SECRET = 'Marking is inconsistent in year 5';

/** A cluster of Ash, Birch and Cedar, moderated by a reviewer from Dale; Ash's report is final. */
describe('peer-review pages', () => {
  const mailer = new MemoryMailer();
  const t = useTestApp(
    async (db) => {
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
      const { reviews } = await scheduledCycle(
        db,
        { groupId, urns, moderatorUserId: moderator.id },
        ashAdmin,
      );
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
    },
    { mailer },
  );

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

  const findingOf = async (urn: number) =>
    (
      await t.db
        .selectFrom('peer_review_findings')
        .select('id')
        .where('review_id', '=', await reviewOf(urn))
        .executeTakeFirstOrThrow()
    ).id;
  /** The subjects of the notifications a person was sent, of one kind. */
  const told = async (email: string, kind: NotificationKind) =>
    (
      await t.db
        .selectFrom('notifications')
        .select('subject')
        .where('user_id', '=', await userId(email))
        .where('kind', '=', kind)
        .execute()
    ).map((n) => n.subject);
  const page = async (who: { cookie: string }, url: string) =>
    t.app.inject({ url, headers: { cookie: who.cookie } });

  it('lets the host challenge a finding and the lead reviewer record the outcome, kept with the report', async () => {
    const findingId = await findingOf(ASH);
    const ash = await as('ash@example.org');
    const bea = await as('birch@example.org');
    const cy = await as('cedar@example.org');
    const mo = await as('dale@example.org');
    const stranger = await signIn(t.app, t.db, { schools: [{ urn: DALE, role: 'admin' }] });
    const challenge = { challenge: 'Year 5 books were moderated in March; the team saw the wrong set' };
    // Someone who cannot read the report cannot see there is a finding to challenge.
    expect((await post(stranger, `/peer-review/findings/${findingId}/challenge`, challenge)).statusCode).toBe(
      404,
    );
    expect((await post(cy, `/peer-review/findings/${findingId}/challenge`, challenge)).statusCode).toBe(404);
    // The team reads the report but only the host challenges it.
    expect((await post(bea, `/peer-review/findings/${findingId}/challenge`, challenge)).statusCode).toBe(403);
    const blank = await post(ash, `/peer-review/findings/${findingId}/challenge`, { challenge: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter why your school challenges the finding');
    expect((await post(ash, `/peer-review/findings/${findingId}/challenge`, challenge)).statusCode).toBe(303);
    expect((await post(ash, `/peer-review/findings/${findingId}/challenge`, challenge)).statusCode).toBe(409);

    const outcome = {
      outcome: 'amended',
      amended: 'Marking is inconsistent in year 5 science',
      response: 'We rechecked: English books are consistent; science books are not',
    };
    // The host does not decide its own challenge.
    expect(
      (await post(ash, `/peer-review/findings/${findingId}/challenge-outcome`, outcome)).statusCode,
    ).toBe(403);
    const unchanged = await post(bea, `/peer-review/findings/${findingId}/challenge-outcome`, {
      ...outcome,
      amended: '',
    });
    expect(unchanged.statusCode).toBe(400);
    expect(unchanged.body).toContain('Enter the finding as changed');
    expect(await told('birch@example.org', 'review-challenge')).toEqual([
      'Ash Primary School challenges a finding of its peer-review report',
    ]);
    expect(await told('dale@example.org', 'review-challenge')).toHaveLength(1);
    expect(
      (await post(bea, `/peer-review/findings/${findingId}/challenge-outcome`, outcome)).statusCode,
    ).toBe(303);
    expect(await told('ash@example.org', 'review-challenge')).toEqual([
      'The challenge to a finding of Ash Primary School’s peer-review report is decided',
    ]);
    // Decided once: the moderator cannot decide it again.
    expect((await post(mo, `/peer-review/findings/${findingId}/challenge-outcome`, outcome)).statusCode).toBe(
      409,
    );

    const report = await page(ash, `/peer-review/reviews/${await reviewOf(ASH)}`);
    expect(report.body).toContain('the host school challenged the finding');
    expect(report.body).toContain('Year 5 books were moderated in March');
    expect(report.body).toContain('The finding was amended');
    expect(report.body).toContain('Marking is inconsistent in year 5 science');
    expect(report.body).toContain(`The finding first read: “${SECRET}”`);
  });

  it('takes a withdrawn finding out of what the host acts on', async () => {
    const findingId = await findingOf(ASH);
    const ash = await as('ash@example.org');
    const mo = await as('dale@example.org');
    await post(ash, `/peer-review/findings/${findingId}/challenge`, { challenge: 'Not what the team saw' });
    const decided = await post(mo, `/peer-review/findings/${findingId}/challenge-outcome`, {
      outcome: 'withdrawn',
      response: 'The evidence does not support it',
    });
    expect(decided.statusCode).toBe(303);
    const report = await page(ash, `/peer-review/reviews/${await reviewOf(ASH)}`);
    expect(report.body).toContain('The finding was withdrawn');
    expect(report.body).not.toContain('Act on this and find support');
    const action = await post(ash, `/peer-review/findings/${findingId}/actions`, { description: 'Anything' });
    expect(action.statusCode).toBe(409);
  });

  it('lets the group’s administrators take a reviewer off the team before the visit, and not after', async () => {
    const reviewId = await reviewOf(CEDAR);
    const beaId = await userId('birch@example.org');
    await addToTeam(
      t.db,
      reviewId,
      { userId: beaId, role: 'lead', conflicts: [], override: null },
      { id: beaId, email: 'birch@example.org' },
    );
    await t.db
      .updateTable('peer_reviews')
      .set({ visit_on: '2099-03-01' })
      .where('id', '=', reviewId)
      .execute();
    const ash = await as('ash@example.org');
    const cy = await as('cedar@example.org');
    const stranger = await signIn(t.app, t.db, { schools: [{ urn: DALE, role: 'admin' }] });
    const url = `/peer-review/reviews/${reviewId}/team/remove`;
    expect((await post(stranger, url, { userId: String(beaId) })).statusCode).toBe(404);
    // A member of the group who is not an administrator sees the plan but does not form the team.
    expect((await post(cy, url, { userId: String(beaId) })).statusCode).toBe(403);
    expect((await page(ash, `/peer-review/reviews/${reviewId}`)).body).toContain('</span>from the team');
    expect((await post(ash, url, { userId: String(beaId) })).statusCode).toBe(303);
    expect(await team(reviewId)).toEqual([]);

    await addToTeam(
      t.db,
      reviewId,
      { userId: beaId, role: 'lead', conflicts: [], override: null },
      { id: beaId, email: 'birch@example.org' },
    );
    await t.db
      .updateTable('peer_reviews')
      .set({ visit_on: '2026-01-10' })
      .where('id', '=', reviewId)
      .execute();
    const late = await post(ash, url, { userId: String(beaId) });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('on or after the day of the visit');
    expect(await team(reviewId)).toHaveLength(1);
  });

  it('lets the team remove a finding before the report is submitted, and nobody else', async () => {
    const reviewId = await reviewOf(CEDAR);
    const bea = { id: await userId('birch@example.org'), email: 'birch@example.org' };
    await addToTeam(t.db, reviewId, { userId: bea.id, role: 'lead', conflicts: [], override: null }, bea);
    await addFinding(
      t.db,
      reviewId,
      {
        areaId: 'leadership',
        focusArea: 'leadership',
        kind: 'strength',
        finding: 'Recorded by mistake',
        evidence: 'None',
      },
      bea,
    );
    const findingId = await findingOf(CEDAR);
    const url = `/peer-review/reviews/${reviewId}/findings/remove`;
    expect((await post(await as('ash@example.org'), url, { findingId: String(findingId) })).statusCode).toBe(
      403,
    );
    const ashFinding = await post(await as('birch@example.org'), url, {
      findingId: String(await findingOf(ASH)),
    });
    expect(ashFinding.statusCode).toBe(400);
    expect(
      (await post(await as('birch@example.org'), url, { findingId: String(findingId) })).statusCode,
    ).toBe(303);
    expect(
      await t.db.selectFrom('peer_review_findings').select('id').where('review_id', '=', reviewId).execute(),
    ).toEqual([]);
  });

  it('lets a reviewer withdraw a conflict they declared, and only their own', async () => {
    const [conflict] = await t.db.selectFrom('peer_reviewer_conflicts').select('id').execute();
    const url = '/peer-review/reviewer/conflicts/withdraw';
    const ash = await as('ash@example.org');
    expect((await post(ash, url, { conflictId: String(conflict!.id) })).statusCode).toBe(404);
    const cy = await as('cedar@example.org');
    expect((await post(cy, url, { conflictId: String(conflict!.id) })).statusCode).toBe(303);
    expect((await page(cy, '/peer-review/reviewer')).body).toContain('You have declared none.');
  });

  it('lets the host record how far an action has got', async () => {
    const findingId = await findingOf(ASH);
    const ash = await as('ash@example.org');
    await post(ash, `/peer-review/findings/${findingId}/actions`, { description: 'Moderate year 5 books' });
    const [action] = await t.db.selectFrom('peer_review_actions').select('id').execute();
    const url = `/peer-review/findings/${findingId}/action-status`;
    const fields = { actionId: String(action!.id), status: 'in-progress' };
    expect((await post(await as('birch@example.org'), url, fields)).statusCode).toBe(403);
    expect((await post(await as('cedar@example.org'), url, fields)).statusCode).toBe(404);
    expect((await post(ash, url, { ...fields, status: 'finished' })).statusCode).toBe(400);
    expect((await post(ash, url, fields)).statusCode).toBe(303);
    expect((await page(ash, `/peer-review/reviews/${await reviewOf(ASH)}`)).body).toContain(
      'Action: Moderate year 5 books (in progress)',
    );
  });

  it('lets the host propose a partnership on an area to develop, with the partner and focus prefilled', async () => {
    const findingId = await findingOf(ASH);
    const ash = await as('ash@example.org');
    const url = `/partnerships/new?followUp=${findingId}&with=${BIRCH}&strategy=support`;
    expect((await page(await as('cedar@example.org'), url)).statusCode).toBe(404);
    expect((await page(await as('birch@example.org'), url)).statusCode).toBe(403);
    const form = await page(ash, url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('follows up an area to develop from Ash Primary School’s peer review');
    expect(form.body).toContain(`value="${BIRCH}"`);
    expect(form.body).toContain(`name="followUp" value="${findingId}"`);
    const proposal = {
      followUp: String(findingId),
      title: 'Leadership with Birch',
      type: 'peer-to-peer',
      proposerUrn: String(ASH),
      proposerRole: 'supported',
      partnerUrn: String(BIRCH),
      partnerRole: 'supporting',
      message: '',
    };
    const proposed = await post(ash, '/partnerships', proposal);
    expect(proposed.statusCode).toBe(303);
    const partnership = await t.db
      .selectFrom('partnerships')
      .select(['id', 'focus_areas'])
      .executeTakeFirstOrThrow();
    expect(proposed.headers.location).toBe(`/partnerships/${partnership.id}`);
    expect(partnership.focus_areas).toEqual(['leadership']);
    const finding = await t.db
      .selectFrom('peer_review_findings')
      .select(['partnership_id', 'supported_on'])
      .where('id', '=', findingId)
      .executeTakeFirstOrThrow();
    expect(finding.partnership_id).toBe(partnership.id);
    expect(finding.supported_on).not.toBeNull();
    expect(compactMarkup((await page(ash, `/peer-review/findings/${findingId}`)).body)).toContain(
      `href="/partnerships/${partnership.id}">a partnership on this</a>`,
    );
    expect((await post(ash, '/partnerships', proposal)).statusCode).toBe(409);
  });

  it('tells a reviewer put on a team in the language they keep, in the service and by email', async () => {
    const mailedBefore = mailer.sent.length;
    await t.db
      .updateTable('users')
      .set({ language: 'cy' })
      .where('email', '=', 'birch@example.org')
      .execute();
    const reviewId = await reviewOf(CEDAR);
    await t.db.updateTable('peer_reviews').set({ sampled: true }).where('id', '=', reviewId).execute();
    const added = await post(await as('dale@example.org'), `/peer-review/reviews/${reviewId}/team`, {
      userId: String(await userId('birch@example.org')),
      role: 'lead',
    });
    expect(added.statusCode).toBe(303);
    const joined = 'Rydych ar y tîm ar gyfer yr adolygiad gan gymheiriaid o Cedar Primary School';
    const bea = { ...(await as('birch@example.org')), headers: {} };
    const list = await inWelsh(() => t.app).page('/notifications', bea);
    expect(compactMarkup(list)).toContain(joined);
    // The school's name is a name, not English left behind.
    expect(englishLeftIn(list.replaceAll('Cedar Primary School', ''))).toEqual([]);
    const mail = mailer.sent.slice(mailedBefore).filter((m) => m.to === 'birch@example.org');
    expect(mail.map((m) => m.subject)).toEqual([joined]);
    expect(mail[0]!.text).toContain(`${joined}.`);
    // Stored in English too, as the API answers it.
    expect(await told('birch@example.org', 'review-team')).toEqual([
      'You are on the team for the peer review of Cedar Primary School',
    ]);
  });

  it('tells the invited schools’ administrators, the reviewer put on a team, and those a report’s move concerns', async () => {
    const ash = await as('ash@example.org');
    const created = await post(ash, '/peer-review/groups', {
      name: 'Wharfe cluster',
      model: 'cluster',
      proposerUrn: String(ASH),
      invitedUrns: `${BIRCH} ${CEDAR}`,
    });
    expect(created.statusCode).toBe(303);
    expect(await told('birch@example.org', 'review-group-invitation')).toEqual([
      'Your school is invited to the peer-review group Wharfe cluster',
    ]);
    // Cy is a member of Cedar, not one of its administrators: the invitation is not his to answer.
    expect(await told('cedar@example.org', 'review-group-invitation')).toEqual([]);

    // Cedar's visit is in the moderator's sample; the moderator puts Bea on its team as lead.
    const reviewId = await reviewOf(CEDAR);
    await t.db.updateTable('peer_reviews').set({ sampled: true }).where('id', '=', reviewId).execute();
    const mo = await as('dale@example.org');
    const bea = await as('birch@example.org');
    await post(mo, `/peer-review/reviews/${reviewId}/team`, {
      userId: String(await userId('birch@example.org')),
      role: 'lead',
    });
    expect(await told('birch@example.org', 'review-team')).toEqual([
      'You are on the team for the peer review of Cedar Primary School',
    ]);
    const ashId = await userId('ash@example.org');
    await addToTeam(
      t.db,
      reviewId,
      { userId: ashId, role: 'reviewer', conflicts: [], override: null },
      { id: ashId, email: 'ash@example.org' },
    );
    const cedarHead = await createUser(t.db, {
      email: 'cedar-head@example.org',
      schools: [{ urn: CEDAR, role: 'admin' }],
    });
    await saveSelfEvaluation(
      t.db,
      reviewId,
      { selfEvaluation: 'Reading first', chosenFocus: 'literacy' },
      cedarHead,
    );
    await post(bea, `/peer-review/reviews/${reviewId}/judgements`, {
      judgementArea: 'leadership',
      judgement: '3',
      judgementEvidence: 'Meetings',
    });
    await post(bea, `/peer-review/reviews/${reviewId}/findings`, {
      findingArea: 'leadership',
      kind: 'strength',
      finding: 'A clear plan',
      findingEvidence: 'The plan',
    });
    expect((await post(bea, `/peer-review/reviews/${reviewId}/submit`, {})).statusCode).toBe(303);
    expect(await told('dale@example.org', 'review-report')).toEqual([
      'The peer-review report of Cedar Primary School waits for your moderation',
    ]);
    await post(mo, `/peer-review/reviews/${reviewId}/moderation`, {
      decision: 'planned',
      note: 'Cite lessons',
    });
    expect(await told('birch@example.org', 'review-report')).toEqual([
      'The moderator returned the peer-review report of Cedar Primary School to its team',
    ]);
    await post(bea, `/peer-review/reviews/${reviewId}/submit`, {});
    await post(mo, `/peer-review/reviews/${reviewId}/moderation`, { decision: 'final', note: '' });
    expect(await told('cedar-head@example.org', 'review-report')).toEqual([
      'The peer-review report of Cedar Primary School is final',
    ]);
  });
});
