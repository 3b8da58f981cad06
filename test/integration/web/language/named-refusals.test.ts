import { describe, expect, it } from 'vitest';
import { createCycle } from '../../../../src/data/peer-review/cycles.ts';
import { saveReviewer } from '../../../../src/data/peer-review/reviewers.ts';
import { createOrganisation, createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { finalReport, joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const [DERW, BEDW, CELYN, ONNEN, ASH] = [647001, 647002, 647003, 647004, 647010];
const NOWHERE = [647998, 647999];

/**
 * Refusals that name something (a school, a framework, an organisation) in the reader's language,
 * the name as it is: a Welsh reader sees no English sentence around it.
 */
describe('refusals that name a school, a framework or an organisation, in Welsh', () => {
  let groupId = 0;
  let moderatorId = 0;
  let retiredReviewId = 0;
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: DERW, name: 'Ysgol y Derw' });
      await insertSchool(db, { urn: BEDW, name: 'Ysgol y Bedw' });
      await insertSchool(db, { urn: CELYN, name: 'Ysgol y Celyn' });
      await insertSchool(db, { urn: ONNEN, name: 'Ysgol yr Onnen' });
      await insertSchool(db, { urn: ASH, name: 'Ashfield' });
      const head = await createUser(db, { schools: [{ urn: DERW, role: 'admin' }] });
      const moderator = await createUser(db, { schools: [{ urn: ONNEN }] });
      moderatorId = moderator.id;
      await saveReviewer(
        db,
        moderator.id,
        {
          homeUrn: ONNEN,
          earlierReviews: 4,
          trainedOn: '2025-09-01',
          trainedBy: 'Canolfan y De',
          experience: '',
        },
        moderator,
      );
      const urns = [DERW, BEDW, CELYN];
      groupId = await joinedGroup(db, { name: 'Clwstwr Tawe', urns }, head);
      const { reviews } = await scheduledCycle(db, { groupId, urns, moderatorUserId: moderator.id }, head);
      await finalReport(db, reviews.get(DERW)!, [{ focusArea: 'literacy', kind: 'area-to-develop' }], head);
      // A cycle against a framework S2S no longer has.
      const retired = await createCycle(
        db,
        {
          groupId,
          title: 'Hen adolygiadau',
          framework: { id: 'retired-review', version: 1 },
          startsOn: '2026-01-05',
          endsOn: '2099-07-17',
          moderatorUserId: moderator.id,
          visits: [{ urn: DERW, visitOn: '2026-02-10', sampled: false }],
        },
        head,
      );
      const row = await db
        .selectFrom('peer_reviews')
        .select('id')
        .where('cycle_id', '=', retired)
        .executeTakeFirstOrThrow();
      retiredReviewId = row.id;
      await createOrganisation(db, { kind: 'trust', name: 'Ymddiriedolaeth Tawe' });
    },
    { fresh: 'file' },
  );
  const { get, post } = inWelsh(() => t.app);

  const refused = (res: { statusCode: number; body: string }, status: number, said: string) => {
    expect(res.statusCode, said).toBe(status);
    expect(res.body).toContain('<html lang="cy"');
    expect(visibleText(res.body)).toContain(said);
    expect(englishLeftIn(res.body), said).toEqual([]);
  };

  it('names the school, URN or framework a peer-review form or page refuses, in Welsh', async () => {
    const head = await signIn(t.app, t.db, {
      schools: [
        { urn: DERW, role: 'admin' },
        { urn: BEDW, role: 'admin' },
      ],
    });

    refused(
      await post('/peer-review/reviewer/conflicts', head, { urn: String(NOWHERE[0]), kind: 'governs' }),
      400,
      `Does dim ysgol â’r URN ${NOWHERE[0]}`,
    );

    const group = { model: 'cluster', proposerUrn: String(DERW), invitedUrns: NOWHERE.join(' ') };
    refused(await post('/peer-review/groups', head, { ...group, name: '' }), 400, 'Rhowch enw i’r grŵp');
    refused(
      await post('/peer-review/groups', head, { ...group, name: 'Clwstwr Newydd' }),
      400,
      `Does dim ysgol â’r URN ${NOWHERE.join(', ')}`,
    );

    const cycle = {
      title: 'Adolygiadau 2027',
      frameworkId: 'collaborative-review',
      startsOn: '2027-01-04',
      endsOn: '2027-07-16',
      moderatorUserId: String(moderatorId),
      [`visit-${DERW}`]: '2027-02-10',
      [`visit-${BEDW}`]: '2027-03-10',
      [`visit-${CELYN}`]: '2027-04-10',
    };
    const schedule = (fields: Record<string, string>) =>
      post(`/peer-review/groups/${groupId}/cycles`, head, { ...cycle, ...fields });
    refused(await schedule({ title: '' }), 400, 'Rhowch deitl i’r cylch');
    refused(
      await schedule({ [`visit-${BEDW}`]: '10/03/2027' }),
      400,
      'Rhowch y dyddiad pan fydd Ysgol y Bedw yn croesawu’r ymweliad ar ffurf blwyddyn-mis-diwrnod, er enghraifft 2027-03-14',
    );
    refused(
      await schedule({ [`visit-${CELYN}`]: '2027-02-30' }),
      400,
      'Rhowch y dyddiad pan fydd Ysgol y Celyn yn croesawu’r ymweliad fel dyddiad go iawn, er enghraifft 2027-03-14',
    );
    refused(
      await schedule({ [`visit-${CELYN}`]: '2028-01-10' }),
      400,
      'Rhaid i’r ymweliad y mae Ysgol y Celyn yn ei groesawu fod o fewn y cylch',
    );

    refused(
      await get(`/peer-review/reviews/${retiredReviewId}`, head),
      404,
      'Nid yw fframwaith yr adolygiad, retired-review, ar gael mwyach.',
    );

    // Following up Ysgol y Derw's area to develop from another of the person's schools.
    const { id: findingId } = await t.db
      .selectFrom('peer_review_findings')
      .select('id')
      .executeTakeFirstOrThrow();
    const followUp = await post('/partnerships', head, {
      followUp: String(findingId),
      title: 'Llythrennedd gyda’r Bedw',
      type: 'peer-to-peer',
      proposerUrn: String(BEDW),
      proposerRole: 'supported',
      partnerUrn: String(CELYN),
      partnerRole: 'supporting',
      message: '',
    });
    expect(followUp.statusCode).toBe(400);
    expect(visibleText(followUp.body)).toContain(
      'Cynigiwch hi o Ysgol y Derw, sef yr ysgol y mae’r adroddiad amdani',
    );

    // The page to propose it says, in Welsh, whose review it follows up and what its focus is.
    const proposing = await get(`/partnerships/new?followUp=${findingId}`, head);
    expect(proposing.statusCode).toBe(200);
    expect(proposing.body).toMatch(/<title>\s*Cynnig partneriaeth/);
    expect(visibleText(proposing.body)).toContain(
      'Mae’r bartneriaeth hon yn dilyn maes i’w ddatblygu o adolygiad gan gymheiriaid Ysgol y Derw. Ei ffocws fydd llythrennedd (darllen, ysgrifennu, Saesneg)',
    );
    expect(englishLeftIn(proposing.body)).toEqual([]);
  });

  it('names the peer-review framework the API does not have, in Welsh', async () => {
    const ask = (url: string, language: string) =>
      t.app.inject({ url, headers: { 'accept-language': language } });
    expect((await ask('/api/peer-review/frameworks/ofsted', 'cy')).json()).toMatchObject({
      status: 404,
      message: 'Does dim fframwaith adolygu gan gymheiriaid "ofsted".',
    });
    expect(
      (await ask('/api/peer-review/frameworks/collaborative-review?version=9', 'cy')).json(),
    ).toMatchObject({
      status: 404,
      message: 'Does dim fframwaith adolygu gan gymheiriaid "collaborative-review" fersiwn 9.',
    });
    expect((await ask('/api/peer-review/frameworks/ofsted', 'en')).json()).toMatchObject({
      message: 'No peer-review framework "ofsted".',
    });
  });

  it('names the organisation that already has the name, in Welsh', async () => {
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    const same = { kind: 'trust', name: 'Ymddiriedolaeth Tawe' };
    refused(
      await post('/admin/organisations', admin, same),
      400,
      'Mae ymddiriedolaeth o’r enw Ymddiriedolaeth Tawe eisoes',
    );
    const english = await postForm(
      t.app,
      '/admin/organisations',
      { _csrf: admin.csrfToken, ...same },
      admin.headers,
    );
    expect(visibleText(english.body)).toContain('There is already a trust called Ymddiriedolaeth Tawe');

    // Its list of schools to add has a limit, said in Welsh with the number in it.
    const { id } = await t.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Ymddiriedolaeth Tawe')
      .executeTakeFirstOrThrow();
    const tooMany = { by: 'urns', urns: Array.from({ length: 2001 }, (_, i) => 100000 + i).join(' ') };
    refused(
      await post(`/admin/organisations/${id}/schools/preview`, admin, tooMany),
      400,
      'Rhowch 2000 URN neu lai',
    );
    const inEnglish = await postForm(
      t.app,
      `/admin/organisations/${id}/schools/preview`,
      { _csrf: admin.csrfToken, ...tooMany },
      admin.headers,
    );
    expect(visibleText(inEnglish.body)).toContain('Enter 2000 URNs or fewer');
  });

  it('names the readiness framework that is for another kind of partnership, in Welsh', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: DERW }] });
    const start = {
      urn: String(DERW),
      frameworkId: 'deployment-client-school',
      partnershipType: 'peer-to-peer',
    };
    const res = await post('/readiness/assessments', member, start);
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain(
      'Mae Before a deployment: questions for the client school ar gyfer secondiad arweinydd system neu dîm',
    );
    const english = await postForm(
      t.app,
      '/readiness/assessments',
      { _csrf: member.csrfToken, ...start },
      member.headers,
    );
    expect(visibleText(english.body)).toContain(
      'Before a deployment: questions for the client school is for deployment of a system leader or team',
    );
  });

  it('names the focus area kept for schools in Wales, in Welsh', async () => {
    const head = await signIn(t.app, t.db, { schools: [{ urn: ASH, role: 'admin' }] });
    refused(
      await post(`/schools/${ASH}/settings`, head, { capacityToSupport: '1', needs: 'welsh-language' }),
      400,
      'Datblygu’r Gymraeg: maes ffocws i ysgolion yng Nghymru yn unig yw hwn',
    );
    // The form's other problems, with the limits in them, are Welsh too.
    const settings = (fields: Record<string, string>) => post(`/schools/${ASH}/settings`, head, fields);
    refused(
      await settings({ capacityToSupport: 'dwy' }),
      400,
      'Rhaid i nifer yr ysgolion y gallwch eu cefnogi fod yn rhif cyfan, fel 2',
    );
    refused(
      await settings({ capacityToSupport: '21' }),
      400,
      'Rhaid i nifer yr ysgolion y gallwch eu cefnogi fod yn 20 neu lai',
    );
    refused(
      await settings({ capacityToSupport: '1', offerNote: 'a'.repeat(301) }),
      400,
      'Rhaid i’r nodyn am yr hyn rydych chi’n ei gynnig fod yn 300 nod neu lai',
    );
  });
});
