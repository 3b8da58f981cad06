import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { createInvitation } from '../../../../src/data/invitations.ts';
import { createJoinRequest } from '../../../../src/data/join-requests.ts';
import {
  addMilestone,
  createPartnership,
  setMilestoneDone,
  type NewPartnership,
} from '../../../../src/data/partnerships.ts';
import { setProfilePublished } from '../../../../src/data/leaders.ts';
import { createDeployment, deploymentReadiness } from '../../../../src/data/deployments.ts';
import { addTeamMember } from '../../../../src/data/deployment-team.ts';
import { readinessFrameworks } from '../../../../src/app/leaders/deployment-readiness.ts';
import { createPasswordReset } from '../../../../src/data/password-resets.ts';
import { saveCaseStudyParts } from '../../../../src/data/case-studies.ts';
import { reportPracticeRecord } from '../../../../src/data/practice.ts';
import { createGroup } from '../../../../src/data/peer-review/groups.ts';
import {
  addFinding,
  challengeFinding,
  moveReport,
  saveJudgement,
  saveSelfEvaluation,
} from '../../../../src/data/peer-review/report.ts';
import { declareConflict, saveReviewer } from '../../../../src/data/peer-review/reviewers.ts';
import { addFindingAction } from '../../../../src/data/peer-review/support.ts';
import { addToTeam } from '../../../../src/data/peer-review/team.ts';
import { addAction } from '../../../../src/data/partnership-records.ts';
import {
  carryActionsInto,
  completeAssessment,
  createAssessment,
  grantShare,
  saveAnswers,
} from '../../../../src/data/readiness.ts';
import type { PartnershipStatus } from '../../../../src/domain/partnerships/model.ts';
import { MemoryMailer } from '../../../../src/mail/mailer.ts';
import { BODY_LIMIT, buildApp, type RouteSummary } from '../../../../src/web/app.ts';
import { FORM_BODY_LIMIT } from '../../../../src/web/plugins/csrf.ts';
import { createOrganisation, createUser, signIn } from '../../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import { anonymousCsrf } from '../../../helpers/forms.ts';
import { createAcceptedPartnership } from '../../../helpers/partnerships.ts';
import { insertLeaderProfile } from '../../../helpers/leaders.ts';
import { insertPractice } from '../../../helpers/practice.ts';
import { finalReport, joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import {
  crawl,
  encodeForm,
  fillRoute,
  fingerprint,
  formsOn,
  routeOf,
  tableRows,
  UNSAFE_METHODS,
  type FoundForm,
} from '../../../helpers/site.ts';

/**
 * The usual attacks, tried on every route the app registers (read from `app.routeTable`, so a new
 * route is covered without touching this file) and every form a visitor can reach by following
 * links as an anonymous visitor, a school administrator, a partner school and a platform
 * administrator.
 */

const OWN = 610001;
const PARTNER = 610002;
const OTHER = 610003;
const SQL_PAYLOADS = ["' OR 1=1 --", '"; drop table schools; --'];
/** Every item of Estyn's ten questions (frameworks/readiness/estyn-ten-questions.v1.json). */
const ESTYN_ITEMS = [
  'focus',
  'need',
  'priorities',
  'outcomes',
  'resources',
  'evaluate-impact',
  'choosing-partners',
  'practice-to-share',
  'culture',
  'barriers',
];
/** Written into the fixture's private records, to spot them on any page or API answer. */
const PRIVATE = 'Confidential-7f3a';
/** Pages one visitor's crawl may read: well above the most any visitor reaches in the fixture (300 in December 2026). */
const CRAWL_LIMIT = 600;
/** Tables whose rows no attack may remove or change. */
const KEPT_TABLES = ['schools', 'users', 'school_memberships', 'organisations', 'organisation_schools'];
const SCRIPT = '<script>alert(1)</script>';
const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;';

interface Visitor {
  name: string;
  /** Cookie header (session and CSRF secret). */
  cookie: string;
  csrfToken: string;
  start: string[];
  /** A member of a school in the fixture, or an officer it shares with: may read its private records. */
  readsPrivateRecords?: boolean;
}

/** An unsafe route and how to reach it: the form that posts to it, if a visitor can find one. */
interface Target {
  route: RouteSummary;
  url: string;
  visitor: Visitor;
  form: FoundForm | undefined;
}

describe('the usual attacks on every form and endpoint fail safely', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let visitors: Visitor[];
  let forms: { visitor: Visitor; form: FoundForm }[];
  let targets: Target[];
  let partnerships: number[];
  let assessments: number[];
  let practice: number[];
  /** A case study page with the forms that choose its parts, approve and withdraw it. */
  let caseStudy: string;
  let mailer: MemoryMailer;
  /** Pages and API answers that show private records to those entitled. */
  let privateUrls: Set<string>;
  /** People who must never see them. */
  let outsiders: Visitor[];

  const send = (visitor: Visitor, method: string, url: string, payload: string, contentType: string) =>
    app.inject({ method, url, headers: { cookie: visitor.cookie, 'content-type': contentType }, payload });
  const sendForm = (
    visitor: Visitor,
    method: string,
    url: string,
    fields: { name: string; value: string }[],
  ) => send(visitor, method, url, encodeForm(fields), 'application/x-www-form-urlencoded');
  const label = (target: Target) => `${target.route.method} ${target.route.url}`;

  /** A fresh world for each group of attacks, so one group's changes do not hide another's targets. */
  const setUp = async () => {
    mailer = new MemoryMailer();
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: OWN, name: 'Ashgrove Primary School' });
    await insertSchool(t.db, { urn: PARTNER, name: 'Birchfield Primary School' });
    await insertSchool(t.db, { urn: OTHER, name: 'Cedar Primary School' });
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), db: t.db, mailer });

    const organisationId = await createOrganisation(t.db, {
      name: 'Leeds City Council',
      schools: [{ urn: OWN, sharesRecords: true }],
    });
    // A trust, whose page of schools taken on a platform administrator reaches from its page, and
    // the fixture's own school as a sponsor school, each with a school taken on and not yet handed
    // on, so that the forms that end a sponsorship show.
    const trust = await createOrganisation(t.db, { kind: 'trust', name: 'Aire Learning Trust' });
    await t.db
      .insertInto('sponsorships')
      .values([
        { urn: OTHER, sponsor_organisation_id: trust, starts_on: '2024-09-01' },
        { urn: PARTNER, sponsor_urn: OWN, starts_on: '2024-09-01' },
      ])
      .execute();
    const lead = await signIn(app, t.db, {
      name: 'Asha Head',
      schools: [{ urn: OWN, role: 'admin' }],
      systemLeader: 'NLE',
    });
    await createUser(t.db, { name: 'Colm Member', schools: [{ urn: OWN }] });
    const partner = await signIn(app, t.db, { name: 'Ben Head', schools: [{ urn: PARTNER, role: 'admin' }] });
    const officer = await signIn(app, t.db, { name: 'Olu Officer', organisations: [organisationId] });
    const platform = await signIn(app, t.db, { name: 'Pat Admin', platformAdmin: true });
    const anonymous = await anonymousCsrf(app);

    const at = new Date().toISOString();
    /** Partnerships at each stage, so that every stage's forms are in reach. */
    const partnership = async (title: string, status: PartnershipStatus) => {
      const input: NewPartnership = {
        title,
        type: 'peer-to-peer',
        proposer: { urn: OWN, role: 'supporting' },
        invited: [{ urn: PARTNER, role: 'supported' }],
        createdBy: lead.user.id,
        at,
      };
      return status === 'proposed'
        ? createPartnership(t.db, input)
        : createAcceptedPartnership(t.db, input, status);
    };
    partnerships = [
      await partnership(`Reading together ${PRIVATE}`, 'proposed'),
      await partnership(`Maths together ${PRIVATE}`, 'agreed'),
      await partnership(`Writing together ${PRIVATE}`, 'active'),
    ];
    // A completed partnership whose case study waits for both schools' approval (choose, approve, withdraw).
    const completed = await partnership('Spelling together', 'active');
    await t.db
      .updateTable('partnerships')
      .set({ status: 'closed', closure: 'completed' })
      .where('id', '=', completed)
      .execute();
    await saveCaseStudyParts(t.db, completed, { parts: ['need'], urn: OWN }, lead.user);
    caseStudy = `/partnerships/${completed}/case-study`;
    await addAction(
      t.db,
      partnerships[2]!,
      { description: 'Joint lesson study', owner: 'Asha Head', dueDate: '2026-01-31', status: 'in-progress' },
      lead.user.id,
    );
    const assessment = (status: 'draft' | 'completed') =>
      createAssessment(t.db, {
        urn: OWN,
        frameworkId: 'estyn-ten-questions',
        frameworkVersion: 1,
        partnershipType: 'peer-to-peer',
        startedBy: lead.user.id,
      }).then(async (id) => {
        await saveAnswers(
          t.db,
          id,
          ESTYN_ITEMS.map((itemId) => ({ itemId, rating: 2, evidence: `Notes ${PRIVATE}` })),
        );
        if (status === 'completed') {
          await completeAssessment(t.db, id, new Date(), [
            {
              itemId: 'culture',
              action: `Plan joint training ${PRIVATE}`,
              owner: 'Asha Head',
              dueOn: '2026-03-01',
              status: 'not-started',
              priority: 1,
            },
          ]);
          await grantShare(t.db, { id, urn: OWN }, { urn: PARTNER });
        }
        return id;
      });
    assessments = [await assessment('draft'), await assessment('completed')];
    // One running partnership carries that action plan; a later plan waits to be brought in.
    await carryActionsInto(t.db, OWN, partnerships[1]!, null);
    assessments.push(await assessment('completed'));
    // Practice in each state: a draft only the school sees, one with the moderators, one published.
    practice = [
      await insertPractice(t.db, { urn: OWN, content: { title: `Reading fluency ${PRIVATE}` } }),
      await insertPractice(t.db, { urn: OWN, state: 'submitted', content: { title: 'Maths talk' } }),
      await insertPractice(t.db, { urn: OWN, state: 'published', content: { title: 'Attendance calls' } }),
    ];
    // A reader's report on the published one, for its moderators to close.
    await reportPracticeRecord(t.db, practice[2]!, 'It names a member of staff', null);
    await addMilestone(t.db, partnerships[2]!, {
      title: `Joint training day ${PRIVATE}`,
      dueDate: '2026-02-01',
      doneOn: null,
    });
    const [milestone] = await t.db.selectFrom('partnership_milestones').select('id').execute();
    await setMilestoneDone(t.db, partnerships[2]!, milestone!.id, '2026-01-30', lead.user);
    // A published system-leader profile (withdraw) and a hidden one whose words are private (publish).
    const profile = {
      expertise: ['literacy' as const],
      availability: { daysPerTerm: 6, from: '2025-09-01', to: '2099-07-31' },
      dayRatePounds: 450,
    };
    await insertLeaderProfile(
      t.db,
      lead.user,
      { ...profile, urn: OWN, experience: 'Led two schools out of special measures' },
      { published: false },
    );
    await setProfilePublished(t.db, lead.user.id, at, lead.user);
    await insertLeaderProfile(
      t.db,
      officer.user,
      { ...profile, urn: PARTNER, experience: `Notes ${PRIVATE}` },
      { published: false },
    );
    // Peer review: a cluster of the three schools with a cycle moderated by the officer; the
    // partner's invitation to a second group waits for this school's answer.
    const urns = [OWN, PARTNER, OTHER];
    const reviewGroup = await joinedGroup(t.db, { name: 'Aire cluster', urns }, lead.user);
    await createGroup(
      t.db,
      { name: 'Wharfe cluster', model: 'cluster', proposerUrn: PARTNER, invitedUrns: [OWN, OTHER] },
      partner.user,
    );
    const trained = { trainedOn: '2025-09-01', trainedBy: 'Northern Hub', earlierReviews: 3, experience: '' };
    await saveReviewer(t.db, lead.user.id, { homeUrn: OWN, ...trained }, lead.user);
    await saveReviewer(t.db, partner.user.id, { homeUrn: PARTNER, ...trained }, partner.user);
    const { reviews } = await scheduledCycle(
      t.db,
      { groupId: reviewGroup, urns, moderatorUserId: officer.user.id },
      lead.user,
    );
    // Ours is final, with an area to develop to act on; the other school's is ready to submit.
    const own = reviews.get(OWN)!;
    await addToTeam(
      t.db,
      own,
      { userId: partner.user.id, role: 'lead', conflicts: [], override: null },
      lead.user,
    );
    await saveSelfEvaluation(
      t.db,
      own,
      { selfEvaluation: `Our view ${PRIVATE}`, chosenFocus: 'literacy' },
      lead.user,
    );
    await finalReport(
      t.db,
      own,
      [
        { focusArea: 'leadership', kind: 'area-to-develop', finding: `Middle leaders ${PRIVATE}` },
        { focusArea: 'literacy', kind: 'strength', finding: 'Reading is taught well' },
      ],
      partner.user,
    );
    // The area to develop has an action; the strength is challenged, waiting for its lead reviewer.
    const ownFindings = await t.db
      .selectFrom('peer_review_findings')
      .select(['id', 'kind'])
      .where('review_id', '=', own)
      .execute();
    const findingOf = (kind: string) => ownFindings.find((f) => f.kind === kind)!.id;
    await addFindingAction(
      t.db,
      findingOf('area-to-develop'),
      { description: 'Coach middle leaders', owner: '', dueOn: null, declareNeed: null },
      '2026-03-02',
      lead.user,
    );
    await challengeFinding(t.db, own, findingOf('strength'), 'Not only reading', lead.user);
    await declareConflict(t.db, lead.user.id, { urn: PARTNER, kind: 'governs' }, lead.user);
    const other = reviews.get(OTHER)!;
    await addToTeam(
      t.db,
      other,
      { userId: lead.user.id, role: 'lead', conflicts: [], override: null },
      lead.user,
    );
    await addToTeam(
      t.db,
      other,
      { userId: partner.user.id, role: 'reviewer', conflicts: [], override: null },
      lead.user,
    );
    await saveSelfEvaluation(
      t.db,
      other,
      { selfEvaluation: 'Reading first', chosenFocus: 'literacy' },
      lead.user,
    );
    await saveJudgement(t.db, other, { areaId: 'leadership', judgement: 3, evidence: 'Meetings' }, lead.user);
    // Its visit is still to come, so its team can still change.
    await t.db.updateTable('peer_reviews').set({ visit_on: '2099-03-10' }).where('id', '=', other).execute();
    await addFinding(
      t.db,
      other,
      {
        areaId: 'leadership',
        focusArea: 'leadership',
        kind: 'strength',
        finding: 'Clear plan',
        evidence: 'Plan',
      },
      lead.user,
    );
    // A second cycle whose one report waits for the moderator.
    const second = await scheduledCycle(
      t.db,
      { groupId: reviewGroup, urns: [OTHER], moderatorUserId: officer.user.id, sampled: true },
      lead.user,
    );
    await moveReport(
      t.db,
      second.reviews.get(OTHER)!,
      { from: 'planned', to: 'submitted', today: '2026-03-01' },
      lead.user,
    );
    const leadProfileId = (
      await t.db
        .selectFrom('system_leader_profiles')
        .select('id')
        .where('user_id', '=', lead.user.id)
        .executeTakeFirstOrThrow()
    ).id;
    // A deployment of the lead, commissioned by the partner school, waiting for the lead's answer.
    const deployment = await createDeployment(
      t.db,
      {
        leaderUserId: lead.user.id,
        leaderName: 'Asha Head',
        clientUrn: PARTNER,
        clientName: 'Birchfield Primary School',
        organisationId: null,
        commissionedBy: partner.user.id,
        scope: `Coach the reading lead ${PRIVATE}`,
        objectives: 'Consistent phonics',
        successCriteria: 'Every lesson good',
        focusAreas: ['literacy'],
        days: 2,
        start: '2098-01-10',
        end: '2098-02-10',
        dayRatePounds: 450,
        paidBy: 'client-school',
        reportsTo: 'The headteacher',
        exitStrategy: 'The reading lead carries on',
        at,
        readiness: await readinessFrameworks(OWN),
      },
      () => null,
      partner.user,
    );
    if (!('id' in deployment)) throw new Error('no deployment');
    partnerships.push(deployment.id);
    // A second system leader on its team, not yet answering, whom the partner school may remove.
    const teamMember = await signIn(app, t.db, { name: 'Tess Team' });
    await insertLeaderProfile(t.db, teamMember.user, { ...profile, urn: OTHER });
    await addTeamMember(
      t.db,
      deployment.id,
      { userId: teamMember.user.id, days: 1, dayRatePounds: 300 },
      () => () => null,
      { userId: partner.user.id, at, actor: partner.user },
    );
    // The client's side of the paired readiness questions, with a private answer.
    await saveAnswers(t.db, (await deploymentReadiness(t.db, deployment.id)).client!, [
      { itemId: 'client-time-and-capacity', rating: 2, evidence: `Cover is thin ${PRIVATE}` },
    ]);
    const invitationToken = await createInvitation(t.db, {
      email: 'new.teacher@example.org',
      target: { urn: OWN, schoolRole: 'member' },
      invitedBy: lead.user,
      now: new Date(),
      validMs: 24 * 60 * 60 * 1000,
    });
    // A platform administrator's request to join this school, for its administrator to decide; and
    // a proposal to a school with nobody on S2S, whose first administrator the lead may ask for.
    await createJoinRequest(t.db, {
      email: 'pat.admin@example.org',
      urn: OWN,
      schoolRole: 'member',
      reason: 'platform-administrator',
      note: null,
      partnershipId: null,
      requestedBy: platform.user,
      now: new Date(),
    });
    partnerships.push(
      await createPartnership(t.db, {
        title: 'Science together',
        type: 'peer-to-peer',
        proposer: { urn: OWN, role: 'supporting' },
        invited: [{ urn: OTHER, role: 'supported' }],
        createdBy: lead.user.id,
        at,
      }),
    );
    const resetToken = await createPasswordReset(
      t.db,
      (await createUser(t.db, { password: 'an old password' })).id,
      new Date(),
      60 * 60 * 1000,
    );

    const signedIn = (
      name: string,
      who: typeof lead,
      start: string[],
      readsPrivateRecords?: true,
    ): Visitor => ({ name, cookie: who.cookie, csrfToken: who.csrfToken, start, readsPrivateRecords });
    visitors = [
      {
        name: 'anonymous visitor',
        ...anonymous,
        start: [
          '/',
          '/sign-in',
          '/password-reset',
          `/invitations/${invitationToken}`,
          `/password-reset/${resetToken}`,
        ],
      },
      signedIn(
        'school administrator',
        lead,
        [
          '/account',
          `/schools/${OWN}`,
          ...partnerships.map((id) => `/partnerships/${id}`),
          ...assessments.map((id) => `/readiness/assessments/${id}`),
          '/readiness',
          '/partnerships',
          '/practice/new',
          ...practice.map((id) => `/practice/${id}`),
          '/deployments',
          '/peer-review',
          '/join-requests',
          caseStudy,
        ],
        true,
      ),
      signedIn(
        'partner school administrator',
        partner,
        [
          ...partnerships.map((id) => `/partnerships/${id}`),
          '/partnerships',
          '/deployments',
          `/system-leaders/${leadProfileId}/commission`,
          '/peer-review',
          caseStudy,
          `${caseStudy}?parts=milestones`,
        ],
        true,
      ),
      signedIn(
        'organisation officer',
        officer,
        ['/account', `/organisations/${organisationId}/partnerships`, '/deployments', '/peer-review'],
        true,
      ),
      signedIn('platform administrator', platform, ['/admin', '/account']),
    ];

    forms = [];
    privateUrls = new Set();
    for (const visitor of visitors) {
      const pages = await crawl(app, visitor.start, { cookie: visitor.cookie }, CRAWL_LIMIT);
      // A crawl cut short by the limit would leave forms unfound and routes untried, silently.
      if (pages.length >= CRAWL_LIMIT)
        throw new Error(`${visitor.name}'s crawl reached ${CRAWL_LIMIT} pages: raise CRAWL_LIMIT`);
      for (const page of pages) {
        for (const form of formsOn(page.url, page.html)) forms.push({ visitor, form });
        if (visitor.readsPrivateRecords && page.html.includes(PRIVATE)) privateUrls.add(page.url);
      }
    }
    // A preview answers with the form that confirms it: send each preview as its visitor would.
    for (const { visitor, form } of forms.filter(({ form }) => form.action.endsWith('/preview'))) {
      const previewed = await sendForm(visitor, form.method, form.action, [
        ...form.fields.filter((f) => f.name !== 'by' && f.name !== 'urns'),
        { name: 'by', value: 'urns' },
        { name: 'urns', value: String(OTHER) },
      ]);
      for (const found of formsOn(form.action, previewed.body)) forms.push({ visitor, form: found });
    }
    // The API's private answers, from its routes filled in with each record the fixture holds.
    const apiRoutes = app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
    for (const route of apiRoutes) {
      for (const id of [...partnerships, ...assessments, ...practice]) {
        const url = fillRoute(route.url, {
          urn: String(OWN),
          id: String(id),
          organisationId: String(organisationId),
        });
        for (const visitor of visitors.filter((v) => v.readsPrivateRecords)) {
          const response = await app.inject({ url, headers: { cookie: visitor.cookie } });
          if (response.body.includes(PRIVATE)) privateUrls.add(url);
        }
      }
    }
    const otherSchoolAdmin = await signIn(app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    outsiders = [
      visitors[0]!,
      signedIn('stranger', await signIn(app, t.db), []),
      signedIn('administrator of another school', otherSchoolAdmin, []),
      visitors.find((v) => v.name === 'platform administrator')!,
    ];
    const unsafe = app.routeTable.filter((r) => UNSAFE_METHODS.has(r.method));
    targets = unsafe.map((route) => {
      const found = forms.find(
        ({ form }) =>
          form.method === route.method && routeOf(app.routeTable, route.method, form.action) === route,
      );
      return found
        ? { route, url: found.form.action, visitor: found.visitor, form: found.form }
        : { route, url: fillRoute(route.url, { urn: String(OWN) }), visitor: visitors[1]!, form: undefined };
    });
  };
  const tearDown = async () => {
    await app?.close();
    await t?.drop();
  };

  describe('requests that must be refused', () => {
    beforeAll(setUp, 300_000); // a crawl as each visitor: minutes on a loaded machine
    afterAll(tearDown);

    it('reaches every unsafe route the app registers through a form a visitor can find', () => {
      expect(targets.length).toBeGreaterThan(20);
      // A new unsafe route whose form is not found: add what makes it reachable to the fixture above.
      expect(targets.filter((target) => !target.form).map(label)).toEqual([]);
    });

    it('shows a school’s private records to no one outside it, platform administrators included', async () => {
      // Plans, self-assessments and their API answers, in every state the fixture holds.
      expect(privateUrls.size).toBeGreaterThan(20);
      const leaks: string[] = [];
      for (const url of privateUrls) {
        for (const outsider of outsiders) {
          const response = await app.inject({ url, headers: { cookie: outsider.cookie } });
          if (response.body.includes(PRIVATE))
            leaks.push(`${url} to ${outsider.name}: ${response.statusCode}`);
          const anonymousRefused = url.startsWith('/api/')
            ? response.statusCode === 401
            : response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in');
          if (outsider === visitors[0] && !anonymousRefused && response.statusCode !== 404) {
            leaks.push(`${url} to ${outsider.name}: ${response.statusCode} rather than a sign-in`);
          }
        }
      }
      expect(leaks).toEqual([]);
    });

    it('refuses every unsafe request without the right CSRF token, and changes nothing', async () => {
      const before = await fingerprint(t.db);
      const accepted: string[] = [];
      for (const target of targets) {
        const fields = (target.form?.fields ?? []).filter((f) => f.name !== '_csrf');
        const otherVisitor = visitors.find((v) => v !== target.visitor)!;
        const attempts: [string, () => ReturnType<typeof send>][] = [
          ['no token', () => sendForm(target.visitor, target.route.method, target.url, fields)],
          [
            'a made-up token',
            () =>
              sendForm(target.visitor, target.route.method, target.url, [
                ...fields,
                { name: '_csrf', value: 'made-up-token' },
              ]),
          ],
          [
            'someone else’s token',
            () =>
              sendForm(target.visitor, target.route.method, target.url, [
                ...fields,
                { name: '_csrf', value: otherVisitor.csrfToken },
              ]),
          ],
          [
            'a token but no CSRF cookie',
            () =>
              app.inject({
                method: target.route.method,
                url: target.url,
                headers: {
                  cookie: target.visitor.cookie.replace(/;?\s*s2s-csrf=[^;]*/, ''),
                  'content-type': 'application/x-www-form-urlencoded',
                },
                payload: encodeForm([...fields, { name: '_csrf', value: target.visitor.csrfToken }]),
              }),
          ],
          [
            'a made-up token in the header',
            () =>
              app.inject({
                method: target.route.method,
                url: target.url,
                headers: { cookie: target.visitor.cookie, 'csrf-token': 'made-up-token' },
                payload: {},
              }),
          ],
        ];
        for (const [attack, attempt] of attempts) {
          const response = await attempt();
          if (response.statusCode !== 403)
            accepted.push(`${label(target)} with ${attack}: ${response.statusCode}`);
        }
      }
      expect(accepted).toEqual([]);
      expect(await fingerprint(t.db)).toEqual(before);
      expect(mailer.sent).toEqual([]);
    });

    it('refuses a body over the limit with 413 on every unsafe route, and changes nothing', async () => {
      const before = await fingerprint(t.db);
      const accepted: string[] = [];
      for (const target of targets) {
        const { visitor, route, url } = target;
        const prefix = `_csrf=${encodeURIComponent(visitor.csrfToken)}&note=`;
        const form = prefix + 'a'.repeat(FORM_BODY_LIMIT + 1 - prefix.length);
        const json = JSON.stringify({ _csrf: visitor.csrfToken, note: 'a'.repeat(BODY_LIMIT) });
        for (const [kind, payload, type] of [
          ['form', form, 'application/x-www-form-urlencoded'],
          ['JSON', json, 'application/json'],
        ] as const) {
          const response = await send(visitor, route.method, url, payload, type);
          if (response.statusCode !== 413)
            accepted.push(`${label(target)} (${kind}): ${response.statusCode}`);
        }
      }
      expect(accepted).toEqual([]);
      expect(await fingerprint(t.db)).toEqual(before);
    });
  });

  describe('SQL metacharacters', () => {
    beforeAll(setUp, 300_000); // a crawl as each visitor: minutes on a loaded machine
    afterAll(tearDown);

    it('answers SQL metacharacters in every field, query parameter and path parameter normally, and loses no data', async () => {
      const before: Record<string, string[]> = {};
      for (const table of KEPT_TABLES) {
        before[table] = await tableRows(t.db, table);
      }
      const failures: string[] = [];
      const check = (what: string, status: number) => {
        if (status >= 500) failures.push(`${what}: ${status}`);
      };
      for (const payload of SQL_PAYLOADS) {
        for (const { visitor, form } of forms) {
          for (const field of form.fields.filter((f) => f.typed)) {
            const fields = form.fields.map((f) => (f === field ? { ...f, value: payload } : f));
            const response =
              form.method === 'POST'
                ? await sendForm(visitor, 'POST', form.action, fields)
                : await app.inject({
                    url: `${form.action.split('?')[0]}?${encodeForm(fields)}`,
                    headers: { cookie: visitor.cookie },
                  });
            check(`${form.method} ${form.action} ${field.name} (${visitor.name})`, response.statusCode);
          }
        }
        const documented = (await app.inject('/api/docs/json')).json() as {
          paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
        };
        for (const [path, operations] of Object.entries(documented.paths)) {
          for (const parameter of operations.get?.parameters ?? []) {
            const url =
              parameter.in === 'query'
                ? `${fillRoute(path.replace(/\{(\w+)\}/g, ':$1'), { urn: String(OWN) })}?${encodeForm([{ name: parameter.name, value: payload }])}`
                : fillRoute(path.replace(/\{(\w+)\}/g, ':$1'), {
                    urn: String(OWN),
                    [parameter.name]: payload,
                  });
            check(
              `GET ${url}`,
              (await app.inject({ url, headers: { cookie: visitors[1]!.cookie } })).statusCode,
            );
          }
        }
        for (const route of app.routeTable.filter((r) => /:\w+/.test(r.url))) {
          for (const [, name] of route.url.matchAll(/:(\w+)/g)) {
            const url = fillRoute(route.url, { urn: String(OWN), [name!]: payload });
            const response = UNSAFE_METHODS.has(route.method)
              ? await sendForm(visitors[1]!, route.method, url, [
                  { name: '_csrf', value: visitors[1]!.csrfToken },
                ])
              : await app.inject({ method: route.method, url, headers: { cookie: visitors[1]!.cookie } });
            check(`${route.method} ${url}`, response.statusCode);
          }
        }
      }
      expect(failures).toEqual([]);
      // Forms did what forms do (new organisations, plans); nothing that was there has gone or changed.
      for (const table of KEPT_TABLES) {
        const after = new Set(await tableRows(t.db, table));
        expect(
          before[table]!.filter((row) => !after.has(row)),
          table,
        ).toEqual([]);
      }
    }, 300_000); // a request per field, payload and route: minutes on a loaded machine
  });

  describe('HTML in fields', () => {
    beforeAll(setUp, 300_000); // a crawl as each visitor: minutes on a loaded machine
    afterAll(tearDown);

    it('shows HTML typed into any field, or chosen as a name, as text and never as markup', async () => {
      for (const { visitor, form } of forms.filter((f) => f.form.method === 'POST')) {
        for (const field of form.fields.filter((f) => f.typed)) {
          const fields = form.fields.map((f) => (f === field ? { ...f, value: SCRIPT } : f));
          const response = await sendForm(visitor, 'POST', form.action, fields);
          expect(response.body, `${form.action} ${field.name}`).not.toContain(SCRIPT);
        }
      }
      await createUser(t.db, { name: SCRIPT, schools: [{ urn: OWN }] });
      const shownEscaped = new Set<string>();
      for (const visitor of visitors) {
        for (const page of await crawl(app, visitor.start, { cookie: visitor.cookie }, CRAWL_LIMIT)) {
          expect(page.html, page.url).not.toContain(SCRIPT);
          if (page.html.includes(ESCAPED_SCRIPT)) shownEscaped.add(page.url.split('?')[0]!);
        }
      }
      expect([...shownEscaped]).toEqual(
        expect.arrayContaining([
          // a partnership's plan and record
          ...partnerships.map((id) => `/partnerships/${id}`),
          // self-assessment evidence
          `/readiness/assessments/${assessments[0]}/sections/purpose`,
          `/readiness/assessments/${assessments[1]}/report`,
          // an organisation's name, and a person's
          '/admin',
          `/schools/${OWN}/members`,
        ]),
      );
    }, 300_000); // a request per typed field and a crawl per visitor: minutes on a loaded machine
  });
});
