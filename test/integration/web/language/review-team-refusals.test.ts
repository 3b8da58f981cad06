import { describe, expect, it } from 'vitest';
import { saveReviewer } from '../../../../src/data/peer-review/reviewers.ts';
import { addToTeam } from '../../../../src/data/peer-review/team.ts';
import { createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const [DERW, BEDW, ONNEN] = [648001, 648002, 648003];

/** Why a reviewer cannot join a review team, and why a group is too small, in Welsh. */
describe('peer review’s team and group refusals in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: DERW, name: 'Ysgol y Derw', lat: 51.6, lon: -3.9 });
      await insertSchool(db, { urn: BEDW, name: 'Ysgol y Bedw', lat: 53.2, lon: -4.1 });
      await insertSchool(db, { urn: ONNEN, name: 'Ysgol yr Onnen', lat: 51.64, lon: -3.9 });
    },
    { fresh: 'test' },
  );
  const { post } = inWelsh(() => t.app);
  const says = (res: { statusCode: number; body: string }, said: string) => {
    expect(res.statusCode, said).toBe(400);
    expect(res.body).toContain('<html lang="cy"');
    expect(visibleText(res.body)).toContain(said);
    expect(englishLeftIn(res.body), said).toEqual([]);
  };

  it('says in Welsh why a reviewer cannot join the team and why a cluster is too small', async () => {
    const head = await signIn(t.app, t.db, {
      email: 'derw-team@ysgol.example',
      name: 'Siân Jones',
      schools: [{ urn: DERW, role: 'admin' }],
    });
    const actor = { id: head.user.id, email: 'derw-team@ysgol.example' };
    const bedw = await createUser(t.db, { name: 'Dafydd Rhys', schools: [{ urn: BEDW }] });
    const trained = { trainedOn: '2026-06-01', trainedBy: 'Estyn', earlierReviews: 1, experience: '' };
    await saveReviewer(t.db, head.user.id, { homeUrn: DERW, ...trained }, actor);
    await saveReviewer(t.db, bedw.id, { homeUrn: BEDW, ...trained }, bedw);
    const urns = [DERW, BEDW, ONNEN];
    const groupId = await joinedGroup(t.db, { name: 'Clwstwr y Coed', urns }, actor);
    const { reviews } = await scheduledCycle(t.db, { groupId, urns, moderatorUserId: bedw.id }, actor);
    const team = `/peer-review/reviews/${reviews.get(DERW)!}/team`;

    says(
      await post(team, head, { userId: String(head.user.id), role: 'reviewer' }),
      'Mae Siân Jones yn gwasanaethu yn yr ysgol sy’n croesawu, ac nid oes neb yn adolygu ei ysgol ei hun.',
    );
    await addToTeam(
      t.db,
      reviews.get(DERW)!,
      { userId: bedw.id, role: 'reviewer', conflicts: [], override: null },
      actor,
    );
    says(
      await post(team, head, { userId: String(bedw.id), role: 'reviewer' }),
      'Mae Dafydd Rhys eisoes ar y tîm.',
    );
    says(
      await post('/peer-review/groups', head, {
        name: 'Clwstwr bach',
        model: 'cluster',
        proposerUrn: String(DERW),
        invitedUrns: String(BEDW),
      }),
      'Mae angen o leiaf 3 ysgol ar glwstwr, gan gynnwys eich un chi.',
    );
  });
});
