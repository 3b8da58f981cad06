import { describe, expect, it } from 'vitest';
import { saveReviewer } from '../../../../src/data/peer-review/reviewers.ts';
import { saveSelfEvaluation } from '../../../../src/data/peer-review/report.ts';
import { addToTeam } from '../../../../src/data/peer-review/team.ts';
import { MemoryMailer } from '../../../../src/mail/mailer.ts';
import { signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const [HOST, LEAD, THIRD, MODERATOR] = [644001, 644002, 644003, 644004];

/** A peer review as its people read it in Welsh: the invitation, the report's moves and a challenge. */
describe('peer-review notifications in Welsh', () => {
  const mailer = new MemoryMailer();
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: HOST, name: 'Ysgol y Wern' });
      await insertSchool(db, { urn: LEAD, name: 'Ysgol y Bedw' });
      await insertSchool(db, { urn: THIRD, name: 'Ysgol y Cedrwydd' });
      await insertSchool(db, { urn: MODERATOR, name: 'Ysgol y Dyffryn' });
    },
    { fresh: 'test', mailer },
  );
  const { page: welsh } = inWelsh(() => t.app);

  /** Someone signed in who keeps Welsh as the language of the service. */
  async function keepsWelsh(spec: Parameters<typeof signIn>[2]): Promise<SignedIn> {
    const who = await signIn(t.app, t.db, spec);
    await t.db.updateTable('users').set({ language: 'cy' }).where('id', '=', who.user.id).execute();
    return who;
  }
  const post = (who: SignedIn, url: string, fields: Record<string, string> = {}) =>
    postForm(t.app, url, { _csrf: who.csrfToken, ...fields }, who.headers);
  const mailTo = (who: SignedIn) => mailer.sent.filter((m) => m.to === who.user.email).map((m) => m.subject);

  /** The Welsh notifications page of someone, with nothing of the catalogue's English left in it. */
  async function notificationsOf(who: SignedIn): Promise<string> {
    const html = await welsh('/notifications', who);
    expect(englishLeftIn(html)).toEqual([]);
    return visibleText(html);
  }

  it('invites a school’s administrators to a group in the language they keep', async () => {
    const host = await keepsWelsh({ schools: [{ urn: HOST, role: 'admin' }] });
    const lead = await keepsWelsh({ schools: [{ urn: LEAD, role: 'admin' }] });
    mailer.sent.length = 0;
    const created = await post(host, '/peer-review/groups', {
      name: 'Clwstwr Taf',
      model: 'cluster',
      proposerUrn: String(HOST),
      invitedUrns: `${LEAD} ${THIRD}`,
    });
    expect(created.statusCode).toBe(303);
    const invited = 'Mae eich ysgol wedi’i gwahodd i’r grŵp adolygu gan gymheiriaid Clwstwr Taf';
    expect(await notificationsOf(lead)).toContain(invited);
    expect(mailTo(lead)).toEqual([invited]);
    expect(mailer.sent.find((m) => m.to === lead.user.email)!.text).toContain(`${invited}.`);
    // The API answers in English, with the subject as written in English.
    const api = (await t.app.inject({ url: '/api/notifications', headers: lead.headers })).json();
    expect(api.items.map((n: { subject: string }) => n.subject)).toEqual([
      'Your school is invited to the peer-review group Clwstwr Taf',
    ]);
  });

  it('tells the moderator, the team and the host of the report’s moves and a challenge in the language they keep', async () => {
    const host = await keepsWelsh({ schools: [{ urn: HOST, role: 'admin' }] });
    const lead = await keepsWelsh({ name: 'Bethan Arwain', schools: [{ urn: LEAD, role: 'admin' }] });
    const moderator = await keepsWelsh({ name: 'Meinir Cymedrol', schools: [{ urn: MODERATOR }] });
    const trained = { trainedOn: '2025-09-01', trainedBy: 'Canolfan y Gogledd', experience: '' };
    await saveReviewer(t.db, lead.user.id, { homeUrn: LEAD, earlierReviews: 3, ...trained }, lead.user);
    const urns = [HOST, LEAD, THIRD];
    const groupId = await joinedGroup(t.db, { name: 'Clwstwr Taf', urns }, host.user);
    const { reviews } = await scheduledCycle(
      t.db,
      { groupId, urns, moderatorUserId: moderator.user.id, sampled: true },
      host.user,
    );
    const reviewId = reviews.get(HOST)!;
    const review = `/peer-review/reviews/${reviewId}`;
    const reviewer = await keepsWelsh({ schools: [{ urn: THIRD }] });
    for (const [member, role] of [
      [lead, 'lead'],
      [reviewer, 'reviewer'],
    ] as const)
      await addToTeam(
        t.db,
        reviewId,
        { userId: member.user.id, role, conflicts: [], override: null },
        host.user,
      );
    await saveSelfEvaluation(
      t.db,
      reviewId,
      { selfEvaluation: 'Darllen yn gyntaf', chosenFocus: 'literacy' },
      host.user,
    );
    await post(lead, `${review}/judgements`, {
      judgementArea: 'leadership',
      judgement: '3',
      judgementEvidence: 'Cyfarfodydd',
    });
    await post(lead, `${review}/findings`, {
      findingArea: 'leadership',
      kind: 'strength',
      finding: 'Cynllun clir',
      findingEvidence: 'Y cynllun',
    });
    mailer.sent.length = 0;

    expect((await post(lead, `${review}/submit`)).statusCode).toBe(303);
    const waits = 'Mae adroddiad adolygu gan gymheiriaid Ysgol y Wern yn aros i chi ei gymedroli';
    expect(await notificationsOf(moderator)).toContain(waits);
    expect(mailTo(moderator)).toEqual([waits]);

    expect(
      (await post(moderator, `${review}/moderation`, { decision: 'planned', note: 'Nodwch wersi' }))
        .statusCode,
    ).toBe(303);
    const returned = 'Mae’r cymedrolwr wedi dychwelyd adroddiad adolygu gan gymheiriaid Ysgol y Wern i’w dîm';
    expect(await notificationsOf(lead)).toContain(returned);
    expect(mailTo(lead)).toEqual([returned]);

    expect((await post(lead, `${review}/submit`)).statusCode).toBe(303);
    expect((await post(moderator, `${review}/moderation`, { decision: 'final', note: '' })).statusCode).toBe(
      303,
    );
    const final = 'Mae adroddiad adolygu gan gymheiriaid Ysgol y Wern yn derfynol';
    for (const told of [host, lead]) {
      expect(await notificationsOf(told)).toContain(final);
      expect(mailTo(told)).toContain(final);
    }

    const findingId = (
      await t.db
        .selectFrom('peer_review_findings')
        .select('id')
        .where('review_id', '=', reviewId)
        .executeTakeFirstOrThrow()
    ).id;
    const finding = `/peer-review/findings/${findingId}`;
    expect(
      (await post(host, `${finding}/challenge`, { challenge: 'Gwelodd y tîm y llyfrau anghywir' }))
        .statusCode,
    ).toBe(303);
    const challenged = 'Mae Ysgol y Wern yn herio canfyddiad yn ei hadroddiad adolygu gan gymheiriaid';
    for (const told of [lead, moderator]) {
      expect(await notificationsOf(told)).toContain(challenged);
      expect(mailTo(told)).toContain(challenged);
    }
    expect(
      (await post(lead, `${finding}/challenge-outcome`, { outcome: 'upheld', response: 'Gwiriwyd eto' }))
        .statusCode,
    ).toBe(303);
    const decided = 'Penderfynwyd ar yr her i ganfyddiad yn adroddiad adolygu gan gymheiriaid Ysgol y Wern';
    expect(await notificationsOf(host)).toContain(decided);
    expect(mailTo(host)).toContain(decided);
  });
});
