import { describe, expect, it } from 'vitest';
import { createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';
import { finalReport, joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';

// Schools of the matching dataset: Seeker is in need, Beacon strong within reach.
const [SEEKER, BEACON, HILLSIDE] = [200001, 200002, 200003];

/** Seeker's peer review found leadership to develop; its administrator looks for support. */
describe('following up an area to develop through partner matching', () => {
  const t = useTestApp(async (db) => {
    await insertMatchingDataset(db);
    const head = await createUser(db, {
      email: 'seeker@example.org',
      schools: [{ urn: SEEKER, role: 'admin' }],
    });
    const moderator = await createUser(db, { email: 'moderator@example.org' });
    const urns = [SEEKER, BEACON, HILLSIDE];
    const groupId = await joinedGroup(db, { urns }, head);
    const { reviews } = await scheduledCycle(db, { groupId, urns, moderatorUserId: moderator.id }, head);
    await finalReport(db, reviews.get(SEEKER)!, [{ focusArea: 'send', kind: 'area-to-develop' }], head);
  });

  const hrefs = (body: string) =>
    [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

  it('proposes the partner picked there as the finding’s follow-up', async () => {
    const { id: findingId } = await t.db
      .selectFrom('peer_review_findings')
      .select('id')
      .executeTakeFirstOrThrow();
    const head = await signIn(t.app, t.db, { schools: [{ urn: SEEKER, role: 'admin' }] });
    const visit = (url: string) => t.app.inject({ url, headers: head.headers });

    // From the finding's support links to partner matching, and on to a proposal with Beacon.
    const finding = await visit(`/peer-review/findings/${findingId}`);
    const matching = hrefs(finding.body).find((h) => h.startsWith(`/schools/${SEEKER}/partners`))!;
    expect(matching).toContain(`followUp=${findingId}`);
    const candidates = await visit(matching);
    expect(candidates.statusCode).toBe(200);
    // Searching again (another distance, say) keeps the finding.
    expect(candidates.body).toContain(`name="followUp" value="${findingId}"`);
    const propose = hrefs(candidates.body).find((h) => h.startsWith(`/partnerships/new?with=${BEACON}`))!;
    expect(propose).toContain(`followUp=${findingId}`);
    const form = await visit(propose);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('follows up an area to develop from Seeker Primary School’s peer review');
    // The focus inside the sentence keeps the capitals that are its meaning.
    expect(form.body).toContain(
      'Its focus will be special educational needs and disabilities (SEND) and additional learning needs (ALN),',
    );

    const proposed = await postForm(
      t.app,
      '/partnerships',
      {
        _csrf: head.csrfToken,
        followUp: String(findingId),
        title: 'SEND with Beacon',
        type: 'peer-to-peer',
        proposerUrn: String(SEEKER),
        proposerRole: 'supported',
        partnerUrn: String(BEACON),
        partnerRole: 'supporting',
        message: '',
        sendAnyway: String(BEACON),
      },
      head.headers,
    );
    expect(proposed.statusCode).toBe(303);
    const linked = await t.db
      .selectFrom('peer_review_findings')
      .select('partnership_id')
      .where('id', '=', findingId)
      .executeTakeFirstOrThrow();
    expect(linked.partnership_id).not.toBeNull();
    expect(proposed.headers.location).toBe(`/partnerships/${linked.partnership_id}`);

    // Once followed up, the support link no longer carries it: another proposal would be ordinary.
    const after = await visit(`/peer-review/findings/${findingId}`);
    expect(hrefs(after.body).find((h) => h.startsWith(`/schools/${SEEKER}/partners`))).not.toContain(
      'followUp',
    );
  });

  it('leaves the partner-matching links plain for anyone who may not propose the follow-up', async () => {
    const { id: findingId } = await t.db
      .selectFrom('peer_review_findings')
      .select('id')
      .executeTakeFirstOrThrow();
    const member = await signIn(t.app, t.db, { schools: [{ urn: SEEKER }] });
    const finding = await t.app.inject({
      url: `/peer-review/findings/${findingId}`,
      headers: member.headers,
    });
    expect(finding.statusCode).toBe(200);
    expect(hrefs(finding.body)).toContain(`/schools/${SEEKER}/partners?strategy=support`);
    expect(finding.body).not.toContain('followUp=');
  });
});
