import { describe, expect, it } from 'vitest';
import { answerGroup, createGroup } from '../../../../src/data/peer-review/groups.ts';
import { declareConflict, saveReviewer } from '../../../../src/data/peer-review/reviewers.ts';
import { addToTeam } from '../../../../src/data/peer-review/team.ts';
import { createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { createAcceptedPartnership } from '../../../helpers/partnerships.ts';
import { joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const [DERW, BEDW, ONNEN, CELYN] = [647001, 647002, 647003, 647004];

/** What a partnership's plan and peer review refuse, the counts they give, and why a review team or group is refused, in Welsh. */
describe('a plan’s refusals and peer review’s counts in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: DERW, name: 'Ysgol y Derw', lat: 51.6, lon: -3.9 });
      await insertSchool(db, { urn: BEDW, name: 'Ysgol y Bedw', lat: 51.62, lon: -3.9 });
      await insertSchool(db, { urn: ONNEN, name: 'Ysgol yr Onnen', lat: 51.64, lon: -3.9 });
      await insertSchool(db, { urn: CELYN, name: 'Ysgol y Celyn', lat: 53.2, lon: -4.1 });
    },
    { fresh: 'test' },
  );
  const { get, post } = inWelsh(() => t.app);
  const says = (res: { statusCode: number; body: string }, status: number, said: string) => {
    expect(res.statusCode, said).toBe(status);
    expect(res.body).toContain('<html lang="cy"');
    expect(visibleText(res.body)).toContain(said);
    expect(englishLeftIn(res.body), said).toEqual([]);
  };

  it('says in Welsh why a school, a member of staff or a change to the plan is refused', async () => {
    const head = await signIn(t.app, t.db, {
      email: 'derw-plan@ysgol.example',
      schools: [{ urn: DERW, role: 'admin' }],
    });
    const id = await createAcceptedPartnership(t.db, {
      title: 'Darllen gyda’n gilydd',
      type: 'peer-to-peer',
      proposer: { urn: DERW, role: 'lead' },
      invited: [{ urn: BEDW, role: 'supported' }],
      createdBy: head.user.id,
      at: '2026-09-01T09:00:00Z',
    });

    says(
      await post(`/partnerships/${id}/plan/schools`, head, { urn: String(BEDW), role: 'supported' }),
      400,
      'Mae’r ysgol honno eisoes yn y bartneriaeth hon',
    );
    says(
      await post(`/partnerships/${id}/plan/schools`, head, { urn: '999999', role: 'supported' }),
      400,
      'Does dim ysgol â’r URN 999999',
    );
    says(
      await post(`/partnerships/${id}/plan/staff`, head, {
        urn: String(ONNEN),
        name: 'Siân Jones',
        jobTitle: 'Pennaeth',
        seniority: 'headteacher',
        systemLeader: 'none',
      }),
      400,
      'Dewiswch ysgol sy’n cymryd rhan yn y bartneriaeth',
    );

    // What is not there is named, in Welsh, on the page that says it is not found.
    says(await get(`/partnerships/${id}/plan/nosuch`, head), 404, 'Nid oes adran o’r fath.');
    says(await post(`/partnerships/${id}/plan/exit/1/remove`, head, {}), 404, 'Nid oes eitem o’r fath.');

    await t.db.updateTable('partnerships').set({ status: 'active' }).where('id', '=', id).execute();
    says(
      await post(`/partnerships/${id}/actions/999999/status`, head, { status: 'done' }),
      404,
      'Nid oes cam gweithredu o’r fath.',
    );
    says(
      await post(`/partnerships/${id}/milestones/999999`, head, { done: 'yes' }),
      404,
      'Nid oes carreg filltir o’r fath.',
    );
    says(
      await post(`/partnerships/${id}/plan/exit`, head, {
        exitStrategy: 'Mae’r arweinwyr yn parhau',
        sustainability: 'Sefydlu staff newydd',
      }),
      409,
      'Mae’r cynllun wedi’i gytuno ac ni ellir ei newid mwyach.',
    );
  });

  it('counts the schools that have agreed and a reviewer’s reviews in Welsh', async () => {
    const head = await signIn(t.app, t.db, {
      email: 'derw-review@ysgol.example',
      schools: [{ urn: DERW, role: 'admin' }],
    });
    const actor = { id: head.user.id, email: 'derw-review@ysgol.example' };
    const group = await createGroup(
      t.db,
      { name: 'Clwstwr y Coed', model: 'cluster', proposerUrn: DERW, invitedUrns: [BEDW, ONNEN] },
      actor,
    );
    says(
      await get(`/peer-review/groups/${group}`, head),
      200,
      'Mae 1 ysgol wedi cytuno i gymryd rhan; mae angen 3 ar glwstwr cyn y gellir trefnu cylch.',
    );
    says(
      await post(`/peer-review/groups/${group}/answer`, head, {}),
      400,
      'Dewiswch yr ysgol; Dewiswch a yw eich ysgol yn cymryd rhan',
    );
    await answerGroup(t.db, group, BEDW, 'invited', 'joined', actor);
    says(
      await get(`/peer-review/groups/${group}`, head),
      200,
      'Mae 2 ysgol wedi cytuno i gymryd rhan; mae angen 3 ar glwstwr cyn y gellir trefnu cylch.',
    );

    await saveReviewer(
      t.db,
      head.user.id,
      { homeUrn: DERW, trainedOn: '2026-06-01', trainedBy: 'Estyn', earlierReviews: 1, experience: '' },
      actor,
    );
    says(
      await post('/peer-review/reviewer/conflicts/withdraw', head, { conflictId: '999999' }),
      404,
      'Dim gwrthdaro o’r fath ar eich cofrestr.',
    );
    const reviewer = await get('/peer-review/reviewer', head);
    says(reviewer, 200, 'wedi cymryd rhan mewn 1 adolygiad; mae angen 2 ar adolygydd arweiniol.');
    expect(visibleText(reviewer.body)).not.toContain('taken part');
  });

  it('says in Welsh why a reviewer cannot join a review team and why a cluster is too small', async () => {
    const head = await signIn(t.app, t.db, {
      email: 'derw-team@ysgol.example',
      name: 'Siân Jones',
      schools: [{ urn: DERW, role: 'admin' }],
    });
    const actor = { id: head.user.id, email: 'derw-team@ysgol.example' };
    const celyn = await createUser(t.db, { name: 'Dafydd Rhys', schools: [{ urn: CELYN }] });
    const trained = { trainedOn: '2026-06-01', trainedBy: 'Estyn', earlierReviews: 1, experience: '' };
    await saveReviewer(t.db, head.user.id, { homeUrn: DERW, ...trained }, actor);
    await saveReviewer(t.db, celyn.id, { homeUrn: CELYN, ...trained }, celyn);
    const urns = [DERW, BEDW, ONNEN];
    const groupId = await joinedGroup(t.db, { name: 'Clwstwr y Coed', urns }, actor);
    const { reviews } = await scheduledCycle(t.db, { groupId, urns, moderatorUserId: celyn.id }, actor);
    const reviewId = reviews.get(DERW)!;
    const team = `/peer-review/reviews/${reviewId}/team`;

    says(
      await post(team, head, { userId: String(head.user.id), role: 'reviewer' }),
      400,
      'Mae Siân Jones yn gwasanaethu yn yr ysgol sy’n croesawu, ac nid oes neb yn adolygu ei ysgol ei hun.',
    );
    await addToTeam(
      t.db,
      reviewId,
      { userId: celyn.id, role: 'reviewer', conflicts: [], override: null },
      actor,
    );
    says(
      await post(team, head, { userId: String(celyn.id), role: 'reviewer' }),
      400,
      'Mae Dafydd Rhys eisoes ar y tîm.',
    );
    says(
      await post('/peer-review/groups', head, {
        name: 'Clwstwr bach',
        model: 'cluster',
        proposerUrn: String(DERW),
        invitedUrns: String(BEDW),
      }),
      400,
      'Mae angen o leiaf 3 ysgol ar glwstwr, gan gynnwys eich un chi.',
    );
  });

  it('says in Welsh why a reviewer has a conflict of interest: in the picker, the refusal and the team', async () => {
    const head = await signIn(t.app, t.db, {
      email: 'derw-conflict@ysgol.example',
      schools: [{ urn: DERW, role: 'admin' }],
    });
    const actor = { id: head.user.id, email: 'derw-conflict@ysgol.example' };
    const bedw = await createUser(t.db, { name: 'Gwen Morgan', schools: [{ urn: BEDW }] });
    const moderator = await signIn(t.app, t.db, {
      email: 'celyn-moderator@ysgol.example',
      name: 'Elin Hughes',
      schools: [{ urn: CELYN }],
    });
    const trained = { trainedOn: '2026-06-01', trainedBy: 'Estyn', earlierReviews: 1, experience: '' };
    await saveReviewer(t.db, bedw.id, { homeUrn: BEDW, ...trained }, bedw);
    await saveReviewer(t.db, moderator.user.id, { homeUrn: CELYN, ...trained }, moderator.user);
    await declareConflict(t.db, moderator.user.id, { urn: DERW, kind: 'governs' }, moderator.user);
    const urns = [DERW, BEDW, ONNEN];
    const groupId = await joinedGroup(t.db, { name: 'Clwstwr y Gwrthdaro', urns }, actor);
    const { reviews } = await scheduledCycle(
      t.db,
      { groupId, urns, moderatorUserId: moderator.user.id },
      actor,
    );
    const review = `/peer-review/reviews/${reviews.get(DERW)!}`;
    // Ysgol y Bedw is about 2 km from Ysgol y Derw and teaches the same ages.
    const competing =
      'Mae Ysgol y Bedw 2.2 km o’r ysgol sy’n croesawu, Ysgol y Derw, ac yn addysgu disgyblion o’r un oed, felly gall yr ysgolion gystadlu am ddisgyblion.';

    const picker = await get(review, head);
    says(picker, 200, `Gwen Morgan: ${competing}`);
    expect(visibleText(picker.body)).toContain(
      'Elin Hughes: Datganodd yr adolygydd eu bod yn llywodraethwr neu’n ymddiriedolwr yr ysgol, neu wedi bod.',
    );
    says(
      await post(`${review}/team`, head, { userId: String(bedw.id), role: 'reviewer' }),
      400,
      `Mae gan Gwen Morgan wrthdaro buddiannau â’r ysgol sy’n croesawu: ${competing} Dim ond cymedrolwr y cylch all eu hychwanegu`,
    );
    const added = await post(`${review}/team`, moderator, {
      userId: String(bedw.id),
      role: 'reviewer',
      overrideReason: 'Dim cystadleuaeth rhwng yr ysgolion',
    });
    expect(added.statusCode).toBe(303);
    says(await get(review, moderator), 200, competing);
  });
});
